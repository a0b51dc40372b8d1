export * from './errors/codes.ts';
export * from './access/roles.ts';
export * from './access/lockout.ts';
export * from './units/admin-units.ts';
export * from './periods/period.ts';
export * from './plans/plan-format.ts';
export type * from './plans/plan-api.ts';
export { BODY_GROUPS } from './plans/plan-api.ts';
export * from './plans/bodies.ts';
