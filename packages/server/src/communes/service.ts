import {
  ErrorCode,
  RuleSetSchema,
  assessmentStateLabels,
  communesPermissions,
  defaultCommuneCategory,
  mayTakeOn,
  scopeOf,
  scoreAssessment,
  shippedRuleSet,
  statesAllowing,
  thresholdFor,
  validateRuleSet,
  vietnamDate,
  type AssessmentAction,
  type AssessmentDto,
  type AssessmentState,
  type CommuneCategory,
  type CommuneCategoryDto,
  type CommuneStatusDto,
  type CommunesAction,
  type CommunesStatusDto,
  type DecisionRequest,
  type IndicatorValue,
  type PrefillDto,
  type PublishResultDto,
  type ReturnRequest,
  type RuleIndicator,
  type RuleSet,
  type RuleSetDto,
  type RuleSetInput,
  type RuleSetListDto,
  type RuleSetSummaryDto,
  type SaveAssessmentRequest,
  type VerifyCriterionRequest,
  COMMUNE_CATEGORIES,
} from '@tre/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { auditActorOf, userIdOf, type SessionActor } from '../audit/session-actor.ts';
import { TreError, forbidden, invalid, notFound } from '../errors.ts';
import { assertOwnFile } from '../files/service.ts';
import { applyWrites, cellId, findValues, type ValueWrite } from '../indicators/repository.ts';
import { findLocks } from '../indicators/locks-repository.ts';
import * as repo from './repository.ts';
import { IndicatorValueSchema } from './schemas.ts';

/**
 * Child-friendly commune recognition (Quyết định 06/2019/QĐ-TTg): a commune's yearly
 * self-assessment, filled in from what Tre holds (indicator values, the children register, cases),
 * the rest entered with evidence; the province verifies each criterion, returns it or decides; the
 * count of recognised communes is published into indicator 1's values. Scores are computed on read
 * from the stored inputs and the assessment's own rule set, so a new rule set never rescores an
 * earlier assessment.
 */

const COMMUNE = { vi: 'xã, phường', en: 'Commune' };

// ---- rule sets

const parsedSets = new Map<number, RuleSet>();

function parseStored(id: number, content: unknown): RuleSet {
  let set = parsedSets.get(id);
  if (!set) {
    set = RuleSetSchema.parse(content);
    parsedSets.set(id, set);
  }
  return set;
}

/** The province's active rule set; the shipped one is stored on first need (bootstrap does it at start). */
export async function activeRuleSet(db: Kysely<Database>, provinceCode: string): Promise<{ id: number; set: RuleSet }> {
  const row = await repo.findActiveRuleSet(db, provinceCode);
  if (row) return { id: row.id, set: parseStored(row.id, row.content) };
  await seedRuleSet(db, provinceCode);
  const seeded = await repo.findActiveRuleSet(db, provinceCode);
  if (!seeded) throw new Error('the shipped rule set could not be stored');
  return { id: seeded.id, set: parseStored(seeded.id, seeded.content) };
}

/** Stores the shipped rule set (Quyết định 06/2019) as the province's active one while it has none. */
export async function seedRuleSet(db: Kysely<Database>, provinceCode: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const any = await trx
      .selectFrom('commune_rule_set')
      .select('id')
      .where('province_code', '=', provinceCode)
      .executeTakeFirst();
    if (any) return false;
    const set = shippedRuleSet();
    await repo.insertActiveRuleSet(trx, { provinceCode, version: set.version, content: set, createdBy: null });
    return true;
  });
}

function summaryOf(
  row: { id: number; version: string; content: unknown; active: boolean; created_at: Date },
  assessments: number,
): RuleSetSummaryDto {
  const set = parseStored(row.id, row.content);
  return {
    id: row.id,
    version: row.version,
    title: set.title,
    totalPoints: set.totalPoints,
    criteria: set.criteria.length,
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
    assessments,
  };
}

export async function listRuleSets(db: Kysely<Database>, actor: SessionActor): Promise<RuleSetListDto> {
  const active = await activeRuleSet(db, actor.provinceCode);
  const rows = await repo.listRuleSets(db, actor.provinceCode);
  return { activeId: active.id, sets: rows.map((r) => summaryOf(r, r.assessments ?? 0)) };
}

export async function readRuleSet(db: Kysely<Database>, actor: SessionActor, id: number): Promise<RuleSetDto> {
  const row = await repo.findRuleSet(db, actor.provinceCode, id);
  if (!row) throw notFound({ vi: 'bộ tiêu chí', en: 'Rule set' });
  return { ...summaryOf(row, await repo.countAssessmentsWithRuleSet(db, id)), content: row.content as RuleSetInput };
}

