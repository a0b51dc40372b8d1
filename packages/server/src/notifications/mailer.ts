import nodemailer, { type Mail as Transport, type SMTPSentMessageInfo, type SMTPTransportOptions } from 'nodemailer';
import { DEFAULT_MAIL_FROM, type Config } from '../config.ts';

/** One plain-text message. */
export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

export interface MailResult {
  delivered: boolean;
  /** why not, short and bilingual: never an address or the server's own reply text, which may quote one */
  error?: string;
  /**
   * The mail server could not be reached or would not take anything from Tre (connection, greeting,
   * TLS, sign-in): a later message of the same run would fail the same way.
   */
  serverDown?: boolean;
}

/** Sends e-mail. Never throws: a failure is `delivered: false` with its reason. */
export interface Mailer {
  send(mail: Mail): Promise<MailResult>;
  /** false when no mail server is configured: every send says so and nothing leaves */
  readonly configured?: boolean;
}

export const NO_MAIL_SERVER = 'chưa cấu hình máy chủ thư / no mail server configured';

/** What Tre does without TRE_SMTP_URL: reminders stay in-app, the e-mail log rows say why. */
export const unconfiguredMailer: Mailer = {
  configured: false,
  send: async () => ({ delivered: false, error: NO_MAIL_SERVER }),
};

/** Bounds of every wait on the mail server, so that a dead server costs a run seconds, not minutes. */
const TIMEOUT_MS = 10_000;

/** nodemailer's codes for a failure of the server or of the connection rather than of one message. */
const SERVER_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EPROTOCOL',
  'EAUTH',
  'ENOAUTH',
  'EPROXY',
  'ECONFIG',
]);

const REFUSED = 'máy chủ thư từ chối người nhận / the mail server refused the recipient';

const ERROR_TEXT: Record<string, string> = {
  ECONNECTION: 'mất kết nối với máy chủ thư / connection to the mail server lost',
  ETIMEDOUT: 'máy chủ thư không trả lời kịp / the mail server timed out',
  ESOCKET: 'không kết nối được máy chủ thư / could not connect to the mail server',
  EDNS: 'không tìm thấy máy chủ thư / mail server name not found',
  ETLS: 'lỗi TLS với máy chủ thư / TLS with the mail server failed',
  EAUTH: 'máy chủ thư từ chối đăng nhập / the mail server refused the sign-in',
  ENOAUTH: 'thiếu tài khoản máy chủ thư / mail server credentials missing',
  EENVELOPE: REFUSED,
  EMESSAGE: 'máy chủ thư từ chối thư / the mail server refused the message',
};

interface SendError {
  code?: string | undefined;
  responseCode?: number | undefined;
  originalCode?: string | undefined;
}

/**
 * The short reason of a failure: built from nodemailer's code and the SMTP reply code only, never
 * from the error's message or the server's reply text, which can quote the recipient's address.
 */
export function mailError(error: unknown): MailResult {
  const e: SendError = typeof error === 'object' && error !== null ? error : {};
  const code = typeof e.code === 'string' ? e.code : 'EUNKNOWN';
  // each part checked to be a bare code, so that nothing else can slip into the log
  const detail = [code, e.originalCode, e.responseCode].filter((x) => x !== undefined && /^[A-Z0-9_]{1,20}$/.test(`${x}`));
  const text = ERROR_TEXT[code] ?? 'gửi thư không thành công / sending failed';
  return { delivered: false, error: `${text} (${detail.join(' ')})`, serverDown: SERVER_CODES.has(code) };
}

/** An SMTP client (nodemailer), one connection per message: reminders are few and far between. */
export class SmtpMailer implements Mailer {
  readonly configured = true;
  private readonly transport: Transport<SMTPSentMessageInfo, SMTPTransportOptions>;

  constructor(url: string, from: string) {
    this.transport = nodemailer.createTransport(
      {
        url,
        connectionTimeout: TIMEOUT_MS,
        greetingTimeout: TIMEOUT_MS,
        socketTimeout: TIMEOUT_MS,
        dnsTimeout: TIMEOUT_MS,
      },
      { from },
    );
  }

  async send(mail: Mail): Promise<MailResult> {
    try {
      const info = await this.transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
      // some of several recipients refused: delivered to the others, and the log says how many were not
      const refused = info.rejected.length;
      if (info.accepted.length === 0) return { delivered: false, error: REFUSED };
      return refused > 0 ? { delivered: true, error: `${REFUSED} (${refused})` } : { delivered: true };
    } catch (error) {
      return mailError(error);
    }
  }
}

/** The mailer of the configuration: SMTP when TRE_SMTP_URL is set, otherwise none. */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer {
  return config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom ?? DEFAULT_MAIL_FROM) : unconfiguredMailer;
}
