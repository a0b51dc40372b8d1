import type { ChildField, FieldProblem } from '../child.ts';

/**
 * What reading a cell gave, remembered for the rest of one import: a register repeats most of its
 * cells (the commune code, the sex, the schooling, a birth date, the parents' names of brothers and
 * sisters), and reading one by the layout's rules (NFC, the name rules, the date formats) costs
 * many times a map lookup. Only fields whose reading depends on the cell alone (and the import's
 * context) are remembered.
 *
 * Bounded: each field keeps at most `maxPerField` cells and starts afresh when full, so a file of
 * all-different names costs a little memory and no more.
 */

export interface RememberedRead {
  value: unknown;
  problems: FieldProblem[];
  warnings: FieldProblem[];
}

/** One field's remembered cells, text and numbers apart (a number and the same digits as text read differently). */
interface FieldReads {
  text: Map<string, RememberedRead>;
  number: Map<number, RememberedRead>;
}

/**
 * The personal ID is checked against the birth year and sex, the date identified against the birth
 * date: read every time. A child's full name and a phone number differ on most rows (measured on
 * the generated register: a third and a half of them distinct), so remembering them costs more
 * than it saves.
 */
const NOT_REMEMBERED: ReadonlySet<ChildField> = new Set(['personalId', 'identifiedOn', 'fullName', 'phone']);
const MAX_REMEMBERED_LENGTH = 200;

export class CellMemo {
  // keyed by the cell itself: a key built by concatenation would be a new string to hash per lookup
  readonly #fields = new Map<ChildField, FieldReads>();
  readonly #maxPerField: number;

  constructor(maxPerField = 20_000) {
    this.#maxPerField = maxPerField;
  }

  /** Whether this cell of this field is remembered at all. */
  static remembers(field: ChildField, cell: unknown): cell is string | number {
    if (NOT_REMEMBERED.has(field)) return false;
    return typeof cell === 'number' || (typeof cell === 'string' && cell.length <= MAX_REMEMBERED_LENGTH);
  }

  get(field: ChildField, cell: string | number): RememberedRead | undefined {
    const reads = this.#fields.get(field);
    if (!reads) return undefined;
    return typeof cell === 'string' ? reads.text.get(cell) : reads.number.get(cell);
  }

  set(field: ChildField, cell: string | number, read: RememberedRead): void {
    let reads = this.#fields.get(field);
    if (!reads) this.#fields.set(field, (reads = { text: new Map(), number: new Map() }));
    const map: Map<string | number, RememberedRead> = typeof cell === 'string' ? reads.text : reads.number;
    if (map.size >= this.#maxPerField) map.clear();
    map.set(detached(cell), detached(read));
  }
}

/**
 * A copy of a value whose strings hold their own characters. A cell read from a file is a slice
 * of the decoded chunk around it: remembering the slice (or a value made from it) would keep every
 * chunk it came from alive, and a register's worth of chunks does not fit the worker's heap.
 */
function detached<T>(value: T): T {
  // prefixing makes the engine copy the characters into a new string; slicing off the prefix keeps only that copy
  if (typeof value === 'string') return (' ' + value).slice(1) as T;
  if (Array.isArray(value)) return value.map(detached) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, detached(v)])) as T;
  }
  return value;
}
