export * from './clean.ts';
