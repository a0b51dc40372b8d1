/** The child register: the record's shape and the import layout's rules (pure; the register itself lives in the server). */
export * from './child.ts';
export * from './personal-id.ts';
export * from './names.ts';
export * from './ethnicity.ts';
export * from './layout/fields.ts';
export * from './layout/dates.ts';
export * from './layout/values.ts';
export * from './layout/phone.ts';
export * from './layout/communes.ts';
export * from './layout/headers.ts';
export * from './layout/column-map.ts';
export * from './layout/row.ts';
export * from './name-key.ts';
export * from './permissions.ts';
export type * from './children-api.ts';