/** A replacement rule set, validated, becomes the active one; assessments keep the set they were created with. */
export async function uploadRuleSet(db: Kysely<Database>, actor: SessionActor, raw: unknown): Promise<RuleSetSummaryDto> {
  if (scopeOf(communesPermissions, 'communes.ruleSets', actor) !== 'province') throw forbidden();
  const checked = validateRuleSet(raw);
  if (!checked.ok) {
    const first = checked.problems[0];
    throw invalid(
      first?.path ? `ruleSet.${first.path}` : 'ruleSet',
      `Bộ tiêu chí chưa hợp lệ: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`.slice(0, 1000),
      `The rule set is not valid: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`.slice(0, 1000),
    );
  }
  const set = checked.ruleSet;
  return db.transaction().execute(async (trx) => {
    if (await repo.findRuleSetByVersion(trx, actor.provinceCode, set.version)) {
      throw new TreError(ErrorCode.Conflict, {
        field: 'version',
        detail: {
          vi: `Đã có bộ tiêu chí phiên bản "${set.version}"`,
          en: `A rule set of version "${set.version}" exists already`,
        },
      });
    }
    const row = await repo.insertActiveRuleSet(trx, {
      provinceCode: actor.provinceCode,
      version: set.version,
      content: set,
      createdBy: userIdOf(actor),
    });
    await recordAudit(trx, auditActorOf(actor), {
      action: 'create',
      entity: 'commune_rule_set',
      entityId: String(row.id),
      after: { version: set.version, criteria: set.criteria.length, totalPoints: set.totalPoints, active: true },
    });
    return summaryOf(row, 0);
  });
}

// ---- categories

type CommuneRow = NonNullable<Awaited<ReturnType<typeof repo.findCommune>>>;

function categoryOf(c: Pick<CommuneRow, 'category' | 'province_code' | 'type'>): {
  type: CommuneCategory;
  typeSource: 'stored' | 'default';
} {
  const stored = COMMUNE_CATEGORIES.find((k) => k === c.category);
  if (stored) return { type: stored, typeSource: 'stored' };
  return { type: defaultCommuneCategory({ provinceCode: c.province_code, type: c.type }), typeSource: 'default' };
}

async function communeOf(db: Kysely<Database>, actor: SessionActor, code: string): Promise<CommuneRow> {
  const c = await repo.findCommune(db, actor.provinceCode, code);
  if (!c) throw notFound(COMMUNE);
  return c;
}

function assertScope(actor: SessionActor, action: CommunesAction, communeCode: string) {
  if (!mayTakeOn(communesPermissions, action, actor, { communeCode })) throw forbidden();
}

export async function setCategory(
  db: Kysely<Database>,
  actor: SessionActor,
  code: string,
  type: CommuneCategory | null,
): Promise<CommuneCategoryDto> {
  assertScope(actor, 'communes.type', code);
  const commune = await communeOf(db, actor, code);
  const before = categoryOf(commune);
  await db.transaction().execute(async (trx) => {
    if (type === null) await repo.deleteCategory(trx, code);
    else await repo.upsertCategory(trx, code, type, userIdOf(actor));
    await recordAudit(trx, auditActorOf(actor), {
      action: 'update',
      entity: 'commune_category',
      entityId: code,
      before,
      after: { type },
    });
  });
  const after = categoryOf({ ...commune, category: type });
  const { set } = await activeRuleSet(db, actor.provinceCode);
  return { communeCode: code, ...after, threshold: thresholdFor(set, after.type) };
}

// ---- what Tre holds: the pre-filled values

interface Sources {
  values: Map<string, Map<string, number>>;
  register: Map<string, { special: number; supported: number }>;
  abuse: Map<string, number>;
}

/** One element's figure of a commune: its total cell, else the sum of its finest breakdown. */
function totalsOf(rows: { element: string; unit: string; disaggregation: string; value: number }[]) {
  const byUnit = new Map<string, Map<string, { total?: number; parts: number; sum: number }>>();
  for (const r of rows) {
    const unit = byUnit.get(r.unit) ?? new Map<string, { total?: number; parts: number; sum: number }>();
    byUnit.set(r.unit, unit);
    const cell = unit.get(r.element) ?? { parts: -1, sum: 0 };
    unit.set(r.element, cell);
    if (r.disaggregation === '') {
      cell.total = r.value;
      continue;
    }
    const parts = r.disaggregation.split('|').length;
    if (parts > cell.parts) {
      cell.parts = parts;
      cell.sum = r.value;
    } else if (parts === cell.parts) cell.sum += r.value;
  }
  const out = new Map<string, Map<string, number>>();
  for (const [unit, elements] of byUnit) {
    out.set(unit, new Map([...elements].map(([e, c]) => [e, c.total ?? c.sum])));
  }
  return out;
}

async function loadSources(db: Kysely<Database>, provinceCode: string, communes: string[], year: number): Promise<Sources> {
  const values = await findValues(db, provinceCode, communes, [String(year)]);
  return {
    values: totalsOf(values.filter((v) => v.unitKind === 'commune')),
    register: await repo.registerSpecialCounts(db, provinceCode, communes, year),
    abuse: await repo.abuseCaseCounts(db, provinceCode, communes, year),
  };
}

