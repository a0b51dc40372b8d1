/**
 * A synthetic child register for one province, deterministic from a seed, with known duplicates
 * (the same child entered again with realistic variations, a few rows to a few hundred thousand
 * rows later) and known invalid rows (one defect each), and the ground truth beside it.
 *
 *   npx tsx bench/children/generate.ts --rows 1000000 --province 40 --seed 7 --out /tmp/register.csv \
 *     [--truth /tmp/register.truth.json] [--xlsx] [--format standard|variant|english] \
 *     [--import-date 2026-12-06] [--duplicates 0.025] [--invalid 0.01]
 *
 * Row numbers are as the user sees them in the spreadsheet: the header is row 1, the first child row 2.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ChildField } from '@tre/core/children/child';
import { loadProvince } from './admin.ts';
import { parseIsoDay } from './dates.ts';
import { makeInvalid, type Defect } from './defects.ts';
import { makeDuplicate, type Change } from './duplicates.ts';
import { IdIssuer } from './ids.ts';
import { arrange, columnsOf, FIELD_INDEX, FORMATS, PLAIN_STYLE, renderCells, type Format, type Style } from './layout.ts';
import { Population, type Child } from './people.ts';
import { Rng } from './prng.ts';
import { csvSink, teeSink, XLSX_MAX_ROWS, xlsxSink, type RowSink } from './sinks.ts';

export interface GenerateOptions {
  rows: number;
  /** a current (2025) province code, e.g. "40" for Nghệ An */
  province: string;
  seed: number;
  importDate?: string;
  format?: Format;
  /** the share of rows that are second entries of a child already in the file */
  duplicates?: number;
  /** the share of rows with one defect */
  invalid?: number;
}

export interface Truth {
  generator: 'bench/children/generate.ts';
  version: 1;
  options: Required<GenerateOptions>;
  columns: { header: string; field: ChildField | null }[];
  /** each: the rows of one child, the first being the original; changes[i]: how row i differs from the child's record */
  duplicates: { rows: number[]; changes: Change[][] }[];
  invalid: { row: number; field: ChildField; defect: Defect }[];
  /** twins: two different children with the same parents and birth date (not duplicates) */
  twins: [number, number][];
  counts: Record<'rows' | 'duplicateGroups' | 'duplicatePairs' | 'duplicateRows' | 'invalid' | 'twins' | 'withId', number>;
}

interface Pending {
  due: number;
  cells: string[];
  group: Truth['duplicates'][number];
  changes: Change[];
}

/** A min-heap of pending duplicates by the row they are due at. */
class Heap {
  private readonly xs: Pending[] = [];
  get size() {
    return this.xs.length;
  }
  peek(): Pending | undefined {
    return this.xs[0];
  }
  push(p: Pending) {
    const xs = this.xs;
    xs.push(p);
    for (let i = xs.length - 1; i > 0;) {
      const up = (i - 1) >> 1;
      if ((xs[up]?.due ?? 0) <= p.due) break;
      [xs[i], xs[up]] = [xs[up] as Pending, p];
      i = up;
    }
  }
  pop(): Pending | undefined {
    const xs = this.xs;
    const top = xs[0];
    const last = xs.pop();
    if (xs.length === 0 || last === undefined) return top;
    xs[0] = last;
    for (let i = 0; ;) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let m = i;
      if (l < xs.length && (xs[l]?.due ?? 0) < (xs[m]?.due ?? 0)) m = l;
      if (r < xs.length && (xs[r]?.due ?? 0) < (xs[m]?.due ?? 0)) m = r;
      if (m === i) break;
      [xs[i], xs[m]] = [xs[m] as Pending, xs[i] as Pending];
      i = m;
    }
    return top;
  }
}

export function resolveOptions(o: GenerateOptions): Required<GenerateOptions> {
  return {
    rows: o.rows,
    province: o.province,
    seed: o.seed,
    importDate: o.importDate ?? '2026-12-06',
    format: o.format ?? 'standard',
    duplicates: o.duplicates ?? 0.025,
    invalid: o.invalid ?? 0.01,
  };
}

