/**
 * Every error Tre reports has one of these codes. The server maps a code to an HTTP status in one
 * place (server/src/http/errors.ts); the web shows the message in the user's language.
 */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  NotSignedIn: 'NOT_SIGNED_IN',
  BadCredentials: 'BAD_CREDENTIALS',
  AccountLocked: 'ACCOUNT_LOCKED',
  TooManyAttempts: 'TOO_MANY_ATTEMPTS',
  AccountDisabled: 'ACCOUNT_DISABLED',
  CsrfRejected: 'CSRF_REJECTED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  WeakPassword: 'WEAK_PASSWORD',
  PlanFileUnreadable: 'PLAN_FILE_UNREADABLE',
  DataFileUnreadable: 'DATA_FILE_UNREADABLE',
  FileTooLarge: 'FILE_TOO_LARGE',
  TooManyImports: 'TOO_MANY_IMPORTS',
  SubmissionState: 'SUBMISSION_STATE',
  SubmissionIncomplete: 'SUBMISSION_INCOMPLETE',
  FiguresLocked: 'FIGURES_LOCKED',
  ReasonRequired: 'REASON_REQUIRED',
  PopulationUnavailable: 'POPULATION_UNAVAILABLE',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type Language = 'vi' | 'en';

type Messages = Record<ErrorCode, { vi: string; en: string }>;

export const errorMessages: Messages = {
  VALIDATION_FAILED: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' },
  NOT_SIGNED_IN: { vi: 'Bạn chưa đăng nhập hoặc phiên đã hết hạn', en: 'You are not signed in or your session has expired' },
  BAD_CREDENTIALS: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau {seconds} giây',
    en: 'Account temporarily locked after repeated failed sign-ins; try again in {seconds} seconds',
  },
  TOO_MANY_ATTEMPTS: {
    vi: 'Quá nhiều lần đăng nhập sai từ địa chỉ này; thử lại sau {seconds} giây',
    en: 'Too many failed sign-ins from this address; try again in {seconds} seconds',
  },
  ACCOUNT_DISABLED: { vi: 'Tài khoản đã bị vô hiệu hóa', en: 'This account is disabled' },
  CSRF_REJECTED: {
    vi: 'Yêu cầu bị từ chối: thiếu hoặc sai mã chống giả mạo (CSRF); hãy tải lại trang',
    en: 'Request refused: missing or wrong CSRF token; reload the page',
  },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  NOT_FOUND: { vi: 'Không tìm thấy', en: 'Not found' },
  CONFLICT: { vi: 'Dữ liệu bị trùng hoặc xung đột', en: 'Conflicts with existing data' },
  WEAK_PASSWORD: {
    vi: 'Mật khẩu phải có ít nhất {min} ký tự',
    en: 'The password must have at least {min} characters',
  },
  PLAN_FILE_UNREADABLE: {
    vi: 'Không đọc được tệp kế hoạch: {detail}',
    en: 'The plan file cannot be read: {detail}',
  },
  DATA_FILE_UNREADABLE: {
    vi: 'Không đọc được tệp số liệu: {detail}',
    en: 'The data file cannot be read: {detail}',
  },
  FILE_TOO_LARGE: {
    vi: 'Tệp quá lớn (tối đa {maxMb} MB)',
    en: 'The file is too large (at most {maxMb} MB)',
  },
  TOO_MANY_IMPORTS: {
    vi: 'Có quá nhiều tệp đang chờ nhập; hãy gửi lại sau',
    en: 'Too many files are waiting to be imported; send it again later',
  },
  SUBMISSION_STATE: {
    vi: 'Không thể {action} một báo cáo đang ở trạng thái "{state}"',
    en: 'A report that is "{stateEn}" cannot be {actionEn}',
  },
  SUBMISSION_INCOMPLETE: {
    vi: 'Chưa thể gửi: {count} số liệu bắt buộc chưa có và chưa giải trình ({fields})',
    en: 'Cannot submit yet: {count} required figures are neither entered nor explained ({fields})',
  },
  FIGURES_LOCKED: {
    vi: 'Số liệu {period} của {unit} đã được chấp nhận trong đợt báo cáo “{round}” và đã khóa; cơ quan thường trực phải mở lại báo cáo trước khi sửa',
    en: 'The figures of {unit} for {periodEn} were accepted in the reporting round “{round}” and are locked; the standing body must reopen the report before they can change',
  },
  REASON_REQUIRED: {
    vi: 'Hồ sơ này không thuộc xã của bạn: hãy nêu lý do mở hồ sơ (được ghi vào nhật ký truy cập)',
    en: 'This record is not of your commune: state why you open it (it is kept in the access log)',
  },
  POPULATION_UNAVAILABLE: {
    vi: 'Chưa tra cứu được Cơ sở dữ liệu quốc gia về dân cư; vui lòng thử lại sau',
    en: 'The national population database could not be consulted; try again later',
  },
  INTERNAL: {
    vi: 'Lỗi hệ thống; vui lòng thử lại hoặc báo quản trị viên',
    en: 'Internal error; try again or tell the administrator',
  },
};

/** Fills `{name}` placeholders of a message. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** Picks the language from an Accept-Language header: Vietnamese unless English is preferred. */
export function languageFromHeader(header: string | undefined): Language {
  if (!header) return 'vi';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'vi';
}