function fromValues(
  ind: RuleIndicator,
  numerator: string,
  denominator: string | undefined,
  values: Map<string, number> | undefined,
): PrefillDto | null {
  const n = values?.get(numerator);
  if (n === undefined) return null;
  if (ind.value === 'count') {
    return { value: { kind: 'count', count: n }, module: 'indicators', elements: [numerator], detail: `${numerator} = ${n}` };
  }
  if (ind.value !== 'rate' || !denominator) return null;
  const d = values?.get(denominator);
  if (d === undefined || n > d) return null;
  return {
    value: { kind: 'rate', numerator: n, denominator: d },
    module: 'indicators',
    elements: [numerator, denominator],
    detail: `${numerator} / ${denominator} = ${n} / ${d}`,
  };
}

function prefillOf(ind: RuleIndicator, commune: string, year: number, s: Sources): PrefillDto | null {
  const p = ind.prefill;
  if (!p) return null;
  const values = s.values.get(commune);
  switch (p.source) {
    case 'indicators':
      return p.numerator ? fromValues(ind, p.numerator, p.denominator, values) : null;
    case 'children_register': {
      const r = s.register.get(commune);
      if (r && r.special > 0) {
        return {
          value: { kind: 'rate', numerator: r.supported, denominator: r.special },
          module: 'children',
          elements: ['child_group'],
          detail: `sổ theo dõi trẻ em / children register ${year}: ${r.supported} / ${r.special}`,
        };
      }
      // no child in special circumstances in the register: the figures reported as data values
      return fromValues(ind, 'CHILDREN_SPECIAL_CIRCUMSTANCES_SUPPORTED', 'CHILDREN_SPECIAL_CIRCUMSTANCES', values);
    }
    case 'cases_abuse': {
      const n = s.abuse.get(commune) ?? 0;
      return {
        value: { kind: 'count', count: n },
        module: 'cases',
        elements: ['child_case'],
        detail: `vụ việc xâm hại trẻ em được xác minh, năm ${year} / substantiated abuse cases received in ${year}: ${n}`,
      };
    }
  }
}

// ---- the assessment as read

const asValue = (raw: unknown): IndicatorValue | null => {
  const r = IndicatorValueSchema.safeParse(raw);
  return r.success ? r.data : null;
};

const asPrefill = (raw: unknown): PrefillDto | null => {
  if (!raw || typeof raw !== 'object') return null;
  const p = raw as Partial<PrefillDto>;
  const value = asValue(p.value);
  if (!value || !p.module || !Array.isArray(p.elements) || typeof p.detail !== 'string') return null;
  return { value, module: p.module, elements: p.elements, detail: p.detail };
};

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

interface Loaded {
  row: repo.AssessmentRow | undefined;
  ruleSetId: number;
  set: RuleSet;
  entries: Awaited<ReturnType<typeof repo.listEntries>>;
  evidence: Awaited<ReturnType<typeof repo.listEvidence>>;
  verifications: Awaited<ReturnType<typeof repo.listVerifications>>;
}

/** Whether the pre-filled values are the live ones (the commune still edits) or those kept at submission. */
const livePrefill = (state: AssessmentState) => state === 'draft' || state === 'returned';

function stateOf(row: repo.AssessmentRow | undefined): AssessmentState {
  return (row?.state ?? 'draft') as AssessmentState;
}

/** The values scored per indicator and the pieces the view shows. */
function inputsOf(l: Loaded, prefills: Map<string, PrefillDto | null>) {
  const entries = new Map(l.entries.filter((e) => e.assessment_id === l.row?.id).map((e) => [e.indicator_code, e]));
  const corrections = new Map<string, IndicatorValue>();
  for (const v of l.verifications) {
    if (v.assessment_id !== l.row?.id) continue;
    for (const [code, raw] of Object.entries((v.corrections ?? {}) as Record<string, unknown>)) {
      const value = asValue(raw);
      if (value) corrections.set(code, value);
    }
  }
  const live = livePrefill(stateOf(l.row));
  const values: Record<string, IndicatorValue | null> = {};
  const parts = new Map<
    string,
    { entered: IndicatorValue | null; prefill: PrefillDto | null; corrected: IndicatorValue | null }
  >();
  for (const c of l.set.criteria) {
    for (const ind of c.indicators) {
      const e = entries.get(ind.code);
      const entered = asValue(e?.value ?? null);
      const prefill = live ? (prefills.get(ind.code) ?? null) : asPrefill(e?.prefill ?? null);
      const corrected = corrections.get(ind.code) ?? null;
      values[ind.code] = corrected ?? entered ?? prefill?.value ?? null;
      parts.set(ind.code, { entered, prefill, corrected });
    }
  }
  return { entries, values, parts };
}

