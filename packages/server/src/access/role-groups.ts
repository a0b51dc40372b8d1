import { Role } from '@tre/core';

/**
 * Roles that edit what belongs to the whole province: its plans, any unit's figures, imports and
 * the mapping of plan targets. The standing body (provincial officer) and administrators.
 */
export const PROVINCE_EDITORS: readonly Role[] = [Role.Admin, Role.ProvincialOfficer];
