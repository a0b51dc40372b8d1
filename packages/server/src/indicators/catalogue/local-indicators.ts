import { CATALOGUE_FORMAT, CatalogueSchema, ErrorCode, type CatalogueIssueParams } from '@tre/core';
import type { CatalogueReply, LocalIndicatorDeleteReply, LocalIndicatorRequest } from '@tre/core/indicators/indicator-api';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import { auditActorOf, type SessionActor } from '../../audit/session-actor.ts';
import { TreError, invalid, notFound } from '../../errors.ts';
import * as repo from './repository.ts';
import { invalidateCatalogue, loadCatalogue, storedCatalogue } from './store.ts';
import { deleteBaselinesOfMeasures } from '../targets/repository.ts';

/**
 * Local indicators: an administrator adds indicators of the province's own in the catalogue's own
 * form (issue 4). They are checked against the catalogue schema merged with the stored catalogue —
 * exactly as the national file is — and then computed, ranked, judged and entered like national
 * ones: every service reads the one stored catalogue (catalogue-store.ts).
 *
 * Rules beyond the schema:
 * - codes (indicator, measures, new elements) and the indicator's number must be free: a clash is
 *   409 naming the field; the request lists only NEW elements, measures may use existing ones;
 * - every new element is used by a measure of the indicator;
 * - `coordinating` and `nationalTargetNote` have no column (the national ones ship with Tre): refused
 *   rather than silently dropped;
 * - national indicators cannot be deleted; a local one goes with its measures, the plan targets
 *   mapped to them and the plans' baselines of them (measure_baseline), and the new elements only
 *   it uses, except elements that hold figures, which stay (on the entry forms, with their figures)
 *   and are listed in the reply.
 */
type StoredIndicator = CatalogueReply['indicators'][number];

const clash = (field: string, vi: string, en: string) => new TreError(ErrorCode.Conflict, { field, detail: { vi, en } });
const originVi = (o: 'national' | 'local') => (o === 'national' ? 'quốc gia' : 'địa phương');

/** The request's field an issue of the merged catalogue points at. */
function requestField(path: readonly PropertyKey[], storedIndicators: number, storedElements: number): string {
  const [top, index, ...rest] = path;
  if (top === 'indicators' && index === storedIndicators) return ['indicator', ...rest].join('.');
  if (top === 'dataElements' && typeof index === 'number' && index >= storedElements) {
    return ['dataElements', index - storedElements, ...rest].join('.');
  }
  return path.map(String).join('.');
}

