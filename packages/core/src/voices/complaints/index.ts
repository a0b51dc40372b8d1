/** Complaints and denunciations about children's rights (issue 17 §3): the legal steps and clocks, pure. */
export * from './permissions.ts';
export * from './complaint.ts';
export * from './clocks.ts';
export type * from './complaints-api.ts';