function categoryFor(row: repo.AssessmentRow | undefined, commune: CommuneRow) {
  const decided = COMMUNE_CATEGORIES.find((k) => k === row?.decision_category);
  if (row?.state === 'decided' && decided) return { type: decided, typeSource: 'stored' as const };
  return categoryOf(commune);
}

function prefillsFor(set: RuleSet, commune: string, year: number, s: Sources) {
  const m = new Map<string, PrefillDto | null>();
  for (const c of set.criteria) for (const ind of c.indicators) m.set(ind.code, prefillOf(ind, commune, year, s));
  return m;
}

async function load(db: Kysely<Database>, actor: SessionActor, code: string, year: number): Promise<Loaded> {
  const row = await repo.findAssessment(db, code, year);
  let ruleSetId: number;
  let set: RuleSet;
  if (row) {
    const r = await repo.findRuleSet(db, actor.provinceCode, row.rule_set_id);
    if (!r) throw new Error('an assessment without its rule set');
    ruleSetId = r.id;
    set = parseStored(r.id, r.content);
  } else {
    ({ id: ruleSetId, set } = await activeRuleSet(db, actor.provinceCode));
  }
  const ids = row ? [row.id] : [];
  return {
    row,
    ruleSetId,
    set,
    entries: await repo.listEntries(db, ids),
    evidence: await repo.listEvidence(db, ids),
    verifications: await repo.listVerifications(db, ids),
  };
}

async function view(db: Kysely<Database>, actor: SessionActor, commune: CommuneRow, year: number): Promise<AssessmentDto> {
  const l = await load(db, actor, commune.code, year);
  const state = stateOf(l.row);
  const prefills = livePrefill(state)
    ? prefillsFor(l.set, commune.code, year, await loadSources(db, actor.provinceCode, [commune.code], year))
    : new Map<string, PrefillDto | null>();
  const { entries, values, parts } = inputsOf(l, prefills);
  const category = categoryFor(l.row, commune);
  const score = scoreAssessment(l.set, values, category.type);
  const verifications = new Map(l.verifications.map((v) => [v.criterion_code, v]));
  const row = l.row;
  return {
    communeCode: commune.code,
    communeName: commune.name,
    year,
    exists: row !== undefined,
    state,
    ...category,
    threshold: score.threshold,
    ruleSet: { id: l.ruleSetId, version: l.set.version, title: l.set.title },
    criteria: l.set.criteria.map((c, ci) => {
      const cs = score.criteria[ci];
      const v = verifications.get(c.code);
      return {
        code: c.code,
        name: c.name,
        maxPoints: cs?.maxPoints ?? c.points,
        points: cs?.points ?? 0,
        lost: (cs?.maxPoints ?? c.points) - (cs?.points ?? 0),
        verification: v
          ? {
              outcome: v.outcome as 'accepted' | 'corrected',
              comment: v.comment,
              at: new Date(v.at).toISOString(),
              byName: v.by_name,
            }
          : null,
        indicators: c.indicators.map((ind, ii) => {
          const is = cs?.indicators[ii];
          const p = parts.get(ind.code);
          const e = entries.get(ind.code);
          return {
            code: ind.code,
            name: ind.name,
            valueKind: ind.value,
            value: values[ind.code] ?? null,
            entered: p?.entered ?? null,
            prefill: p?.prefill ?? null,
            overrideReason: e?.override_reason ?? null,
            corrected: p?.corrected ?? null,
            note: e?.note ?? null,
            evidence: l.evidence
              .filter((f) => f.indicator_code === ind.code)
              .map((f) => ({ id: f.file_id, fileName: f.name, size: f.size })),
            points: is?.points ?? 0,
            maxPoints: is?.maxPoints ?? 0,
            requirement: is?.requirement ?? { vi: '', en: '' },
            shortfall: is?.shortfall ?? null,
          };
        }),
      };
    }),
    total: score.total,
    maxTotal: score.maxTotal,
    meetsStandard: score.meetsStandard,
    shortfall: score.shortfall,
    decision:
      row?.state === 'decided' && row.decision_number && row.decision_date
        ? {
            number: row.decision_number,
            date: row.decision_date,
            recognised: row.decision_recognised === true,
            at: iso(row.decided_at) ?? '',
            byName: row.decided_by_name ?? '',
          }
        : null,
    returnComment: row?.return_comment ?? null,
    submittedAt: iso(row?.submitted_at ?? null),
    history: row
      ? (await repo.listEvents(db, row.id)).map((e) => ({
          at: new Date(e.at).toISOString(),
          byName: e.by_name,
          action: e.action as AssessmentDto['history'][number]['action'],
          comment: e.comment,
        }))
      : [],
    version: row?.version ?? 0,
  };
}

export async function readAssessment(
  db: Kysely<Database>,
  actor: SessionActor,
  code: string,
  year: number,
): Promise<AssessmentDto> {
  assertScope(actor, 'communes.read', code);
  return view(db, actor, await communeOf(db, actor, code), year);
}

