import path from 'node:path';
import { z } from 'zod';

/** Settings read from the environment once, at start-up. */
export const ConfigSchema = z.object({
  databaseUrl: z.url().optional(),
  dataDir: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  provinceCode: z.string().regex(/^\d{2}$/, 'TRE_PROVINCE phải là mã tỉnh 2 chữ số / must be a 2-digit province code'),
  adminPassword: z.string().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /** Cookies marked Secure only behind HTTPS; a plain-HTTP local install would otherwise never sign in. */
  secureCookies: z.boolean(),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: z.boolean(),
  /**
   * The mail server reminders go through, `smtp://user:pass@host:587` (STARTTLS when offered) or
   * `smtps://…:465`. Optional: without it reminders are in-app only. The URL holds a password, so
   * its value is never echoed in an error.
   */
  smtpUrl: z
    .string()
    .refine(
      (s) => /^smtps?:\/\/[^/]/.test(s) && URL.canParse(s),
      'TRE_SMTP_URL phải có dạng smtp://người-dùng:mật-khẩu@máy-chủ:587 / must look like smtp://user:pass@host:587',
    )
    .optional(),
  /** The sender of reminders; optional (default DEFAULT_MAIL_FROM). */
  mailFrom: z.string().min(3).max(254).optional(),
  /** Minutes between two runs of the reminders; optional (default DEFAULT_REMINDER_INTERVAL_MINUTES). */
  reminderIntervalMinutes: z.coerce
    .number()
    .int()
    .min(1, 'TRE_REMINDER_INTERVAL_MINUTES: ít nhất 1 phút / at least 1 minute')
    .max(1440, 'TRE_REMINDER_INTERVAL_MINUTES: nhiều nhất 1440 phút (một ngày) / at most 1440 minutes (a day)')
    .optional(),
  /** Where people open Tre (https://tre.example.gov.vn), for the links in e-mails; optional. */
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * The national population database (Cơ sở dữ liệu quốc gia về dân cư) children's identities are
   * checked against (children/population/README.md); optional: without it nothing is checked.
   */
  populationUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Tre's API key at that service, set with the URL; a secret, so its value is never echoed in an error. */
  populationKey: z.string().min(1).optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

export const DEFAULT_PROVINCE = '40'; // Nghệ An
export const DEFAULT_MAIL_FROM = 'Tre <no-reply@localhost>';
export const DEFAULT_REMINDER_INTERVAL_MINUTES = 60;

/** A URL without its key (or the reverse) is a half-done set-up: refused at start-up, not at the first check. */
const POPULATION_PAIR = {
  path: ['populationKey'],
  message:
    'TRE_POPULATION_URL và TRE_POPULATION_KEY phải được đặt cùng nhau / TRE_POPULATION_URL and TRE_POPULATION_KEY go together',
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.TRE_DATA_DIR || './data'),
    port: env.PORT ?? 3000,
    // loopback unless told otherwise: the first start prints the administrator's password, and an
    // office network is meant to reach Tre through a reverse proxy with HTTPS (README, Configuration)
    host: env.HOST || '127.0.0.1',
    provinceCode: env.TRE_PROVINCE ?? DEFAULT_PROVINCE,
    adminPassword: env.TRE_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.TRE_SECURE_COOKIES === '1',
    trustProxy: env.TRE_TRUST_PROXY === '1',
    smtpUrl: env.TRE_SMTP_URL || undefined,
    mailFrom: env.TRE_MAIL_FROM || undefined,
    reminderIntervalMinutes: env.TRE_REMINDER_INTERVAL_MINUTES || undefined,
    publicUrl: env.TRE_PUBLIC_URL || undefined,
    populationUrl: env.TRE_POPULATION_URL || undefined,
    populationKey: env.TRE_POPULATION_KEY || undefined,
  });
  if (!parsed.success || (parsed.data.populationUrl === undefined) !== (parsed.data.populationKey === undefined)) {
    const issues = parsed.success ? [POPULATION_PAIR] : parsed.error.issues;
    const lines = issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
