import { stripDiacritics } from '@tre/core/text/fold';

/** "attachment" with the name in UTF-8 (RFC 5987/6266 `filename*`) and an ASCII fallback for old clients. */
export function contentDisposition(name: string): string {
  const ascii = stripDiacritics(name).replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