// ---- the province's list of a year

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
}

export async function statusOfYear(db: Kysely<Database>, actor: SessionActor, year: number): Promise<CommunesStatusDto> {
  const scope = scopeOf(communesPermissions, 'communes.read', actor);
  if (scope === undefined) throw forbidden();
  const only = scope === 'province' ? undefined : (actor.communeCode ?? '');
  const communes = await repo.listCommunes(db, actor.provinceCode, only);
  const rows = await repo.listAssessmentsOfYear(db, actor.provinceCode, year, only);
  const byCommune = new Map(rows.map((r) => [r.commune_code, r]));
  const ids = rows.map((r) => r.id);
  const [entries, verifications, setRows, active] = await Promise.all([
    repo.listEntries(db, ids),
    repo.listVerifications(db, ids),
    repo.findRuleSetsByIds(db, [...new Set(rows.map((r) => r.rule_set_id))]),
    activeRuleSet(db, actor.provinceCode),
  ]);
  const sets = new Map(setRows.map((r) => [r.id, parseStored(r.id, r.content)]));
  const editing = rows.filter((r) => livePrefill(r.state as AssessmentState)).map((r) => r.commune_code);
  const sources = await loadSources(db, actor.provinceCode, editing, year);
  const entriesOf = groupBy(entries, (e) => e.assessment_id);
  const verificationsOf = groupBy(verifications, (v) => v.assessment_id);
  const out: CommuneStatusDto[] = communes.map((c) => {
    const row = byCommune.get(c.code);
    const set = row ? (sets.get(row.rule_set_id) ?? active.set) : active.set;
    const category = categoryFor(row, c);
    if (!row) {
      return {
        communeCode: c.code,
        communeName: c.name,
        type: category.type,
        threshold: thresholdFor(set, category.type),
        state: 'none',
        total: null,
        zeroCriteria: [],
        recognised: false,
        decision: null,
      };
    }
    const state = row.state as AssessmentState;
    const prefills = livePrefill(state) ? prefillsFor(set, c.code, year, sources) : new Map<string, PrefillDto | null>();
    const { values } = inputsOf(
      {
        row,
        ruleSetId: row.rule_set_id,
        set,
        entries: entriesOf.get(row.id) ?? [],
        evidence: [],
        verifications: verificationsOf.get(row.id) ?? [],
      },
      prefills,
    );
    const score = scoreAssessment(set, values, category.type);
    return {
      communeCode: c.code,
      communeName: c.name,
      type: category.type,
      threshold: score.threshold,
      state,
      total: score.total,
      zeroCriteria: score.zeroCriteria,
      recognised: state === 'decided' && row.decision_recognised === true,
      decision:
        state === 'decided' && row.decision_number && row.decision_date
          ? { number: row.decision_number, date: row.decision_date }
          : null,
    };
  });
  return {
    year,
    communes: out,
    recognisedCount: out.filter((c) => c.recognised).length,
    communesTotal: scope === 'province' ? communes.length : await repo.countCommunes(db, actor.provinceCode),
  };
}

// ---- writes

const PERMISSION: Record<AssessmentAction, CommunesAction> = {
  save: 'communes.assess',
  submit: 'communes.assess',
  verify: 'communes.verify',
  return: 'communes.verify',
  decision: 'communes.decide',
};

function stateConflict(state: AssessmentState | 'none', action: AssessmentAction): TreError {
  const label = assessmentStateLabels[state];
  const allowed = statesAllowing(action).map((s) => assessmentStateLabels[s]);
  return new TreError(ErrorCode.Conflict, {
    field: 'state',
    detail: {
      vi: `Bản tự đánh giá đang ở trạng thái "${label.vi}"; thao tác này chỉ làm được khi: ${allowed.map((a) => a.vi).join(', ')}`,
      en: `The assessment is at "${label.en}"; this can be done only at: ${allowed.map((a) => a.en).join(', ')}`,
    },
  });
}

const versionConflict = () =>
  new TreError(ErrorCode.Conflict, {
    field: 'version',
    detail: {
      vi: 'Bản tự đánh giá vừa được người khác cập nhật; hãy tải lại trang',
      en: 'Someone else changed the assessment meanwhile; reload the page',
    },
  });

interface Step {
  trx: Transaction<Database>;
  row: repo.AssessmentRow;
  set: RuleSet;
  commune: CommuneRow;
}

/**
 * One transition of an assessment in one transaction: the commune in the province, the actor's
 * scope, the state (409 naming it), the version read; `fn` does the change and returns the columns
 * to set; the event and the audit row go in the same transaction.
 */