/** The rows (values under the format's headers) one by one; returns the truth at the end. */
export function* registerRows(options: GenerateOptions): Generator<string[], Truth> {
  const o = resolveOptions(options);
  const rng = new Rng(o.seed);
  const units = loadProvince(o.province, o.seed);
  const pop = new Population(rng, units, parseIsoDay(o.importDate), new IdIssuer(o.seed));
  const columns = columnsOf(o.format);
  const truth: Truth = {
    generator: 'bench/children/generate.ts',
    version: 1,
    options: o,
    columns: columns.map((c) => ({ header: c.header, field: c.source === 'rowNumber' || c.source === 'note' ? null : c.source })),
    duplicates: [],
    invalid: [],
    twins: [],
    counts: { rows: o.rows, duplicateGroups: 0, duplicatePairs: 0, duplicateRows: 0, invalid: 0, twins: 0, withId: 0 },
  };
  const groups: Truth['duplicates'] = [];
  const pending = new Heap();
  const twinRows = new Map<number, number>();
  const dupChance = o.duplicates / (1.08 * Math.max(0.01, 1 - o.duplicates - o.invalid));
  const rowStyle = (): Style => {
    const u = rng.next();
    return {
      ...PLAIN_STYLE,
      dateFormat: u < 0.97 ? 'dd/mm/yyyy' : u < 0.985 ? 'd/m/yyyy' : 'yyyy-mm-dd',
      phone: rng.chance(0.85) ? 'plain' : rng.pick(['spaced', 'dotted', 'intl'] as const),
    };
  };
  const out = (cells: string[], i: number, note: string) => {
    if (cells[FIELD_INDEX.personalId] !== '') truth.counts.withId++;
    return arrange(cells, columns, i + 1, note);
  };
  let family: Child[] = [];
  for (let i = 0; i < o.rows; i++) {
    const row = i + 2;
    const note = rng.chance(0.01) ? rng.pick(['Chuyển đến', 'Đã xác minh', 'Hộ nghèo', 'Cận nghèo']) : '';
    const due = pending.peek();
    if (due && due.due <= i) {
      pending.pop();
      due.group.rows.push(row);
      due.group.changes.push(due.changes);
      yield out(due.cells, i, note);
      continue;
    }
    if (rng.chance(o.invalid)) {
      const bad = makeInvalid(pop, pop.family(1)[0] ?? failNoChild(), rowStyle());
      truth.invalid.push({ row, field: bad.field, defect: bad.defect });
      yield out(bad.cells, i, note);
      continue;
    }
    while (family.length === 0) family = pop.family();
    const child = family.shift() ?? failNoChild();
    const style = rowStyle();
    const left = o.rows - i - 1 - pending.size;
    if (left > 1 && rng.chance(dupChance)) {
      const group = { rows: [row], changes: [[]] as Change[][] };
      groups.push(group);
      let blankId = false;
      for (let k = rng.chance(0.08) && left > 2 ? 2 : 1; k > 0; k--) {
        const dup = makeDuplicate(pop, child, style);
        blankId ||= dup.blankOriginalId;
        const gap = 1 + Math.floor(rng.next() ** 2.5 * Math.min(left - 1, 300_000));
        pending.push({ due: i + gap, cells: renderCells(dup.copy, dup.copyStyle), group, changes: dup.changes });
      }
      if (blankId) {
        child.personalId = null;
        group.changes[0] = ['idMissing'];
      }
    }
    if (child.twinKey !== undefined) {
      const other = twinRows.get(child.twinKey);
      if (other === undefined) twinRows.set(child.twinKey, row);
      else {
        truth.twins.push([other, row]);
        twinRows.delete(child.twinKey);
      }
    }
    yield out(renderCells(child, style), i, note);
  }
  truth.duplicates = groups.filter((g) => g.rows.length > 1);
  const c = truth.counts;
  c.duplicateGroups = truth.duplicates.length;
  c.duplicateRows = truth.duplicates.reduce((n, g) => n + g.rows.length - 1, 0);
  c.duplicatePairs = truth.duplicates.reduce((n, g) => n + (g.rows.length * (g.rows.length - 1)) / 2, 0);
  c.invalid = truth.invalid.length;
  c.twins = truth.twins.length;
  return truth;
}

