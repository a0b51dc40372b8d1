import { filesPermissions } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { actorOf } from '../http/auth.ts';
import { fromParams } from '../http/read-log-hook.ts';
import { FileNameQuerySchema, UPLOAD_LIMIT, authoriseUpload, uploadedBytes } from '../http/upload.ts';
import { readFile, storeFile } from './service.ts';
import { contentDisposition } from '../http/content-disposition.ts';

export function filesRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/files',
      {
        bodyLimit: UPLOAD_LIMIT,
        onRequest: authoriseUpload(filesPermissions, 'evidence.upload'),
        schema: {
          tags: ['files'],
          summary: 'Tải lên tệp minh chứng (application/octet-stream, tối đa 10 MB) / upload an evidence file (≤ 10 MB)',
          querystring: FileNameQuerySchema,
          response: { 201: z.object({ id: z.string(), fileName: z.string(), size: z.number() }) },
        },
      },
      async (request, reply) => {
        const row = await storeFile(db, actorOf(request), request.query.fileName, uploadedBytes(request));
        return reply.status(201).send({ id: row.id, fileName: row.name, size: row.size });
      },
    );

    app.get(
      '/api/files/:id',
      {
        // the one trace of a download (the audit keeps writes); a file the caller may not see is a 404, logged as refused
        config: { readLog: { kind: 'file', record: fromParams('id') } },
        schema: {
          tags: ['files'],
          summary: 'Tải về tệp / download a file',
          params: z.object({ id: z.uuid() }),
        },
      },
      async (request, reply) => {
        const { meta, content } = await readFile(db, actorOf(request), request.params.id);
        return reply
          .header('content-type', meta.media_type)
          .header('content-disposition', contentDisposition(meta.name))
          .header('x-content-type-options', 'nosniff')
          .send(content);
      },
    );
  };
}
