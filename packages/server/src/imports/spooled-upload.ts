import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalid } from '../errors.ts';
import type { ImportRunner } from './runner.ts';
import { BodyTooLarge } from './spool.ts';

/**
 * The one way a file to import enters: in the plugin that calls this, a raw upload
 * (application/octet-stream) is streamed to the runner's spool as it arrives, never held in memory
 * whole, and refused with 413 once past the route's bodyLimit. Every importer (figures now; children
 * and cases later) registers it, then reads the spooled file with `receivedFile`.
 */
export function streamUploadsToSpool(app: FastifyInstance, runner: ImportRunner): void {
  app.removeContentTypeParser('application/octet-stream');
  app.addContentTypeParser('application/octet-stream', (request, payload, done) => {
    const declared = Number(request.headers['content-length']);
    // the route's own bodyLimit (runner.settings.maxFileBytes): Fastify always sets one
    const limit = request.routeOptions.bodyLimit;
    runner.spool.receive(payload, limit, Number.isFinite(declared) ? declared : undefined).then(
      (file) => done(null, file),
      (e: unknown) => done(e instanceof BodyTooLarge ? Object.assign(new Error(e.message), { statusCode: 413 }) : (e as Error)),
    );
  });
  // a request refused after its file arrived (a bad query, a full queue) leaves nothing on disk: a
  // file that became a job was moved to the job's place, so this removes only what no job took
  app.addHook('onResponse', (request, _reply, done) => {
    const body = request.body as { path?: unknown } | undefined;
    if (body && typeof body.path === 'string') runner.spool.discard(body.path);
    done();
  });
}

/** The spooled upload of this request; anything else is refused naming the body. */
export function receivedFile(request: FastifyRequest): { path: string; size: number } {
  const body = request.body as { path?: unknown; size?: unknown } | undefined;
  if (body && typeof body.path === 'string' && typeof body.size === 'number') return { path: body.path, size: body.size };
  throw invalid(
    'body',
    'Cần gửi nội dung tệp (Content-Type: application/octet-stream)',
    'Send the file content (Content-Type: application/octet-stream)',
  );
}
