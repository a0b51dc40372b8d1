import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@tre/core';
import { TreError } from '../errors.ts';

/**
 * JSON request bodies: at most 1 MB unless a route says more (plans, the small dataValueSets
 * import), and no deeper than MAX_DEPTH, checked with one pass over the text before it is parsed.
 * A 5 MB body nested millions deep took JSON.parse 2.6 s, during which nobody else was served; the
 * text guard (text-guard.ts) refuses depth too, but only after the parse.
 */
export const JSON_BODY_LIMIT = 1024 * 1024;
const MAX_DEPTH = 64;

/** Whether a JSON text nests objects and arrays deeper than `max` (strings skipped, escapes honoured). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

export function registerJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (nestsDeeperThan(text, MAX_DEPTH)) {
      done(
        new TreError(ErrorCode.ValidationFailed, {
          field: 'body',
          detail: {
            vi: `Nội dung JSON lồng nhau quá ${MAX_DEPTH} tầng`,
            en: `The JSON body is nested more than ${MAX_DEPTH} levels deep`,
          },
        }),
        undefined,
      );
      return;
    }
    void parseJson(request, text, done);
  });
}
