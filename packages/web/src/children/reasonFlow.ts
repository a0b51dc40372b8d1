import { ErrorCode, type ChildDto } from '@tre/core';
import { ApiError, errorMessage } from '../api/client.ts';

/**
 * Opening a child's record. A record outside the reader's own commune (always, for a role that
 * reaches the whole province) is answered 403 REASON_REQUIRED until a reason of at least five
 * characters is given: the page then asks for one in a dialog and reads the record again with it;
 * the server keeps the reason in the read log.
 */

export const REASON_MIN = 5;
export const REASON_MAX = 500;

export type RecordState =
  | { kind: 'loading' }
  | { kind: 'ready'; child: ChildDto }
  /** the dialog is open; `busy` while the read with the reason runs, `error` when it failed */
  | { kind: 'reason'; busy: boolean; error: string | null }
  /** the reader closed the dialog without a reason */
  | { kind: 'declined' }
  | { kind: 'failed'; error: string; status: number | null };

export type RecordEvent =
  | { type: 'load' }
  | { type: 'loaded'; child: ChildDto }
  | { type: 'failed'; error: unknown }
  | { type: 'submitReason' }
  | { type: 'decline' }
  | { type: 'askAgain' };

export const isReasonRequired = (e: unknown): boolean => e instanceof ApiError && e.code === ErrorCode.ReasonRequired;

/** Why a typed reason cannot be sent yet: 'short' under five characters (spaces aside), 'long' over 500. */
export function reasonProblem(text: string): 'short' | 'long' | null {
  const t = text.trim();
  if (t.length < REASON_MIN) return 'short';
  if (t.length > REASON_MAX) return 'long';
  return null;
}

export function recordReducer(state: RecordState, event: RecordEvent): RecordState {
  switch (event.type) {
    case 'load':
      return { kind: 'loading' };
    case 'loaded':
      return { kind: 'ready', child: event.child };
    case 'submitReason':
      return { kind: 'reason', busy: true, error: null };
    case 'decline':
      return state.kind === 'reason' ? { kind: 'declined' } : state;
    case 'askAgain':
      return { kind: 'reason', busy: false, error: null };
    case 'failed':
      if (isReasonRequired(event.error)) {
        // asked first, or the reason given was refused (the server trims it): the dialog says why
        return state.kind === 'reason'
          ? { kind: 'reason', busy: false, error: errorMessage(event.error) }
          : { kind: 'reason', busy: false, error: null };
      }
      // a reason the server refuses for its form (400) is said in the dialog, to be corrected there
      if (state.kind === 'reason' && event.error instanceof ApiError && event.error.status === 400) {
        return { kind: 'reason', busy: false, error: errorMessage(event.error) };
      }
      return {
        kind: 'failed',
        error: errorMessage(event.error),
        status: event.error instanceof ApiError ? event.error.status : null,
      };
  }
}
