import type { FastifyRequest } from 'fastify';

/**
 * What the server log keeps of a request: method, path, and the caller's address, never the query
 * string. Queries carry what people typed (a name searched for, a file name such as "Biên bản …
 * em Lê Thị B.pdf"); the read log records who read what without them, and so does this log.
 */
export function loggedRequest(request: Pick<FastifyRequest, 'method' | 'url' | 'ip'>) {
  const q = request.url.indexOf('?');
  return {
    method: request.method,
    url: q < 0 ? request.url : `${request.url.slice(0, q)}?…`,
    remoteAddress: request.ip,
  };
}
