import {
  measureHeading,
  planTargetId,
  type CatalogueIndex,
  type MappedTargetDto,
  type Measure,
  type MeasureChoiceDto,
  type PlanMeasureTargetsDto,
  type PlanMeasureTargetsReply,
  type PlanTargetRefDto,
  type UnmappedTargetDto,
} from '@tre/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database, PlanIndicatorTargetTable } from '../../db/schema.ts';
import { getPlan } from '../../plans/service.ts';
import { catalogueIndex } from '../catalogue/store.ts';
import { provinceValuesOfYears } from '../values/service.ts';
import * as repo from './repository.ts';

/**
 * GET /api/plans/:id/measure-targets: the plan's targets as the dashboard uses them — mapped ones
 * grouped by measure with each measure's baseline and a suggestion for it, and every target left
 * unmapped with the reason and the measures offered — so that no target the plan holds is hidden.
 * The suggestion is the province's value of the year before the first target year, computed as GET
 * /api/indicators/values computes it (values-service.ts).
 */

type MappedRow = Awaited<ReturnType<typeof repo.measureTargetsOfPlan>>[number];
type UnmappedRow = Awaited<ReturnType<typeof repo.unmappedTargetsOfPlan>>[number];

function targetRef(t: Selectable<PlanIndicatorTargetTable>, indicatorNo: number): PlanTargetRefDto {
  return {
    id: planTargetId(t.indicator_position, t.position),
    indicatorNo,
    year: t.year,
    value: t.value,
    unit: t.unit,
    op: t.op,
    relative:
      t.kind === 'relative' && t.change
        ? { change: t.change, reference: t.reference_year ?? 'previous-year', valueTo: t.value_to }
        : null,
    measureText: t.measure,
    opWord: t.op_word,
    text: t.clause,
  };
}

function mappedTarget(r: MappedRow): MappedTargetDto {
  return { ...targetRef(r, r.indicator_no), op: r.mapped_op, writtenOp: r.op, opSource: r.op_source, chosen: r.chosen };
}

function choice(index: CatalogueIndex, code: string): MeasureChoiceDto[] {
  const m = index.measure(code);
  if (!m) return [];
  const { measure, indicatorNo, name, unit, direction } = measureHeading(index, m);
  return [{ measure, indicatorNo, name, unit, direction }];
}

function unmappedTarget(index: CatalogueIndex, r: UnmappedRow): UnmappedTargetDto {
  // not_mapped: a target changed or added since the last mapping (a local indicator deleted since)
  const candidates =
    r.candidates ?? index.catalogue.indicators.find((i) => i.no === r.indicator_no)?.measures.map((m) => m.code) ?? [];
  return {
    ...targetRef(r, r.indicator_no),
    reason: (r.reason ?? 'not_mapped') as UnmappedTargetDto['reason'],
    candidates: candidates.flatMap((c) => choice(index, c)),
  };
}

/** Each measure's entry: targets by year, baseline and suggestion (one values computation for all). */
async function entriesOf(
  db: Kysely<Database>,
  provinceCode: string,
  index: CatalogueIndex,
  targets: MappedRow[],
  baselines: repo.BaselineRow[],
): Promise<PlanMeasureTargetsDto[]> {
  const byMeasure = new Map<string, MappedRow[]>();
  for (const t of targets) byMeasure.set(t.measure_code, [...(byMeasure.get(t.measure_code) ?? []), t]);
  const measures = index.measures.filter((m) => byMeasure.has(m.code));
  const firstYear = (m: Measure) => Math.min(...(byMeasure.get(m.code) ?? []).map((t) => t.year));
  const suggested = await provinceValuesOfYears(
    db,
    provinceCode,
    measures.map((m) => ({ measure: m, year: firstYear(m) - 1 })),
  );
  const baselineOf = new Map(baselines.map((b) => [b.measure_code, b]));
  return measures.map((m) => {
    const b = baselineOf.get(m.code);
    const value = suggested.get(m.code);
    return {
      ...measureHeading(index, m),
      targets: (byMeasure.get(m.code) ?? []).map(mappedTarget),
      baseline: b ? { year: b.year, value: b.value, setBy: b.set_by_name, setAt: b.set_at.toISOString() } : null,
      suggestion: value === undefined ? null : { year: firstYear(m) - 1, value },
    };
  });
}

/** The listing, for a plan already found in the caller's province. */
export async function listPlanTargets(
  db: Kysely<Database>,
  provinceCode: string,
  planId: string,
): Promise<PlanMeasureTargetsReply> {
  const index = await catalogueIndex(db);
  const [targets, baselines, unmapped] = await Promise.all([
    repo.measureTargetsOfPlan(db, planId),
    repo.baselinesOfPlan(db, planId),
    repo.unmappedTargetsOfPlan(db, planId),
  ]);
  return {
    planId,
    measures: await entriesOf(db, provinceCode, index, targets, baselines),
    unmapped: unmapped.map((r) => unmappedTarget(index, r)),
  };
}

/** GET /api/plans/:id/measure-targets */
export async function planMeasureTargets(
  db: Kysely<Database>,
  provinceCode: string,
  planId: string,
): Promise<PlanMeasureTargetsReply> {
  await getPlan(db, provinceCode, planId);
  return listPlanTargets(db, provinceCode, planId);
}

/** One measure's entry after a change to its baseline; undefined when the plan has no target for it. */
export async function measureEntry(
  db: Kysely<Database>,
  provinceCode: string,
  index: CatalogueIndex,
  planId: string,
  m: Measure,
): Promise<PlanMeasureTargetsDto | undefined> {
  const [targets, baselines] = await Promise.all([
    repo.measureTargetsOfPlan(db, planId, m.code),
    repo.baselinesOfPlan(db, planId, m.code),
  ]);
  const [entry] = await entriesOf(db, provinceCode, index, targets, baselines);
  return entry;
}
