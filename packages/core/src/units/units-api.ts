/**
 * The units module's API: request and reply types of its routes (server units/schemas.ts checks its
 * zod schemas against these at compile time; web units/api.ts calls the routes with them).
 */

export interface CommuneDto {
  code: string;
  name: string;
  type: string;
  provinceCode: string;
}

export type AgencyKind = 'department' | 'mass_organisation' | 'committee' | 'sector' | 'other';

export interface AgencyDto {
  id: string;
  kind: AgencyKind;
  shortName: string;
  fullName: string;
  aliases: string[];
  active: boolean;
  isStandingBody: boolean;
}

export interface AgencyInput {
  kind: AgencyKind;
  shortName: string;
  fullName: string;
  aliases: string[];
  active?: boolean | undefined;
}

/** One commune with the pre-2025 units it was formed from (GET /api/units/communes/:code). */
export interface CommuneDetailDto extends CommuneDto {
  predecessors: { code: string; name: string; extent: 'full' | 'partial' }[];
}