function failNoChild(): never {
  throw new Error('a family without children');
}

export interface WriteOptions extends GenerateOptions {
  /** a .csv path; a .xlsx path writes only the workbook */
  out: string;
  truth?: string;
  /** also write the workbook beside the CSV (same name, .xlsx) */
  xlsx?: boolean;
}

export async function writeRegister(options: WriteOptions): Promise<Truth> {
  const columns = columnsOf(options.format ?? 'standard');
  const header = columns.map((c) => c.header);
  const sinks: RowSink[] = [];
  const xlsxOnly = options.out.toLowerCase().endsWith('.xlsx');
  if ((xlsxOnly || options.xlsx) && options.rows > XLSX_MAX_ROWS) {
    throw new Error(`XLSX only up to ${String(XLSX_MAX_ROWS)} rows (the workbook is built in memory); write CSV for more`);
  }
  if (!xlsxOnly) sinks.push(await csvSink(options.out, header));
  if (xlsxOnly || options.xlsx)
    sinks.push(await xlsxSink(xlsxOnly ? options.out : options.out.replace(/(\.csv)?$/i, '.xlsx'), columns));
  const sink = sinks.length === 1 && sinks[0] ? sinks[0] : teeSink(sinks);
  const rows = registerRows(options);
  for (let r = rows.next(); ; r = rows.next()) {
    if (r.done === true) {
      await sink.close();
      if (options.truth) fs.writeFileSync(options.truth, JSON.stringify(r.value) + '\n');
      return r.value;
    }
    await sink.write(r.value);
  }
}

async function main() {
  const { values: a } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000' },
      province: { type: 'string', default: '40' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      truth: { type: 'string' },
      xlsx: { type: 'boolean', default: false },
      format: { type: 'string', default: 'standard' },
      'import-date': { type: 'string', default: '2026-12-06' },
      duplicates: { type: 'string', default: '0.025' },
      invalid: { type: 'string', default: '0.01' },
    },
  });
  const format = FORMATS.find((f) => f === a.format);
  if (!a.out || !format) {
    console.error(
      `usage: generate.ts --out FILE.csv|FILE.xlsx [--rows N] [--province 40] [--seed N] [--truth FILE.json] [--xlsx] [--format ${FORMATS.join('|')}]`,
    );
    process.exit(2);
  }
  const started = performance.now();
  const truth = await writeRegister({
    rows: Number(a.rows),
    province: a.province.padStart(2, '0'),
    seed: Number(a.seed),
    out: a.out,
    ...(a.truth ? { truth: a.truth } : {}),
    xlsx: a.xlsx,
    format,
    importDate: a['import-date'],
    duplicates: Number(a.duplicates),
    invalid: Number(a.invalid),
  });
  const seconds = (performance.now() - started) / 1000;
  const mb = fs.statSync(a.out).size / 1e6;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${String(truth.counts.rows)} rows → ${a.out} (${mb.toFixed(1)} MB) in ${seconds.toFixed(1)} s, peak RSS ${rssMb.toFixed(0)} MB\n` +
      `duplicates: ${String(truth.counts.duplicateRows)} rows in ${String(truth.counts.duplicateGroups)} groups ` +
      `(${String(truth.counts.duplicatePairs)} pairs); invalid: ${String(truth.counts.invalid)}; twins: ${String(truth.counts.twins)} pairs; ` +
      `with ID: ${String(truth.counts.withId)}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
