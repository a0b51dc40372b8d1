import { ErrorCode, errorMessages, formatMessage, type Language } from '@tre/core';

/** The one error type of Tre. Services throw it; http/errors.ts turns it into a reply. */
export class TreError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      field?: string;
      params?: Record<string, string | number>;
      /** A more precise message than the code's default, in both languages. */
      detail?: { vi: string; en: string };
    } = {},
  ) {
    super(options.detail?.en ?? formatMessage(errorMessages[code].en, options.params));
    this.name = 'TreError';
  }

  messageIn(lang: Language): string {
    return this.options.detail?.[lang] ?? formatMessage(errorMessages[this.code][lang], this.options.params);
  }
}

export const notFound = (what?: { vi: string; en: string }) =>
  new TreError(ErrorCode.NotFound, what ? { detail: { vi: `Không tìm thấy ${what.vi}`, en: `${what.en} not found` } } : {});

export const forbidden = () => new TreError(ErrorCode.Forbidden);

export const invalid = (field: string, vi: string, en: string) =>
  new TreError(ErrorCode.ValidationFailed, { field, detail: { vi, en } });

const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  WEAK_PASSWORD: 400,
  NOT_SIGNED_IN: 401,
  BAD_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 429,
  TOO_MANY_ATTEMPTS: 429,
  ACCOUNT_DISABLED: 403,
  CSRF_REJECTED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FILE_TOO_LARGE: 413,
  TOO_MANY_IMPORTS: 429,
  PLAN_FILE_UNREADABLE: 422,
  DATA_FILE_UNREADABLE: 422,
  SUBMISSION_STATE: 409,
  SUBMISSION_INCOMPLETE: 422,
  FIGURES_LOCKED: 409,
  REASON_REQUIRED: 403,
  /** an outside service Tre depends on is down or refusing: the request may succeed later */
  POPULATION_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function httpStatusOf(code: ErrorCode): number {
  return statusOf[code];
}
