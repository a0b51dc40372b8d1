import {
  ErrorCode,
  MAX_MARK_RUN,
  cleanText,
  describeUnsafeCharacter,
  longMarkRunIn,
  unsafeCharacterIn,
  type UnsafeCharacter,
} from '@tre/core';
import type { FastifyInstance } from 'fastify';
import { TreError } from '../errors.ts';

/**
 * Every string a request carries — JSON body (values and keys, at any depth), query and route
 * parameters — is checked before validation: a control character (NUL made PostgreSQL fail with a
 * 500) or a bidi override is refused with 400 naming the field, and every other string is replaced
 * in place by its NFC form, so a name typed in decomposed Unicode is stored and compared as the
 * precomposed one. Line breaks and tabs pass here (notes and long texts hold them); schemas of
 * names refuse line breaks themselves (`isSingleLine`). Raw uploads (Buffers) are files, not text:
 * their importers check their cells with the same core helper.
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    // Field names as the validation errors give them: body fields bare, the others prefixed.
    request.body = cleanValue(request.body, '', 0);
    request.query = cleanValue(request.query, 'query', 0);
    request.params = cleanValue(request.params, 'params', 0);
  });
}

/** No form or API of Tre nests this deep; a deeper body is an attack on the stack, refused. */
const MAX_DEPTH = 64;

function refuse(field: string, vi: string, en: string): never {
  const name = field || '(body)';
  throw new TreError(ErrorCode.ValidationFailed, {
    field: name,
    detail: { vi: `Trường "${name}": ${vi}`, en: `Field "${name}": ${en}` },
  });
}

function refuseCharacter(field: string, found: UnsafeCharacter, inKey: boolean): never {
  const vi = describeUnsafeCharacter(found, 'vi');
  const en = describeUnsafeCharacter(found, 'en');
  return inKey ? refuse(field, `tên trường con: ${vi}`, `name of a nested field: ${en}`) : refuse(field, vi, en);
}

const join = (path: string, key: string | number) => (path ? `${path}.${String(key)}` : String(key));

function cleanString(text: string, field: string, inKey = false): string {
  const found = unsafeCharacterIn(text, { multiline: true });
  if (found) refuseCharacter(field, found, inKey);
  if (longMarkRunIn(text) >= 0) {
    refuse(
      field,
      `quá nhiều dấu chồng lên một chữ (tối đa ${MAX_MARK_RUN})`,
      `too many combining marks on one letter (at most ${MAX_MARK_RUN})`,
    );
  }
  return cleanText(text);
}

/** The value with every string checked and NFC-normalised; arrays and plain objects in place. */
function cleanValue<T>(value: T, path: string, depth: number): T {
  if (typeof value === 'string') return cleanString(value, path) as T;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH)
    refuse(path, `lồng quá sâu (tối đa ${MAX_DEPTH} cấp)`, `nested too deeply (at most ${MAX_DEPTH} levels)`);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = cleanValue(value[i] as unknown, join(path, i), depth + 1);
    return value;
  }
  if (!isPlainObject(value)) return value;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    // the field is named by its parent: the key itself may be what cannot be shown
    const cleanKey = cleanString(key, path, true);
    const cleaned = cleanValue(record[key], join(path, cleanKey), depth + 1);
    // in place, as the rest of the body is: a parsed JSON object, where a Map does not apply
    if (cleanKey !== key) Reflect.deleteProperty(record, key);
    record[cleanKey] = cleaned;
  }
  return value;
}

/**
 * Parsed JSON, query strings and route parameters (fast-querystring's objects have a prototype of
 * their own, so no prototype test); not an upload's Buffer or a stream.
 */
function isPlainObject(value: object): boolean {
  return (
    !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer) && typeof (value as { pipe?: unknown }).pipe !== 'function'
  );
}
