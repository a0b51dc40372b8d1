import type { Sex } from '../child.ts';
import { foldToken, namePieces, phoneticKey } from './name-keys.ts';
import { isVietnameseSyllable } from './syllable.ts';

/** What duplicate detection reads of a child of the register (a `ChildDraft` with its id). */
export interface DuplicateRecord<Id extends string | number = string> {
  id: Id;
  fullName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
  /** 12 digits */
  personalId: string | null;
  communeCode: string;
  motherName: string | null;
  fatherName: string | null;
  carerName: string | null;
}

/**
 * Every word of the names of one run, each once: a register of a million children uses a few
 * thousand distinct words, so records hold small integers and the folding, sound keys and syllable
 * checks run once per word, not once per record.
 */
export class Vocabulary {
  private readonly pieceIds = new Map<string, number>();
  private readonly pieceToken: number[] = [];
  private readonly pieceMarked: number[] = [];
  private readonly tokenIds = new Map<string, number>();
  private readonly keyIds = new Map<string, number>();
  private readonly markedIds = new Map<string, number>();
  private readonly middleIds = new Map<string, number>();
  private readonly scratch: number[] = [];
  private readonly singleMiddle: number[] = [];
  /** folded words, by token id */
  readonly tokens: string[] = [];
  /** sound key id of each token */
  readonly tokenKey: number[] = [];
  /** whether each token reads as a Vietnamese syllable */
  readonly syllable: boolean[] = [];
  readonly keys: string[] = [];
  /** middle names by id: their folded words; id 0 is "no middle name" */
  readonly middles: string[][] = [];

  constructor() {
    this.middleIds.set('', 0);
    this.middles.push([]);
  }

  token(folded: string): number {
    let id = this.tokenIds.get(folded);
    if (id === undefined) {
      id = this.tokens.length;
      this.tokenIds.set(folded, id);
      this.tokens.push(folded);
      const key = phoneticKey(folded);
      let keyId = this.keyIds.get(key);
      if (keyId === undefined) {
        keyId = this.keys.length;
        this.keyIds.set(key, keyId);
        this.keys.push(key);
      }
      this.tokenKey.push(keyId);
      this.syllable.push(isVietnameseSyllable(folded));
    }
    return id;
  }

  middle(tokens: readonly number[]): number {
    if (tokens.length === 0) return 0;
    // one middle word (Văn, Thị) is the common case: no joining
    const single = tokens.length === 1 ? (tokens[0] ?? 0) : -1;
    const known = single >= 0 ? this.singleMiddle[single] : undefined;
    if (known !== undefined) return known;
    const words = tokens.map((t) => this.tokens[t] ?? '');
    const joined = words.join(' ');
    let id = this.middleIds.get(joined);
    if (id === undefined) {
      id = this.middles.length;
      this.middleIds.set(joined, id);
      this.middles.push(words);
    }
    if (single >= 0) this.singleMiddle[single] = id;
    return id;
  }

  /** Letters and spaces of a middle name: the longer of two is the fuller. */
  middleLength(middle: number): number {
    const words = this.middles[middle] ?? [];
    return words.reduce((n, w) => n + w.length + 1, 0);
  }

  /** One typed piece of a name: its token (-1 when it has no letter) and its marked spelling (-1 when plain ASCII). */
  private piece(piece: string): number {
    let id = this.pieceIds.get(piece);
    if (id === undefined) {
      id = this.pieceToken.length;
      this.pieceIds.set(piece, id);
      const folded = foldToken(piece);
      this.pieceToken.push(folded === '' ? -1 : this.token(folded));
      const marked = piece
        .normalize('NFC')
        .toLowerCase()
        .replace(/[^\p{L}]/gu, '');
      let markedId = -1;
      if (marked !== folded) {
        markedId = this.markedIds.get(marked) ?? this.markedIds.size;
        this.markedIds.set(marked, markedId);
      }
      this.pieceMarked.push(markedId);
    }
    return id;
  }

  /**
   * Writes family, middle, given and the given name's marked spelling at `out[at..at+3]`; -1 for a
   * missing part. Roles are by position: the first word is the family name, the last the given name.
   */
  parseName(name: string | null, out: Int32Array, at: number): void {
    const tokens = this.scratch;
    tokens.length = 0;
    let lastPiece = -1;
    if (name !== null)
      for (const p of namePieces(name)) {
        const id = this.piece(p);
        const token = this.pieceToken[id] ?? -1;
        if (token < 0) continue;
        tokens.push(token);
        lastPiece = id;
      }
    const n = tokens.length;
    out[at] = n >= 2 ? (tokens[0] ?? -1) : -1;
    out[at + 1] = n >= 2 ? this.middle(tokens.slice(1, -1)) : n === 1 ? 0 : -1;
    out[at + 2] = n >= 1 ? (tokens[n - 1] ?? -1) : -1;
    out[at + 3] = lastPiece >= 0 ? (this.pieceMarked[lastPiece] ?? -1) : -1;
  }
}

