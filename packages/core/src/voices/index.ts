/** Children's voices (issue 17): opinions and forums; complaints add their own line. */
export * from './opinions/index.ts';
