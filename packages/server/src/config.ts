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
});
export type Config = z.infer<typeof ConfigSchema>;

export const DEFAULT_PROVINCE = '40'; // Nghệ An

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
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