async function transition(
  db: Kysely<Database>,
  actor: SessionActor,
  code: string,
  year: number,
  action: AssessmentAction,
  version: number | undefined,
  fn: (s: Step) => Promise<{
    set?: Parameters<typeof repo.updateAssessment>[3];
    comment?: string | null;
    audit?: unknown;
    /** run in the same transaction once the assessment is updated */
    after?: (trx: Transaction<Database>) => Promise<void>;
  }>,
): Promise<AssessmentDto> {
  assertScope(actor, PERMISSION[action], code);
  const commune = await communeOf(db, actor, code);
  await db.transaction().execute(async (trx) => {
    let row = await repo.findAssessment(trx, code, year, true);
    if (!row) {
      if (action !== 'save') throw stateConflict('none', action);
      if (version !== undefined && version !== 0) throw versionConflict();
      const active =
        (await repo.findActiveRuleSet(trx, actor.provinceCode)) ??
        (await repo.insertActiveRuleSet(trx, {
          provinceCode: actor.provinceCode,
          version: shippedRuleSet().version,
          content: shippedRuleSet(),
          createdBy: null,
        }));
      row = await repo.insertAssessment(trx, { provinceCode: actor.provinceCode, communeCode: code, year, ruleSetId: active.id });
      await repo.insertEvent(trx, {
        assessmentId: row.id,
        action: 'create',
        comment: null,
        byId: userIdOf(actor),
        byName: actor.displayName,
      });
    } else {
      const state = row.state as AssessmentState;
      if (!statesAllowing(action).includes(state)) throw stateConflict(state, action);
      if (version !== undefined && version !== row.version) throw versionConflict();
    }
    const r = await repo.findRuleSet(trx, actor.provinceCode, row.rule_set_id);
    if (!r) throw new Error('an assessment without its rule set');
    const set = parseStored(r.id, r.content);
    const out = await fn({ trx, row, set, commune });
    if (!(await repo.updateAssessment(trx, row.id, row.version, out.set ?? {}))) throw versionConflict();
    await out.after?.(trx);
    await repo.insertEvent(trx, {
      assessmentId: row.id,
      action,
      comment: out.comment ?? null,
      byId: userIdOf(actor),
      byName: actor.displayName,
    });
    await recordAudit(trx, auditActorOf(actor), {
      action: action === 'save' ? 'update' : action,
      entity: 'commune_assessment',
      entityId: `${code}/${year}`,
      before: { state: row.state, version: row.version },
      after: { state: out.set?.state ?? row.state, ...(out.audit ?? {}) },
    });
  });
  return view(db, actor, commune, year);
}

const sameValue = (a: IndicatorValue, b: IndicatorValue) => JSON.stringify(a) === JSON.stringify(b);

function indicatorIndex(set: RuleSet) {
  const m = new Map<string, { ind: RuleIndicator; criterion: string }>();
  for (const c of set.criteria) for (const ind of c.indicators) m.set(ind.code, { ind, criterion: c.code });
  return m;
}

function checkValue(ind: RuleIndicator, value: IndicatorValue, field: string) {
  if (value.kind !== ind.value) {
    throw invalid(
      field,
      `Chỉ tiêu ${ind.code} cần số liệu loại "${ind.value}"`,
      `Indicator ${ind.code} takes a "${ind.value}" value`,
    );
  }
  if (value.kind === 'rate' && value.numerator > value.denominator) {
    throw invalid(
      field,
      `Chỉ tiêu ${ind.code}: tử số lớn hơn mẫu số`,
      `Indicator ${ind.code}: the numerator exceeds the denominator`,
    );
  }
}

/** The commune's entries: values (overriding a pre-filled one only with a reason), notes, evidence files. */
export async function saveAssessment(
  db: Kysely<Database>,
  actor: SessionActor,
  code: string,
  year: number,
  req: SaveAssessmentRequest,
): Promise<AssessmentDto> {
  assertScope(actor, 'communes.assess', code);
  const sources = await loadSources(db, actor.provinceCode, [code], year);
  return transition(db, actor, code, year, 'save', req.version, async ({ trx, row, set }) => {
    const index = indicatorIndex(set);
    const seen = new Set<string>();
    const overridden: string[] = [];
    for (const [i, e] of req.entries.entries()) {
      const at = `entries.${i}`;
      const known = index.get(e.code);
      if (!known)
        throw invalid(`${at}.code`, `Không có chỉ tiêu ${e.code} trong bộ tiêu chí`, `No indicator ${e.code} in the rule set`);
      if (seen.has(e.code)) throw invalid(`${at}.code`, `Chỉ tiêu ${e.code} được gửi hai lần`, `Indicator ${e.code} sent twice`);
      seen.add(e.code);
      if (e.value) checkValue(known.ind, e.value, `${at}.value`);
      const prefill = prefillOf(known.ind, code, year, sources);
      const overrides = e.value !== null && prefill !== null && !sameValue(e.value, prefill.value);
      const reason = overrides ? (e.overrideReason ?? null) : null;
      if (overrides && !reason) {
        throw invalid(
          `${at}.overrideReason`,
          `Chỉ tiêu ${e.code} đã có số liệu từ ${prefill.detail}; muốn nhập số khác phải nêu lý do`,
          `Indicator ${e.code} is filled in from ${prefill.detail}; entering another value needs a reason`,
        );
      }
      if (overrides) overridden.push(e.code);
      await repo.upsertEntry(trx, {
        assessmentId: row.id,
        code: e.code,
        value: e.value,
        overrideReason: reason,
        note: e.note ?? null,
      });
      if (e.evidenceFileIds) {
        const ids = [...new Set(e.evidenceFileIds)];
        const kept = new Set(
          (await repo.listEvidence(trx, [row.id])).filter((f) => f.indicator_code === e.code).map((f) => f.file_id),
        );
        // keeping a file a colleague attached is fine; attaching one needs one's own upload
        for (const [j, id] of ids.entries()) if (!kept.has(id)) await assertOwnFile(trx, actor, id, `${at}.evidenceFileIds.${j}`);
        await repo.replaceEvidence(trx, row.id, e.code, ids);
      }
    }
    return { audit: { indicators: [...seen], overridden } };
  });
}