/** Slots of `RecordStore.names`: four per name. */
export const FAMILY = 0;
export const MIDDLE = 1;
export const GIVEN = 2;
export const MARKED = 3;
/** Names per record in `names`: the child, mother, father, carer. */
export const CHILD = 0;
export const PARENT_ROLES = ['mother', 'father', 'carer'] as const;

const DAY = 86_400_000;

/** The records, column by column, in typed arrays: a million children in tens of megabytes. */
export class RecordStore<Id extends string | number = string> {
  readonly size: number;
  readonly ids: Id[];
  /** 16 per record: 4 slots for each of the child, mother, father and carer */
  readonly names: Int32Array;
  /** y·10000 + m·100 + d, 0 when the date does not read */
  readonly ymd: Int32Array;
  /** the birth date's parts, 0 when the date does not read */
  readonly year: Uint16Array;
  readonly month: Uint8Array;
  readonly day: Uint8Array;
  readonly dayNo: Int32Array;
  /** 1 female, 0 male */
  readonly female: Uint8Array;
  readonly commune: Int32Array;
  readonly communeCodes: string[] = [];
  /** -1 without a personal ID */
  readonly pid: Int32Array;
  /** the IDs as numbers: a leading zero lost to a spreadsheet ("40315123456") is the same ID */
  readonly pids: number[] = [];

  readonly vocab: Vocabulary;

  constructor(records: readonly DuplicateRecord<Id>[], vocab = new Vocabulary()) {
    this.vocab = vocab;
    const n = (this.size = records.length);
    this.ids = records.map((r) => r.id);
    this.names = new Int32Array(n * 16);
    this.ymd = new Int32Array(n);
    this.year = new Uint16Array(n);
    this.month = new Uint8Array(n);
    this.day = new Uint8Array(n);
    this.dayNo = new Int32Array(n);
    this.female = new Uint8Array(n);
    this.commune = new Int32Array(n);
    this.pid = new Int32Array(n);
    const communes = new Map<string, number>();
    const pids = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const r = records[i];
      if (r === undefined) continue;
      vocab.parseName(r.fullName, this.names, i * 16);
      vocab.parseName(r.motherName, this.names, i * 16 + 4);
      vocab.parseName(r.fatherName, this.names, i * 16 + 8);
      vocab.parseName(r.carerName, this.names, i * 16 + 12);
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(r.birthDate);
      if (m) {
        const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
        this.ymd[i] = y * 10000 + mo * 100 + d;
        this.year[i] = y;
        this.month[i] = mo;
        this.day[i] = d;
        this.dayNo[i] = Math.round(Date.UTC(y, mo - 1, d) / DAY);
      }
      this.female[i] = r.sex === 'female' ? 1 : 0;
      let c = communes.get(r.communeCode);
      if (c === undefined) {
        c = this.communeCodes.length;
        communes.set(r.communeCode, c);
        this.communeCodes.push(r.communeCode);
      }
      this.commune[i] = c;
      const digits = r.personalId?.replace(/\D/g, '') ?? '';
      let p = -1;
      if (digits !== '') {
        const value = Number(digits);
        p = pids.get(value) ?? this.pids.length;
        if (p === this.pids.length) {
          pids.set(value, p);
          this.pids.push(value);
        }
      }
      this.pid[i] = p;
    }
  }

  /** Slot `slot` of name `role` (CHILD, or 1–3 for the parents) of record `i`. */
  at(i: number, role: number, slot: number): number {
    return this.names[i * 16 + role * 4 + slot] ?? -1;
  }

  /** The child's folded name, words joined by spaces: the key of `DuplicateStats.fullName`. */
  foldedName(i: number): string {
    const v = this.vocab;
    const family = this.at(i, CHILD, FAMILY);
    const given = this.at(i, CHILD, GIVEN);
    const words = [...(family >= 0 ? [v.tokens[family] ?? ''] : []), ...(v.middles[this.at(i, CHILD, MIDDLE)] ?? [])];
    if (given >= 0) words.push(v.tokens[given] ?? '');
    return words.join(' ');
  }
}
