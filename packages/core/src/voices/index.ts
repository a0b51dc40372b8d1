/** Children's voices (issue 17): complaints and denunciations about children's rights; opinions and forums. */
export * from './complaints/index.ts';
