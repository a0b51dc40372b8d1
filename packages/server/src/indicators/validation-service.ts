import {
  Role,
  dataSetElements,
  parseDisaggregationKey,
  parsePeriod,
  previousPeriod,
  validateValues,
  type Violation,
} from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SessionActor } from '../access/session-actor.ts';
import { catalogueIndex } from './catalogue-store.ts';
import { assertPeriod } from './data-values-service.ts';
import * as repo from './repository.ts';
import { communeCodesOf } from './units.ts';

/**
 * A validation run over one period (core validation.ts), read-only. Required elements: a commune
 * that reported anything in the period must report its whole data set; communes that reported
 * nothing are not listed here one element at a time (they show as missing in completeness).
 * Commune officers and agency reporters see only their own unit's violations.
 */
export async function validationRun(db: Kysely<Database>, actor: SessionActor, periodCode: string) {
  assertPeriod(periodCode);
  const period = parsePeriod(periodCode);
  if (!period) return { period: periodCode, violations: [] as Violation[] };
  const index = await catalogueIndex(db);
  const rows = await repo.listPeriodValues(db, actor.provinceCode, [period.code, previousPeriod(period).code]);
  const values = rows.map((r) => ({
    element: r.element_code,
    unit: r.unit_code,
    period: r.period,
    value: r.value,
    disaggregation: parseDisaggregationKey(r.disaggregation) ?? {},
  }));
  const communes = new Set(await communeCodesOf(db, actor.provinceCode));
  const reportingCommunes = [
    ...new Set(values.filter((v) => v.period === period.code && communes.has(v.unit)).map((v) => v.unit)),
  ];
  const violations = validateValues({
    index,
    values,
    period: period.code,
    units: reportingCommunes,
    required: dataSetElements(index, 'commune'),
  });
  const mine =
    actor.role === Role.CommuneOfficer
      ? violations.filter((v) => v.unit === actor.communeCode)
      : actor.role === Role.AgencyReporter
        ? violations.filter((v) => v.unit === actor.agencyId)
        : violations;
  return { period: period.code, violations: mine };
}
