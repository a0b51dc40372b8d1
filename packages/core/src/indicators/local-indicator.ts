import { CATALOGUE_FORMAT, CatalogueSchema, type CatalogueIssueParams } from './catalogue-schema.ts';
import type { CatalogueReply, LocalIndicatorRequest } from './indicator-api.ts';

/**
 * The rules of a local indicator an administrator adds (issue 4), pure so that the server and any
 * later importer judge a request alike. The request is checked against the catalogue schema merged
 * with the stored catalogue — exactly as the national file is — plus:
 * - codes (indicator, measures, new elements) and the indicator's number must be free: a clash is a
 *   conflict naming the field; the request lists only NEW elements, measures may use existing ones;
 * - every new element is used by a measure of the indicator;
 * - `coordinating` and `nationalTargetNote` have no column (the national ones ship with Tre): refused
 *   rather than silently dropped.
 */
export interface LocalIndicatorProblem {
  /** invalid: the request is wrong in itself; conflict: it clashes with the stored catalogue */
  kind: 'invalid' | 'conflict';
  field: string;
  vi: string;
  en: string;
}

const invalid = (field: string, vi: string, en: string): LocalIndicatorProblem => ({ kind: 'invalid', field, vi, en });
const clash = (field: string, vi: string, en: string): LocalIndicatorProblem => ({ kind: 'conflict', field, vi, en });
const originVi = (o: 'national' | 'local') => (o === 'national' ? 'quốc gia' : 'địa phương');

/** What the request says wrong of itself, before any catalogue is read. */
export function localIndicatorShapeProblem(req: LocalIndicatorRequest): LocalIndicatorProblem | null {
  for (const [j, m] of req.indicator.measures.entries()) {
    const field = `indicator.measures.${j}`;
    if (m.coordinating !== undefined) {
      return invalid(
        `${field}.coordinating`,
        'Chỉ tiêu địa phương không lưu danh sách cơ quan phối hợp; hãy bỏ trường này',
        'Coordinating bodies are not stored for local indicators; leave the field out',
      );
    }
    if (m.nationalTargetNote !== undefined) {
      return invalid(
        `${field}.nationalTargetNote`,
        'Chỉ tiêu địa phương không có ghi chú mục tiêu quốc gia; hãy bỏ trường này',
        'A local indicator has no national target note; leave the field out',
      );
    }
  }
  const used = new Set(req.indicator.measures.flatMap((m) => [m.numerator, m.denominator]));
  const unused = req.dataElements.findIndex((e) => !used.has(e.code));
  if (unused < 0) return null;
  const code = req.dataElements[unused]?.code ?? '';
  return invalid(
    `dataElements.${unused}.code`,
    `Chỉ số dữ liệu mới ${code} không được phép đo nào của chỉ tiêu dùng làm tử số hay mẫu số`,
    `New data element ${code} is not the numerator or denominator of any measure of the indicator`,
  );
}

/** The first code or number of the request already taken in the stored catalogue. */
function clashWith(req: LocalIndicatorRequest, stored: CatalogueReply): LocalIndicatorProblem | null {
  const { indicator } = req;
  const taken = stored.indicators.find((i) => i.code === indicator.code);
  if (taken) {
    return clash(
      'indicator.code',
      `Mã chỉ tiêu ${indicator.code} đã có trong danh mục (chỉ tiêu ${originVi(taken.origin)})`,
      `Indicator code ${indicator.code} is already in the catalogue (a ${taken.origin} indicator)`,
    );
  }
  const { no } = indicator;
  const sameNo = no === null ? undefined : stored.indicators.find((i) => i.no === no);
  if (no !== null && sameNo) {
    return clash(
      'indicator.no',
      `Số thứ tự ${no} đã là của chỉ tiêu ${sameNo.code}; chỉ tiêu của kế hoạch được gắn theo số thứ tự, nên số không được trùng`,
      `Number ${no} is already indicator ${sameNo.code}'s; plan targets are matched by number, so it must be unique`,
    );
  }
  const measureOwner = new Map(stored.indicators.flatMap((i) => i.measures.map((m) => [m.code, i.code])));
  for (const [j, m] of indicator.measures.entries()) {
    const owner = measureOwner.get(m.code);
    if (owner) {
      return clash(
        `indicator.measures.${j}.code`,
        `Mã phép đo ${m.code} đã có trong danh mục (thuộc chỉ tiêu ${owner})`,
        `Measure code ${m.code} is already in the catalogue (of indicator ${owner})`,
      );
    }
  }
  const elementOrigin = new Map(stored.dataElements.map((e) => [e.code, e.origin]));
  for (const [k, e] of req.dataElements.entries()) {
    const origin = elementOrigin.get(e.code);
    if (origin) {
      return clash(
        `dataElements.${k}.code`,
        `Chỉ số dữ liệu ${e.code} đã có trong danh mục (${originVi(origin)}); phép đo dùng được ngay, không cần khai báo lại`,
        `Data element ${e.code} is already in the catalogue (${origin}); measures may use it without listing it`,
      );
    }
  }
  return null;
}

/** The request's field an issue of the merged catalogue points at. */
function requestField(path: readonly PropertyKey[], storedIndicators: number, storedElements: number): string {
  const [top, index, ...rest] = path;
  if (top === 'indicators' && index === storedIndicators) return ['indicator', ...rest].join('.');
  if (top === 'dataElements' && typeof index === 'number' && index >= storedElements) {
    return ['dataElements', index - storedElements, ...rest].join('.');
  }
  return path.map(String).join('.');
}

/** The first issue of the stored catalogue with the request added, checked as the national file is. */
function mergedProblem(req: LocalIndicatorRequest, stored: CatalogueReply): LocalIndicatorProblem | null {
  const merged = {
    format: CATALOGUE_FORMAT,
    source: '',
    goals: stored.goals,
    categories: stored.categories,
    dataElements: [...stored.dataElements.map(({ origin: _o, ...e }) => e), ...req.dataElements],
    indicators: [...stored.indicators.map(({ origin: _o, ...i }) => i), req.indicator],
  };
  const issue = CatalogueSchema.safeParse(merged).error?.issues[0];
  if (!issue) return null;
  const vi = issue.code === 'custom' ? (issue.params as CatalogueIssueParams | undefined)?.vi : undefined;
  return invalid(
    requestField(issue.path, stored.indicators.length, stored.dataElements.length),
    vi ?? issue.message,
    issue.message,
  );
}

/** Why the request cannot join the stored catalogue, or null: the first clash, else the first schema issue. */
export function localIndicatorProblem(req: LocalIndicatorRequest, stored: CatalogueReply): LocalIndicatorProblem | null {
  return localIndicatorShapeProblem(req) ?? clashWith(req, stored) ?? mergedProblem(req, stored);
}
