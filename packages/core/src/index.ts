export * from './errors/codes.ts';
export * from './access/roles.ts';
export * from './access/lockout.ts';
export * from './units/admin-units.ts';
