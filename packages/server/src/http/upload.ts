import type { PermissionTable } from '@tre/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalid } from '../errors.ts';
import { authorize } from './auth.ts';

/**
 * What every raw-upload route shares (plan files, evidence, figures files, later registers). An
 * upload is sent as application/octet-stream with its name in `?fileName=`; the caller is known
 * and authorised in onRequest, before a byte of the body is read (authoriseUpload), and the body is
 * bounded by the route's bodyLimit.
 */

/** Plan files and evidence: at most this many bytes. */
export const UPLOAD_LIMIT = 15 * 1024 * 1024;

export const FileNameQuerySchema = z.object({ fileName: z.string().trim().min(1).max(255) });

/** The bytes of a raw upload; anything else (JSON, a form) is refused naming the body. */
export function uploadedBytes(request: FastifyRequest): Buffer {
  const body = request.body;
  // a file sent with no bytes is an empty file, said as the figures import says it
  const raw = request.headers['content-type']?.startsWith('application/octet-stream') ?? false;
  if ((Buffer.isBuffer(body) && body.length === 0) || (raw && body === undefined)) {
    throw invalid('body', 'Tệp rỗng: không có nội dung nào được gửi', 'The file is empty: nothing was sent');
  }
  if (!Buffer.isBuffer(body)) {
    throw invalid(
      'body',
      'Cần gửi nội dung tệp (Content-Type: application/octet-stream)',
      'Send the file content (Content-Type: application/octet-stream)',
    );
  }
  return body;
}

/**
 * A route's onRequest hook refusing callers whose role may not take the action before the body is
 * read (the session was resolved by the global onRequest hook in auth.ts), so nobody unknown or
 * unauthorised makes the server read 50 MB.
 */
export function authoriseUpload<A extends string>(table: PermissionTable<A>, action: A) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    authorize(request, table, action);
  };
}
