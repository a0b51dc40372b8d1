import { ErrorCode, localIndicatorProblem, localIndicatorShapeProblem, type LocalIndicatorProblem } from '@tre/core';
import type { CatalogueReply, LocalIndicatorDeleteReply, LocalIndicatorRequest } from '@tre/core/indicators/indicator-api';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import { auditActorOf, type SessionActor } from '../../audit/session-actor.ts';
import { TreError, invalid, notFound } from '../../errors.ts';
import * as repo from './repository.ts';
import { elementRow, indicatorRow, measureRow, nationalTargetRows } from './rows.ts';
import { invalidateCatalogue, loadCatalogue, storedCatalogue } from './store.ts';
import { deleteBaselinesOfMeasures } from '../targets/repository.ts';

/**
 * Local indicators: an administrator adds indicators of the province's own in the catalogue's own
 * form (issue 4), judged by core's rules (indicators/local-indicator.ts) against the stored catalogue
 * under its lock, then computed, ranked, judged and entered like national ones: every service reads
 * the one stored catalogue (store.ts).
 *
 * National indicators cannot be deleted; a local one goes with its measures, the plan targets mapped
 * to them and the plans' baselines of them (measure_baseline), and the new elements only it uses,
 * except elements that hold figures, which stay (on the entry forms, with their figures) and are
 * listed in the reply.
 */
type StoredIndicator = CatalogueReply['indicators'][number];

const problemError = (p: LocalIndicatorProblem) =>
  p.kind === 'conflict'
    ? new TreError(ErrorCode.Conflict, { field: p.field, detail: { vi: p.vi, en: p.en } })
    : invalid(p.field, p.vi, p.en);

/** The rows of a local indicator, its measures, national targets and new elements (from `position` on). */
function localIndicatorRows(req: LocalIndicatorRequest, position: number): repo.LocalIndicatorRows {
  const { indicator } = req;
  return {
    elements: req.dataElements.map((e, k) => elementRow(e, position + k, 'local')),
    indicator: indicatorRow(indicator, 'local'),
    measures: indicator.measures.map((m, j) => measureRow(indicator.code, m, j, 'local')),
    targets: indicator.measures.flatMap(nationalTargetRows),
  };
}

export async function addLocalIndicator(
  db: Kysely<Database>,
  actor: SessionActor,
  req: LocalIndicatorRequest,
): Promise<StoredIndicator> {
  const early = localIndicatorShapeProblem(req);
  if (early) throw problemError(early);
  await db.transaction().execute(async (trx) => {
    await repo.lockCatalogue(trx);
    const problem = localIndicatorProblem(req, (await loadCatalogue(trx)).reply);
    if (problem) throw problemError(problem);
    await repo.insertLocalIndicator(trx, localIndicatorRows(req, await repo.nextElementPosition(trx)));
    await recordAudit(trx, auditActorOf(actor), {
      action: 'create',
      entity: 'indicator',
      entityId: req.indicator.code,
      after: req,
    });
  });
  invalidateCatalogue(db);
  const added = (await storedCatalogue(db)).reply.indicators.find((i) => i.code === req.indicator.code);
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
