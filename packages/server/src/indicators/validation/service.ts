import {
  dataSetElements,
  indicatorsPermissions,
  mayTakeOn,
  parseDisaggregationKey,
  previousPeriod,
  type UnitRefDto,
  validateValues,
  type ValidationRunReply,
} from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SessionActor } from '../../audit/session-actor.ts';
import { catalogueIndex } from '../catalogue/store.ts';
import { readableUnit } from '../access.ts';
import { periodOf } from '../period.ts';
import * as repo from '../repository.ts';
import { agenciesOf, communesOf, findReportingUnit } from '../units.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A validation run over one period (core validation.ts), read-only. Required elements: a commune
 * that reported anything in the period must report its whole data set; communes that reported
 * nothing are not listed here one element at a time (they show as missing in completeness).
 * Commune officers and agency reporters see only their own unit's violations; `unit` keeps one
 * unit's, if the caller may read that unit's figures (an unknown unit is 404).
 */
export async function validationRun(
  db: Kysely<Database>,
  actor: SessionActor,
  query: { period: string; unit?: string | undefined },
): Promise<ValidationRunReply> {
  const only = query.unit === undefined ? null : (await readableUnit(db, actor, query.unit)).code;
  const period = periodOf(query.period);
  const index = await catalogueIndex(db);
  const rows = await repo.listPeriodValues(db, actor.provinceCode, [period.code, previousPeriod(period).code]);
  const values = rows.map((r) => ({
    element: r.element_code,
    unit: r.unit_code,
    period: r.period,
    value: r.value,
    disaggregation: parseDisaggregationKey(r.disaggregation) ?? {},
  }));
  const communes = await communesOf(db, actor.provinceCode);
  const communeNames = new Map(communes.map((c) => [c.code, c.name]));
  const reportingCommunes = [
    ...new Set(values.filter((v) => v.period === period.code && communeNames.has(v.unit)).map((v) => v.unit)),
  ];
  const violations = validateValues({
    index,
    values,
    period: period.code,
    units: reportingCommunes,
    required: dataSetElements(index, 'commune'),
  });
  const mine = violations.filter(
    (v) =>
      (only === null || v.unit === only) &&
      mayTakeOn(indicatorsPermissions, 'values.read', actor, { communeCode: v.unit, agencyId: v.unit }),
  );
  const codes = [...new Set(mine.map((v) => v.unit))];
  return { period: period.code, violations: mine, units: await namedUnits(db, actor.provinceCode, codes, communeNames) };
}

/** The units of the findings with their names: communes from the list already read, agencies in one query. */
async function namedUnits(
  db: Kysely<Database>,
  provinceCode: string,
  codes: readonly string[],
  communeNames: ReadonlyMap<string, string>,
): Promise<UnitRefDto[]> {
  const agencies = codes.some((c) => UUID.test(c))
    ? new Map((await agenciesOf(db, provinceCode)).map((a) => [a.id, a.short_name]))
    : new Map<string, string>();
  const province = codes.includes(provinceCode) ? await findReportingUnit(db, provinceCode, provinceCode) : null;
  return codes.map((code): UnitRefDto => {
    const commune = communeNames.get(code);
    if (commune !== undefined) return { kind: 'commune', code, name: commune };
    const agency = agencies.get(code);
    if (agency !== undefined) return { kind: 'agency', code, name: agency };
    if (code === provinceCode) return { kind: 'province', code, name: province?.name ?? code };
    // a figure stored for a unit no longer listed (it keeps its code as its name)
    return { kind: UUID.test(code) ? 'agency' : 'commune', code, name: code };
  });
}
