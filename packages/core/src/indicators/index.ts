/** Indicators: the catalogue of measures, aggregation, progress against targets, validation rules. */
export * from './catalogue-schema.ts';
export * from './catalogue.ts';
export * from './values.ts';
export * from './counts.ts';
export * from './aggregate.ts';
export * from './progress.ts';
export * from './relative-progress.ts';
export * from './validation.ts';
export * from './data-sets.ts';
export * from './measure-match.ts';
export * from './target-comparison.ts';
export * from './target-mapping.ts';
export * from './target-text.ts';
export * from './local-indicator.ts';
export * from './indicator-api.ts';
export * from './permissions.ts';
