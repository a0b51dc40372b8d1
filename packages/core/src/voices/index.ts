/** Children's voices (issue 17): opinions and forums; complaints and denunciations about children's rights. */
export * from './opinions/index.ts';
export * from './complaints/index.ts';
