/** Child-protection cases (issue 16): the legal steps and clocks of Nghị định 56/2017, pure. */
export * from './permissions.ts';
export * from './case.ts';
export * from './steps.ts';
export * from './forms.ts';
export type * from './cases-api.ts';
export * from './calendar.ts';
export * from './office-calendar-data.ts';
export * from './deadlines.ts';