/** The commune submits: every indicator has a value; the pre-filled values are kept as submitted. */
export async function submitAssessment(db: Kysely<Database>, actor: SessionActor, code: string, year: number, version: number) {
  assertScope(actor, 'communes.assess', code);
  const sources = await loadSources(db, actor.provinceCode, [code], year);
  return transition(db, actor, code, year, 'submit', version, async ({ trx, row, set }) => {
    const entries = new Map((await repo.listEntries(trx, [row.id])).map((e) => [e.indicator_code, e]));
    const missing: string[] = [];
    for (const c of set.criteria) {
      for (const ind of c.indicators) {
        const prefill = prefillOf(ind, code, year, sources);
        await repo.setEntryPrefill(trx, row.id, ind.code, prefill);
        if (asValue(entries.get(ind.code)?.value ?? null) === null && prefill === null) missing.push(ind.code);
      }
    }
    if (missing.length) {
      throw invalid(
        'entries',
        `Chưa có số liệu của chỉ tiêu: ${missing.join(', ')}`,
        `These indicators have no value yet: ${missing.join(', ')}`,
      );
    }
    return { set: { state: 'submitted', submitted_at: new Date(), return_comment: null } };
  });
}

/** The province verifies a criterion: accepts it, or corrects its indicators' values with a comment. */
export async function verifyCriterion(
  db: Kysely<Database>,
  actor: SessionActor,
  code: string,
  year: number,
  req: VerifyCriterionRequest,
) {
  return transition(db, actor, code, year, 'verify', req.version, async ({ trx, row, set }) => {
    const criterion = set.criteria.find((c) => c.code === req.criterion);
    if (!criterion) throw invalid('criterion', `Không có tiêu chí ${req.criterion}`, `No criterion ${req.criterion}`);
    const corrections: Record<string, IndicatorValue> = {};
    if (req.outcome === 'corrected') {
      if (!req.comment) throw invalid('comment', 'Điều chỉnh cần ghi nhận xét', 'A correction needs a comment');
      if (!req.corrections?.length)
        throw invalid('corrections', 'Điều chỉnh cần ít nhất một số liệu', 'A correction needs at least one value');
      for (const [i, c] of req.corrections.entries()) {
        const ind = criterion.indicators.find((x) => x.code === c.code);
        if (!ind) {
          throw invalid(
            `corrections.${i}.code`,
            `Chỉ tiêu ${c.code} không thuộc tiêu chí ${criterion.code}`,
            `Indicator ${c.code} is not of criterion ${criterion.code}`,
          );
        }
        checkValue(ind, c.value, `corrections.${i}.value`);
        corrections[c.code] = c.value;
      }
    } else if (req.corrections?.length) {
      throw invalid('corrections', 'Chấp nhận thì không kèm số liệu điều chỉnh', 'Accepting takes no corrected values');
    }
    await repo.upsertVerification(trx, {
      assessmentId: row.id,
      criterion: criterion.code,
      outcome: req.outcome,
      corrections,
      comment: req.comment ?? null,
      byId: userIdOf(actor),
      byName: actor.displayName,
    });
    return {
      comment: req.comment ?? null,
      audit: { criterion: criterion.code, outcome: req.outcome, corrected: Object.keys(corrections) },
    };
  });
}

/** The province returns the submission for rework, with a comment; its verifications start again at the next submission. */
export async function returnAssessment(
  db: Kysely<Database>,
  actor: SessionActor,
  code: string,
  year: number,
  req: ReturnRequest,
) {
  return transition(db, actor, code, year, 'return', req.version, async ({ trx, row }) => {
    await repo.deleteVerifications(trx, row.id);
    return { set: { state: 'returned', return_comment: req.comment }, comment: req.comment };
  });
}

