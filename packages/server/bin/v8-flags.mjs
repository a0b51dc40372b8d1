// The V8 flags `tre serve` runs with. A flag that sizes the heap must be on the command line (it is
// read when the heap is made), so `tre serve` started without them starts again with them, in the same
// process (process.execve: the same pid, the same open files, nothing left behind).
//
// --max-semi-space-size=8: on a 64-bit machine V8 grows the young generation to 64 MB a semi-space
// (128 MB resident) on the HTTP thread alone, sized for a machine with memory to spare; Tre's server
// shares its memory with PGlite and an import. With 8 MB semi-spaces the HTTP thread's young
// generation stayed at 16 MB while 20 readers and a 500,000-value import ran. V8 flags are per
// process, so the worker threads are held to it too (the import worker asks for 16 MB anyway).
export const SERVE_FLAGS = ['--max-semi-space-size=8'];

const nameOf = (flag) => flag.split('=')[0];

/**
 * The arguments to start `tre serve` again with SERVE_FLAGS, or null when it is not `serve`, or every
 * flag is set already (by this restart, on the command line or in NODE_OPTIONS: the person's own
 * value wins).
 */
export function serveRestartArgs(argv = process.argv, execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? '') {
  if (argv[2] !== 'serve') return null;
  const set = (name) => execArgv.some((a) => nameOf(a) === name) || nodeOptions.split(/\s+/).some((a) => nameOf(a) === name);
  const missing = SERVE_FLAGS.filter((f) => !set(nameOf(f)));
  return missing.length === 0 ? null : [...missing, ...execArgv, ...argv.slice(1)];
}
