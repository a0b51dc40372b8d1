import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every reply, the web app's pages and the API alike. Checked against
 * the real built app in Chromium by `e2e/csp.e2e.test.ts`: a directive tightened here that the app
 * needs shows up there as a violation.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  // Vite's build is module scripts from /assets only: no inline script, no eval
  'script-src': ["'self'"],
  // 'unsafe-inline' for styles only, because the browser test finds two needs that 'self' refuses:
  // Mantine writes its theme's CSS variables and responsive props into <style> elements it creates,
  // and ECharts' tooltip is HTML with style="" attributes. Scripts stay 'self', so injected markup
  // can restyle a page at worst, never run code.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

export function cspHeaderValue(): string {
  return Object.entries(CSP_DIRECTIVES)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** HSTS for a year, sent only on a request that arrived over HTTPS (see registerSecurityHeaders). */
export const HSTS_VALUE = 'max-age=31536000';

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(Object.entries(CSP_DIRECTIVES).map(([k, v]) => [k, [...v]])),
    },
    frameguard: { action: 'deny' },
    // same-origin rather than no-referrer: a same-origin POST under no-referrer carries `Origin: null`,
    // which a reverse proxy or a later Origin check would take for a forged request; nothing at all
    // goes to another site either way.
    referrerPolicy: { policy: 'same-origin' },
    // Helmet's HSTS is on every reply; see the hook below.
    strictTransportSecurity: false,
  });
  // HSTS only when the request came over HTTPS (directly, or through a trusted proxy's
  // X-Forwarded-Proto). A plain-HTTP install on one office PC or on localhost must not tell the browser
  // to insist on HTTPS for that host: browsers ignore HSTS over HTTP anyway, and over HTTPS on
  // `localhost` it would pin every other local app on that name to HTTPS for a year.
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS_VALUE);
  });
}
