/**
 * How many body names a reviewer is left to decide in each plan of the corpus, the held-out texts
 * and the real samples (packages/core/src/plans/{corpus,heldout,samples}/*.txt), matched against the
 * default agency list of the plan's province: the province its issuer names, else the first
 * province (of the 34, then of the 63 before 2025) its opening lines name, else Nghệ An. Similar
 * names are one question. Plans issued by a commune, ward or district are counted apart: their
 * bodies are the commune's own (Công an xã, Trạm Y tế xã, schools) or a district's (Phòng …), not
 * the province's agencies.
 *
 * Run alone with `npx tsx bench/plans-bodies.ts` (add `--names` to list the names left).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseProvinces } from '@tre/core';
import { fold, squash } from '@tre/core/text/fold';
import { bodiesLeft } from '@tre/core/plans/bodies-left';
import { parsePlanText } from '@tre/core/plans/parse';
import { issuerProvince } from '@tre/core/plans/warnings';
import { defaultAgencies } from '../packages/server/src/units/default-agencies.ts';

const PLANS = path.join(import.meta.dirname, '..', 'packages', 'core', 'src', 'plans');
const UNITS = path.join(import.meta.dirname, '..', 'packages', 'server', 'data', 'admin-units');
const FOLDERS = ['corpus', 'heldout', 'samples'];

const provinces = [
  ...parseProvinces(fs.readFileSync(path.join(UNITS, 'provinces.csv'), 'utf8')),
  ...parseProvinces(fs.readFileSync(path.join(UNITS, 'provinces-before-2025.csv'), 'utf8'), 'provinces-before-2025.csv'),
];
const bare = (name: string) => squash(fold(name)).replace(/^(tinh|thanh pho) /, '');

/** The full name of the province a plan belongs to ("Thành phố Cần Thơ", "Long An"). */
function provinceOf(issuer: string | null, text: string): string {
  const named = issuer ? issuerProvince(issuer) : null;
  const byIssuer = named && provinces.find((p) => bare(p.name) === named);
  if (byIssuer) return byIssuer.name;
  const head = squash(fold(text.split('\n').slice(0, 12).join(' ')));
  return provinces.find((p) => new RegExp(`\\b(tinh|thanh pho) ${bare(p.name)}\\b`).test(head))?.name ?? 'Nghệ An';
}

/** Issued by a commune, ward or district: its issuer, or else the first issuing body its opening lines name. */
function isLocal(issuer: string | null, text: string): boolean {
  const head = squash(fold([issuer ?? '', ...text.split('\n').slice(0, 12)].join(' ')));
  const first =
    /\b(huyen uy|tinh uy|thanh uy|dang uy (?:xa|phuong)|(?:ubnd|uy ban nhan dan) (?:tinh|thanh pho|huyen|xa|phuong|dac khu))\b/.exec(
      head,
    );
  return first?.[1] !== undefined && /huyen|xa|phuong|dac khu/.test(first[1]);
}

export interface PlanBodiesRow {
  plan: string;
  province: string;
  local: boolean;
  names: number;
  questions: number;
  left: string[];
}

export function measureBodiesLeft(): PlanBodiesRow[] {
  return FOLDERS.flatMap((folder) =>
    fs
      .readdirSync(path.join(PLANS, folder))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => {
        const text = fs.readFileSync(path.join(PLANS, folder, f), 'utf8');
        const doc = parsePlanText(text).plan;
        const province = provinceOf(doc.issuer, text);
        const agencies = defaultAgencies(province).map((a, i) => ({ ...a, id: String(i), active: a.active ?? true }));
        const r = bodiesLeft(doc, agencies, {
          provinceName: province.replace(/^Thành phố /, ''),
          city: province.startsWith('Thành phố '),
        });
        const local = isLocal(doc.issuer, text);
        return { plan: `${folder}/${f.replace(/\.txt$/, '')}`, province, local, ...r };
      }),
  );
}

export function reportBodiesLeft(opts: { names?: boolean } = {}): void {
  const rows = measureBodiesLeft();
  console.log('bodies   names left for the reviewer per plan (distinct questions, default agency list of the plan’s province)');
  for (const r of rows) {
    console.log(
      `         ${r.plan.padEnd(52)} ${r.local ? 'local   ' : 'province'} names ${String(r.names).padStart(3)}  questions ${String(r.questions).padStart(3)}  left ${String(r.left.length).padStart(2)}`,
    );
    if (opts.names) for (const n of r.left) console.log(`             · ${n}`);
  }
  const mean = (xs: PlanBodiesRow[]) => (xs.reduce((n, r) => n + r.left.length, 0) / Math.max(1, xs.length)).toFixed(2);
  const provincial = rows.filter((r) => !r.local);
  console.log(
    `         mean left: provincial plans ${mean(provincial)} (max ${Math.max(...provincial.map((r) => r.left.length))}, ${provincial.length} plans), all plans ${mean(rows)} (${rows.length}); goal ≤ 3 for a provincial plan`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  reportBodiesLeft({ names: process.argv.includes('--names') });
}
