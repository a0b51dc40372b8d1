/** Child-protection cases (issue 16): the legal steps and clocks of Nghị định 56/2017, pure. */
export * from './permissions.ts';
export * from './calendar.ts';
export * from './office-calendar-data.ts';
export * from './deadlines.ts';
