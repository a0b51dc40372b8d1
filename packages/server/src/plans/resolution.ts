import {
  bodyGroupLabels,
  resolveBody,
  similarKey,
  type AgencyForMatch,
  type BodyResolution,
  type MatchOptions,
  type ParsedBody,
} from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { invalid } from '../errors.ts';
import * as units from '../units/repository.ts';
import type { ResolutionValues } from './repository.ts';

/** How a resolution is stored: a kind, and the agency or group it points at. */
export function toResolutionValues(r: BodyResolution): ResolutionValues {
  return {
    resolution: r.kind,
    agency_id: r.kind === 'agency' ? r.agencyId : null,
    body_group: r.kind === 'group' ? r.group : null,
  };
}

export function fromResolutionValues(row: ResolutionValues): BodyResolution {
  if (row.resolution === 'agency' && row.agency_id) return { kind: 'agency', agencyId: row.agency_id };
  if (row.resolution === 'group' && row.body_group) return { kind: 'group', group: row.body_group };
  if (row.resolution === 'external') return { kind: 'external' };
  if (row.resolution === 'not_tracked') return { kind: 'not_tracked' };
  return { kind: 'unresolved' };
}

/** Whether two resolutions say the same (the same kind and the same agency or group). */
export function sameResolution(a: BodyResolution, b: BodyResolution): boolean {
  const x = toResolutionValues(a);
  const y = toResolutionValues(b);
  return x.resolution === y.resolution && x.agency_id === y.agency_id && x.body_group === y.body_group;
}

/** What the web shows for a body: the agency's short name, the group's label, or the name as written. */
export function bodyLabel(row: ResolutionValues & { name: string; agency_short_name?: string | null }): string {
  if (row.resolution === 'agency' && row.agency_short_name) return row.agency_short_name;
  if (row.resolution === 'group' && row.body_group) return bodyGroupLabels[row.body_group].vi;
  return row.name;
}

/** The province's agencies, inactive ones included (older plans name them), in the matcher's shape. */
export async function agenciesForMatch(db: Kysely<Database>, provinceCode: string) {
  const [rows, province] = await Promise.all([units.listAgencies(db, provinceCode, true), units.findProvince(db, provinceCode)]);
  const agencies: AgencyForMatch[] = rows.map((a) => ({
    id: a.id,
    shortName: a.short_name,
    fullName: a.full_name,
    aliases: a.aliases,
    kind: a.kind,
    active: a.active,
  }));
  const options: MatchOptions = province
    ? { provinceName: province.name.replace(/^Thành phố /, ''), city: province.name.startsWith('Thành phố ') }
    : {};
  return { agencies, options };
}

export { bodyNamesOf } from '@tre/core/plans/bodies-left';

/** What Tre's matcher makes of each name, with the similar key that groups the names into questions. */
export function resolveNames(names: string[], agencies: AgencyForMatch[], options: MatchOptions): ParsedBody[] {
  return names.map((name) => ({ name, key: similarKey(name), ...resolveBody(name, agencies, options) }));
}

/** Refuses an agency id that is not one of the province's agencies, naming the field. */
export function assertAgencyOfProvince(agencies: AgencyForMatch[], r: BodyResolution, field: string): void {
  if (r.kind === 'agency' && !agencies.some((a) => a.id === r.agencyId)) {
    throw invalid(field, 'Cơ quan không thuộc danh sách cơ quan của tỉnh', 'Not one of the province’s agencies');
  }
}