/**
 * The province's decision (number, date, recognised or not) once every criterion is verified; a
 * decision to recognise needs the verified score to meet the standard. Indicator 1's values for the
 * year are published in the same transaction (unless the province's figures of the year are locked).
 */
export async function decideAssessment(
  db: Kysely<Database>,
  actor: SessionActor,
  code: string,
  year: number,
  req: DecisionRequest,
) {
  if (req.date < `${year}-01-01` || req.date > vietnamDate(new Date())) {
    throw invalid(
      'date',
      'Ngày quyết định không thể trước năm được đánh giá hoặc sau hôm nay',
      'The decision cannot be dated before the year assessed or after today',
    );
  }
  return transition(db, actor, code, year, 'decision', req.version, async ({ trx, row, set, commune }) => {
    const verifications = await repo.listVerifications(trx, [row.id]);
    const done = new Set(verifications.map((v) => v.criterion_code));
    const pending = set.criteria.filter((c) => !done.has(c.code)).map((c) => c.code);
    if (pending.length) {
      throw new TreError(ErrorCode.Conflict, {
        field: 'criteria',
        detail: {
          vi: `Còn tiêu chí chưa thẩm định: ${pending.join(', ')}`,
          en: `Criteria not verified yet: ${pending.join(', ')}`,
        },
      });
    }
    const category = categoryOf(commune).type;
    if (req.recognised) {
      const l: Loaded = {
        row,
        ruleSetId: row.rule_set_id,
        set,
        entries: await repo.listEntries(trx, [row.id]),
        evidence: [],
        verifications,
      };
      const score = scoreAssessment(set, inputsOf(l, new Map()).values, category);
      if (!score.meetsStandard) {
        throw invalid(
          'recognised',
          `Chưa đạt chuẩn: ${score.total}/${score.threshold} điểm${score.zeroCriteria.length ? `, tiêu chí 0 điểm: ${score.zeroCriteria.join(', ')}` : ''}`,
          `Does not meet the standard: ${score.total}/${score.threshold} points${score.zeroCriteria.length ? `, criteria at 0: ${score.zeroCriteria.join(', ')}` : ''}`,
        );
      }
    }
    return {
      set: {
        state: 'decided',
        decision_number: req.number,
        decision_date: req.date,
        decision_recognised: req.recognised,
        decision_category: category,
        decided_by: userIdOf(actor),
        decided_by_name: actor.displayName,
        decided_at: new Date(),
      },
      comment: `${req.number} (${req.date})`,
      audit: { number: req.number, date: req.date, recognised: req.recognised },
      // indicator 1's values, counting this decision, in its transaction
      after: async (t) => {
        await publishInTransaction(t, actor, year);
      },
    };
  });
}

// ---- indicator 1

export const FRIENDLY_ELEMENT = 'COMMUNES_CHILD_FRIENDLY';
export const TOTAL_ELEMENT = 'COMMUNES_TOTAL';

/**
 * Writes indicator 1's values for the year as the province's data values: COMMUNES_CHILD_FRIENDLY
 * (communes recognised by a decision of the year) and COMMUNES_TOTAL (communes of the province),
 * unless the province's figures of the year are locked by an accepted report.
 */
export async function publishYear(db: Kysely<Database>, actor: SessionActor, year: number): Promise<PublishResultDto> {
  if (scopeOf(communesPermissions, 'communes.publish', actor) !== 'province') throw forbidden();
  return db.transaction().execute((trx) => publishInTransaction(trx, actor, year));
}

async function publishInTransaction(trx: Transaction<Database>, actor: SessionActor, year: number): Promise<PublishResultDto> {
  const period = String(year);
  const unit = actor.provinceCode;
  {
    const recognised = await repo.countRecognised(trx, actor.provinceCode, year);
    const total = await repo.countCommunes(trx, actor.provinceCode);
    const locks = await findLocks(trx, actor.provinceCode, [{ unit, period }]);
    if (locks.size > 0) return { year, period, recognised, total, written: false };
    const stored = new Map((await findValues(trx, actor.provinceCode, [unit], [period])).map((v) => [cellId(v), v.value]));
    const writes: ValueWrite[] = [];
    for (const [element, value] of [
      [FRIENDLY_ELEMENT, recognised],
      [TOTAL_ELEMENT, total],
    ] as const) {
      const cell = { element, unit, period, disaggregation: '' };
      const old = stored.get(cellId(cell)) ?? null;
      if (old !== value) writes.push({ ...cell, unitKind: 'province', value, old });
    }
    await applyWrites(
      trx,
      { provinceCode: actor.provinceCode, userId: userIdOf(actor), name: actor.username, source: 'import' },
      writes,
    );
    await recordAudit(trx, auditActorOf(actor), {
      action: 'publish',
      entity: 'data_value',
      entityId: `communes/${period}`,
      after: { recognised, total, cells: writes.length },
    });
    return { year, period, recognised, total, written: true };
  }
}