export async function addLocalIndicator(
  db: Kysely<Database>,
  actor: SessionActor,
  req: LocalIndicatorRequest,
): Promise<StoredIndicator> {
  const { indicator } = req;
  indicator.measures.forEach((m, j) => {
    const field = `indicator.measures.${j}`;
    if (m.coordinating !== undefined) {
      throw invalid(
        `${field}.coordinating`,
        'Chỉ tiêu địa phương không lưu danh sách cơ quan phối hợp; hãy bỏ trường này',
        'Coordinating bodies are not stored for local indicators; leave the field out',
      );
    }
    if (m.nationalTargetNote !== undefined) {
      throw invalid(
        `${field}.nationalTargetNote`,
        'Chỉ tiêu địa phương không có ghi chú mục tiêu quốc gia; hãy bỏ trường này',
        'A local indicator has no national target note; leave the field out',
      );
    }
  });
  const used = new Set(indicator.measures.flatMap((m) => [m.numerator, m.denominator]));
  req.dataElements.forEach((e, k) => {
    if (!used.has(e.code)) {
      throw invalid(
        `dataElements.${k}.code`,
        `Chỉ số dữ liệu mới ${e.code} không được phép đo nào của chỉ tiêu dùng làm tử số hay mẫu số`,
        `New data element ${e.code} is not the numerator or denominator of any measure of the indicator`,
      );
    }
  });

  await db.transaction().execute(async (trx) => {
    await repo.lockCatalogue(trx);
    const stored = (await loadCatalogue(trx)).reply;
    const indicatorOrigin = new Map(stored.indicators.map((i) => [i.code, i.origin]));
    const measureOwner = new Map(stored.indicators.flatMap((i) => i.measures.map((m) => [m.code, i])));
    const elementOrigin = new Map(stored.dataElements.map((e) => [e.code, e.origin]));

    const takenIndicator = indicatorOrigin.get(indicator.code);
    if (takenIndicator) {
      throw clash(
        'indicator.code',
        `Mã chỉ tiêu ${indicator.code} đã có trong danh mục (chỉ tiêu ${originVi(takenIndicator)})`,
        `Indicator code ${indicator.code} is already in the catalogue (a ${takenIndicator} indicator)`,
      );
    }
    const sameNo = indicator.no === null ? undefined : stored.indicators.find((i) => i.no === indicator.no);
    if (sameNo) {
      throw clash(
        'indicator.no',
        `Số thứ tự ${indicator.no} đã là của chỉ tiêu ${sameNo.code}; chỉ tiêu của kế hoạch được gắn theo số thứ tự, nên số không được trùng`,
        `Number ${indicator.no} is already indicator ${sameNo.code}'s; plan targets are matched by number, so it must be unique`,
      );
    }
    indicator.measures.forEach((m, j) => {
      const owner = measureOwner.get(m.code);
      if (owner) {
        throw clash(
          `indicator.measures.${j}.code`,
          `Mã phép đo ${m.code} đã có trong danh mục (thuộc chỉ tiêu ${owner.code})`,
          `Measure code ${m.code} is already in the catalogue (of indicator ${owner.code})`,
        );
      }
    });
    req.dataElements.forEach((e, k) => {
      const taken = elementOrigin.get(e.code);
      if (taken) {
        throw clash(
          `dataElements.${k}.code`,
          `Chỉ số dữ liệu ${e.code} đã có trong danh mục (${originVi(taken)}); phép đo dùng được ngay, không cần khai báo lại`,
          `Data element ${e.code} is already in the catalogue (${taken}); measures may use it without listing it`,
        );
      }
    });

    const merged = {
      format: CATALOGUE_FORMAT,
      source: '',
      goals: stored.goals,
      categories: stored.categories,
      dataElements: [...stored.dataElements.map(({ origin: _o, ...e }) => e), ...req.dataElements],
      indicators: [...stored.indicators.map(({ origin: _o, ...i }) => i), indicator],
    };
    const parsed = CatalogueSchema.safeParse(merged);
    const issue = parsed.error?.issues[0];
    if (issue) {
      const field = requestField(issue.path, stored.indicators.length, stored.dataElements.length);
      const vi = issue.code === 'custom' ? (issue.params as CatalogueIssueParams | undefined)?.vi : undefined;
      throw invalid(field, vi ?? issue.message, issue.message);
    }

    const position = await repo.nextElementPosition(trx);
    await repo.insertLocalIndicator(trx, {
      elements: req.dataElements.map((e, k) => ({
        code: e.code,
        position: position + k,
        name_vi: e.name.vi,
        name_en: e.name.en,
        categories: e.categories,
        origin: 'local',
      })),
      indicator: {
        code: indicator.code,
        no: indicator.no,
        goal: indicator.goal,
        name_vi: indicator.name.vi,
        name_en: indicator.name.en,
        origin: 'local',
      },
      measures: indicator.measures.map((m, j) => ({
        code: m.code,
        indicator_code: indicator.code,
        position: j,
        name_vi: m.name.vi,
        name_en: m.name.en,
        numerator: m.numerator,
        denominator: m.denominator,
        factor: m.factor,
        unit: m.unit,
        direction: m.direction,
        agency: m.agency,
        origin: 'local',
      })),
      targets: indicator.measures.flatMap((m) =>
        m.nationalTargets.map((t) => ({
          measure_code: m.code,
          year: t.year,
          op: t.op,
          value: t.value,
          cross_checked: t.crossChecked,
        })),
      ),
    });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'create',
      entity: 'indicator',
      entityId: indicator.code,
      after: req,
    });
  });
  invalidateCatalogue(db);
  const added = (await storedCatalogue(db)).reply.indicators.find((i) => i.code === indicator.code);
  if (!added) throw notFound({ vi: 'chỉ tiêu vừa thêm', en: 'The added indicator' });
  return added;
}

