/** Child-friendly commune recognition (issue 17, Quyết định 06/2019/QĐ-TTg): rule sets and scoring, pure. */
export * from './permissions.ts';
export * from './rule-points.ts';
export * from './rule-set.ts';
export * from './commune-type.ts';
export * from './states.ts';
export type * from './communes-api.ts';
export * from './scoring.ts';
export * from './default-rule-set.ts';
