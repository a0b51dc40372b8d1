/**
 * UTF-8 decoding through the WHATWG TextDecoder that every runtime Tre runs in provides (Node,
 * browsers, workers). Core compiles without Node or DOM types, so that no I/O creeps into it; the
 * decoder is typed here, as narrowly as core uses it, instead of pulling in either library.
 */
export interface Utf8Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

type DecoderConstructor = new (label: 'utf-8', options?: { fatal?: boolean }) => Utf8Decoder;

const Decoder = (globalThis as unknown as { TextDecoder: DecoderConstructor }).TextDecoder;

/** A decoder of UTF-8; `fatal` throws on bytes that are not UTF-8 instead of writing U+FFFD. */
export const utf8Decoder = (options?: { fatal?: boolean }): Utf8Decoder => new Decoder('utf-8', options);