export async function deleteLocalIndicator(
  db: Kysely<Database>,
  actor: SessionActor,
  code: string,
): Promise<LocalIndicatorDeleteReply> {
  const result = await db.transaction().execute(async (trx) => {
    await repo.lockCatalogue(trx);
    const stored = (await loadCatalogue(trx)).reply;
    const indicator = stored.indicators.find((i) => i.code === code);
    if (!indicator) throw notFound({ vi: `chỉ tiêu ${code}`, en: `Indicator ${code}` });
    if (indicator.origin === 'national') {
      throw new TreError(ErrorCode.Conflict, {
        detail: {
          vi: `${code} là chỉ tiêu quốc gia (Quyết định 23/QĐ-TTg), không thể xóa; chỉ xóa được chỉ tiêu địa phương`,
          en: `${code} is a national indicator (Decision 23/QĐ-TTg) and cannot be deleted; only local indicators can`,
        },
      });
    }
    const measures = indicator.measures.map((m) => m.code);
    const localElements = new Set(stored.dataElements.filter((e) => e.origin === 'local').map((e) => e.code));
    const own = [...new Set(indicator.measures.flatMap((m) => [m.numerator, m.denominator]))].filter((e) => localElements.has(e));
    const usedElsewhere = new Set(
      stored.indicators.filter((i) => i.code !== code).flatMap((i) => i.measures.flatMap((m) => [m.numerator, m.denominator])),
    );
    const withFigures = await repo.elementsWithFigures(trx, own);
    const keptElements: LocalIndicatorDeleteReply['keptElements'] = [];
    for (const e of own) {
      if (usedElsewhere.has(e)) keptElements.push({ code: e, reason: 'used_elsewhere' });
      else if (withFigures.has(e)) keptElements.push({ code: e, reason: 'has_figures' });
    }
    const kept = new Set(keptElements.map((k) => k.code));
    const deletedElements = own.filter((e) => !kept.has(e));
    const baselines = await deleteBaselinesOfMeasures(trx, measures);
    const { planTargets } = await repo.deleteLocalIndicator(trx, code, measures, deletedElements);
    await recordAudit(trx, auditActorOf(actor), {
      action: 'delete',
      entity: 'indicator',
      entityId: code,
      before: indicator,
      after: { deletedElements, keptElements, planTargetsUnmapped: planTargets, baselinesDeleted: baselines },
    });
    return { measures, deletedElements, keptElements, planTargetsUnmapped: planTargets, baselines };
  });
  invalidateCatalogue(db);
  const withFigures = result.keptElements.filter((k) => k.reason === 'has_figures').map((k) => k.code);
  const vi = [`Đã xóa chỉ tiêu ${code} và ${result.measures.length} phép đo.`];
  const en = [`Indicator ${code} and its ${result.measures.length} measure(s) deleted.`];
  if (withFigures.length > 0) {
    vi.push(`Giữ lại các chỉ số dữ liệu đã có số liệu (vẫn hiện trên biểu nhập): ${withFigures.join(', ')}.`);
    en.push(`Data elements that hold figures are kept (still on the entry forms): ${withFigures.join(', ')}.`);
  }
  if (result.planTargetsUnmapped > 0) {
    vi.push(`${result.planTargetsUnmapped} mục tiêu của kế hoạch từng gắn với chỉ tiêu này nay không còn được gắn.`);
    en.push(`${result.planTargetsUnmapped} plan target(s) mapped to it are now unmapped.`);
  }
  if (result.baselines > 0) {
    vi.push(`Đã xóa ${result.baselines} số liệu gốc của kế hoạch cho các phép đo này.`);
    en.push(`${result.baselines} plan baseline(s) of its measures deleted.`);
  }
  const { baselines: _baselines, ...reply } = result;
  return { code, ...reply, message: { vi: vi.join(' '), en: en.join(' ') } };
}
