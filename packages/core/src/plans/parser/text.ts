import { capMarkRuns } from '../../text/clean.ts';
import { utf8Decoder } from '../../text/utf8.ts';
import { PlanFileError } from './errors.ts';

/**
 * Turning bytes into the one text form every later step reads: NFC (Vietnamese typed with
 * combining tone marks becomes precomposed), `\n` line ends, no BOM, no zero-width characters,
 * non-breaking spaces and tabs as spaces, trailing blanks trimmed. Line numbers reported to the
 * review screen are indices into this text, so nothing here may join or drop lines.
 */
export function normaliseText(raw: string): string {
  // overlong runs of combining marks cut before normalising (core text/clean.ts): a crafted file
  // must not make NFC slow; line ends changed first, so no line is joined or dropped
  return capMarkRuns(
    raw
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/[\f\v\u2028\u2029\u0085]/g, '\n'),
  )
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/ +$/gm, '');
}

const binary = () =>
  new PlanFileError('binary', {
    vi: 'Tệp không phải văn bản (có byte nhị phân hoặc không đúng mã UTF-8/UTF-16). Hãy lưu lại dưới dạng .txt (UTF-8) hoặc .docx.',
    en: 'The file is not text (binary bytes or not valid UTF-8/UTF-16). Save it as .txt (UTF-8) or .docx.',
  });

/** Decodes a .txt file: UTF-8 with or without BOM, UTF-16 LE/BE with BOM. Anything else is binary. */
export function decodeTextFile(bytes: Uint8Array): string {
  let text: string;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) text = decodeUtf16(bytes.subarray(2), true);
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) text = decodeUtf16(bytes.subarray(2), false);
  else {
    const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    if (body.includes(0)) throw binary();
    try {
      text = utf8Decoder({ fatal: true }).decode(body);
    } catch {
      throw binary();
    }
  }
  if (looksBinary(text)) throw binary();
  return text;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  if (bytes.length % 2 !== 0) throw binary();
  // Decoded by hand rather than with TextDecoder('utf-16be'), which small-ICU builds lack.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const units = new Uint16Array(bytes.length / 2);
  for (let i = 0; i < units.length; i++) units[i] = view.getUint16(i * 2, littleEndian);
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  if (out.includes('\u0000')) throw binary();
  return out;
}

/** Control characters other than white space in more than 1 of 1000 characters: not a text file. */
function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) || c === 0xfffd) controls++;
  }
  return controls > 0 && controls * 1000 > text.length;
}
