export * from './clean.ts';
export * from './single-line.ts';
