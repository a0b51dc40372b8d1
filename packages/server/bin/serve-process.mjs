// How the `tre serve` process runs: V8 flags and C library settings that size its memory. Both must
// be there when the process starts (V8 reads its flags when it makes the heap, glibc its settings when
// it starts), so `tre serve` started without them starts again with them, in the same process
// (process.execve: the same pid, the same open files, nothing left behind).
//
// --max-semi-space-size=8: on a 64-bit machine V8 grows the young generation to 64 MB a semi-space
// (128 MB resident) on the HTTP thread alone, sized for a machine with memory to spare; Tre's server
// shares its memory with PGlite and an import. With 8 MB semi-spaces the HTTP thread's young
// generation stayed at 16 MB while 20 readers and a 500,000-value import ran. V8 flags are per
// process, so the worker threads are held to it too (the import worker asks for 16 MB anyway).
export const SERVE_FLAGS = ['--max-semi-space-size=8'];

// glibc's malloc, used for buffers (replies copied out of PGlite, messages between threads, file
// chunks): by default each thread gets its own arena, and buffers of 128 KB and more, once freed,
// raise the size from which memory is mapped on its own, so later ones stay in the arenas, which keep
// what they once held. At the peak of an import 185 MB of the server's memory was arenas. Two arenas,
// and large buffers always mapped on their own (returned to the system when freed), cut that.
// Ignored by other C libraries.
export const SERVE_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };

const nameOf = (flag) => flag.split('=')[0];

/**
 * How to start `tre serve` again with SERVE_FLAGS and SERVE_ENV, or null when it is not `serve`, or
 * all are set already (by this restart, or by the person, whose value wins: a flag on the command line
 * or in NODE_OPTIONS, a variable in the environment).
 */
export function serveRestart(argv = process.argv, execArgv = process.execArgv, env = process.env) {
  if (argv[2] !== 'serve') return null;
  const nodeOptions = (env.NODE_OPTIONS ?? '').split(/\s+/);
  const set = (name) => execArgv.some((a) => nameOf(a) === name) || nodeOptions.some((a) => nameOf(a) === name);
  const flags = SERVE_FLAGS.filter((f) => !set(nameOf(f)));
  const unset = Object.entries(SERVE_ENV).filter(([k]) => env[k] === undefined);
  if (flags.length === 0 && unset.length === 0) return null;
  return { args: [...flags, ...execArgv, ...argv.slice(1)], env: { ...env, ...Object.fromEntries(unset) } };
}
