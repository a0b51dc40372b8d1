import type { Commune } from '../../units/admin-units.ts';
import type { CellRead } from './fields.ts';

/**
 * Which commune a code in the file means. Registers kept before the merger of 1 July 2025 hold the
 * old communes' codes; an old code is mapped when its commune went into exactly one new commune.
 * When it was split, the row cannot be placed without the user, and the candidates are named.
 */

export interface CommuneRef {
  code: string;
  name: string;
}

export type CommuneResolution =
  | {
      /** the current code */
      code: string;
      name?: string;
      /** set when the file's code was a pre-2025 commune's, mapped to `code` */
      mappedFrom?: CommuneRef;
      /**
       * set when the code is current but also was, before 2025, the code of another commune that
       * went (in whole or part) elsewhere: a file written before the merger may mean that one
       */
      formerly?: { unit: CommuneRef; into: CommuneRef[] };
    }
  | { candidates: CommuneRef[]; former?: CommuneRef }
  | undefined;

export type CommuneResolver = (code: string) => CommuneResolution;

/** A resolver over communes.csv as parsed by parseCommunes: current codes first, then pre-2025 ones. */
export function communeResolver(communes: readonly Commune[]): CommuneResolver {
  const current = new Map<string, CommuneRef>(communes.map((c) => [c.code, { code: c.code, name: c.name }]));
  const former = new Map<string, { unit: CommuneRef; into: CommuneRef[] }>();
  for (const c of communes) {
    for (const p of c.predecessors) {
      // a 3-digit predecessor is a whole district (a đặc khu replaced it), not a commune code
      if (p.code.length !== 5) continue;
      const entry = former.get(p.code) ?? { unit: { code: p.code, name: p.name }, into: [] };
      if (!entry.into.some((r) => r.code === c.code)) entry.into.push({ code: c.code, name: c.name });
      former.set(p.code, entry);
    }
  }
  return (code) => {
    const now = current.get(code);
    const old = former.get(code);
    if (now) {
      const elsewhere = old !== undefined && old.into.some((r) => r.code !== code);
      return elsewhere ? { ...now, formerly: old } : now;
    }
    if (!old) return undefined;
    const [only] = old.into;
    if (only && old.into.length === 1) return { ...only, mappedFrom: old.unit };
    return { candidates: old.into, former: old.unit };
  };
}

/**
 * The current code a file's code stands for, by `resolve`; a warning when an old code was mapped,
 * or when a current code also was another commune's before the merger. Commune codes and names
 * identify no one and are quoted.
 */
export function readCommune(code: string, resolve: CommuneResolver): CellRead<string> {
  const found = resolve(code);
  if (!found) {
    return {
      ok: false,
      reason: {
        vi: `${code} không có trong danh mục xã, phường (cả mã mới và mã trước 7/2025)`,
        en: `${code} is not in the list of communes (neither a current nor a pre-July-2025 code)`,
      },
    };
  }
  if ('candidates' in found) {
    const list = found.candidates.map((c) => `${c.code} ${c.name}`).join('; ');
    const was = found.former ? ` (${found.former.name})` : '';
    return {
      ok: false,
      reason: {
        vi: `${code} là mã xã cũ${was}, nay chia cho nhiều xã: ${list}; hãy ghi mã xã mới`,
        en: `${code} is a pre-2025 commune code${was} now split among several communes: ${list}; write the new code`,
      },
    };
  }
  const named = found.name ? ` (${found.name})` : '';
  if (found.mappedFrom) {
    return {
      ok: true,
      value: found.code,
      warning: {
        vi: `mã xã cũ ${code} (${found.mappedFrom.name}) được đổi thành ${found.code}${named}`,
        en: `the pre-2025 code ${code} (${found.mappedFrom.name}) was mapped to ${found.code}${named}`,
      },
    };
  }
  if (found.formerly) {
    const into = found.formerly.into.map((c) => `${c.code} ${c.name}`).join('; ');
    return {
      ok: true,
      value: found.code,
      warning: {
        vi: `${code} là mã hiện hành${named}; trước 7/2025 đó là mã của ${found.formerly.unit.name}, nay thuộc: ${into}. Nếu tệp lập trước 7/2025, hãy kiểm tra lại`,
        en: `${code} is the current code${named}; before July 2025 it was ${found.formerly.unit.name}'s, now part of: ${into}. If the file predates July 2025, check it`,
      },
    };
  }
  return { ok: true, value: found.code };
}
