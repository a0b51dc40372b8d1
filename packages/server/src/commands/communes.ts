import { parseArgs } from 'node:util';
import { assessmentStateLabels, communeCategoryLabels, type CommunesStatusDto } from '@tre/core';
import { bootstrap } from '../bootstrap.ts';
import type { Config } from '../config.ts';
import { openDb, type Db } from '../db/pool.ts';
import { commandLineActor } from '../audit/session-actor.ts';
import { publishYear, statusOfYear } from '../communes/service.ts';
import { both, type Out } from './shared.ts';

/** `tre communes …`: child-friendly commune recognition (Quyết định 06/2019/QĐ-TTg), without a running server. */
export const COMMUNES_HELP = `  tre communes status --year 2025 [--json]
                                   xã, phường phù hợp với trẻ em: mỗi xã của tỉnh với tổng điểm, tiêu chí 0 điểm,
                                   ngưỡng điểm, được công nhận hay không (xã chưa tự đánh giá cũng được liệt kê)
                                   child-friendly communes: each commune of the province with its total, criteria at 0,
                                   threshold, recognised or not (communes with no assessment listed as such)
  tre communes publish --year 2025 ghi số xã được công nhận và tổng số xã vào chỉ tiêu 1 của tỉnh
                                   write the recognised communes and the communes' total into indicator 1
`;

const USAGE = `Cách dùng / usage:\n${COMMUNES_HELP}`;

async function withDb<T>(config: Config, out: Out, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const boot = await bootstrap(db, config);
    if (boot.generatedAdminPassword) {
      out.stderr(`Tài khoản quản trị đầu tiên / first administrator: admin / ${boot.generatedAdminPassword}\n`);
    }
    return await fn(db);
  } finally {
    await db.close();
  }
}

function yearOf(args: string[], out: Out): { year: number; json: boolean } | undefined {
  let values: { year?: string | undefined; json?: boolean | undefined };
  try {
    ({ values } = parseArgs({ args, options: { year: { type: 'string' }, json: { type: 'boolean' } } }));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    out.stderr(both({ vi: `Tùy chọn không hợp lệ: ${reason}`, en: `Invalid option: ${reason}` }) + USAGE);
    return undefined;
  }
  const year = Number(values.year);
  if (values.year === undefined || !/^\d{4}$/.test(values.year) || year < 2000 || year > 2100) {
    out.stderr(both({ vi: 'Thiếu hoặc sai --year (vd. 2025)', en: 'Missing or invalid --year (e.g. 2025)' }) + USAGE);
    return undefined;
  }
  return { year, json: values.json ?? false };
}

function statusText(s: CommunesStatusDto): string {
  const lines = [
    `Năm ${s.year}: ${s.recognisedCount}/${s.communesTotal} xã, phường được công nhận phù hợp với trẻ em`,
    `Year ${s.year}: ${s.recognisedCount} of ${s.communesTotal} communes recognised as child-friendly`,
  ];
  for (const c of s.communes) {
    // the threshold even before an assessment: the commune knows what it must reach
    const total = `${c.total === null ? '—' : String(c.total)}/${c.threshold}`;
    const zero = c.zeroCriteria.length ? ` tiêu chí 0 điểm / criteria at 0: ${c.zeroCriteria.join(', ')}` : '';
    const verdict = c.recognised ? 'CÔNG NHẬN / RECOGNISED' : c.decision ? 'không công nhận / not recognised' : '';
    const state = assessmentStateLabels[c.state];
    const type = communeCategoryLabels[c.type];
    const decision = c.decision ? ` QĐ ${c.decision.number} ${c.decision.date}` : '';
    lines.push(
      `${c.communeCode}\t${c.communeName}\t${type.vi} / ${type.en}\t${total}\t${state.vi} / ${state.en}${zero}${verdict ? `\t${verdict}` : ''}${decision}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function statusCommand(args: string[], config: Config, out: Out): Promise<number> {
  const opts = yearOf(args, out);
  if (!opts) return 2;
  const status = await withDb(config, out, (db) => statusOfYear(db.kysely, commandLineActor(config.provinceCode), opts.year));
  if (opts.json) {
    const { year, communes } = status;
    out.stdout(`${JSON.stringify({ year, communes }, null, 2)}\n`);
  } else out.stdout(statusText(status));
  return 0;
}

async function publishCommand(args: string[], config: Config, out: Out): Promise<number> {
  const opts = yearOf(args, out);
  if (!opts) return 2;
  const r = await withDb(config, out, (db) => publishYear(db.kysely, commandLineActor(config.provinceCode), opts.year));
  if (opts.json) out.stdout(`${JSON.stringify(r, null, 2)}\n`);
  else if (r.written) {
    out.stdout(
      `Đã ghi chỉ tiêu 1 năm ${r.period}: ${r.recognised}/${r.total} xã / indicator 1 of ${r.period} written: ${r.recognised} of ${r.total}\n`,
    );
  } else {
    out.stdout(
      `Số liệu năm ${r.period} của tỉnh đã khóa, không ghi / the province's figures of ${r.period} are locked: nothing written\n`,
    );
  }
  return 0;
}

export async function communesCommand(sub: string | undefined, args: string[], config: Config, out: Out): Promise<number> {
  if (sub === 'status') return statusCommand(args, config, out);
  if (sub === 'publish') return publishCommand(args, config, out);
  out.stderr(USAGE);
  return 2;
}
