/**
 * Compile-time contract checks between a module's zod schemas and its API types in core: in each
 * module's schemas.ts, `Expect<Same<z.infer<typeof XSchema>, XDto>>` fails the build when a field is
 * added, removed or retyped on one side only.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Expect<T extends true> = T;
