/** Children's opinions and forums (issue 17 §2): events, counts, opinions and their answers, pure. */
export * from './permissions.ts';
export * from './opinions.ts';
export type * from './opinions-api.ts';
