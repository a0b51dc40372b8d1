import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { actorOf } from '../http/auth.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { fromParams } from '../http/read-log-hook.ts';
import type { ImportRunner } from './runner.ts';
import { ImportJobListSchema, ImportJobSchema, JobListQuerySchema, JobParamsSchema } from './schemas.ts';
import * as service from './service.ts';

/**
 * Following import jobs. Jobs are created by each module's upload route (e.g. POST
 * /api/data-values/import-file), which answers 202 with the job; these routes show its progress,
 * its rejected rows, and run a stopped one again.
 */
export function importJobRoutes(db: Kysely<Database>, runner: ImportRunner) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/import-jobs',
      {
        schema: {
          tags: ['imports'],
          summary:
            'Các lần nhập tệp của tôi (all=1: của mọi người, cho quản trị) / my imports (all=1: everyone’s, for overseers)',
          querystring: JobListQuerySchema,
          response: { 200: ImportJobListSchema },
        },
      },
      async (request) => ({ items: await service.listJobs(db, actorOf(request), request.query.all === '1') }),
    );

    app.get(
      '/api/import-jobs/:id',
      {
        // its first rejected rows name units and figures: a read, and a refusal traceable to the job
        config: { readLog: { kind: 'import_job', record: fromParams('id') } },
        schema: {
          tags: ['imports'],
          summary: 'Tiến độ và kết quả một lần nhập / progress and result of an import',
          params: JobParamsSchema,
          response: { 200: ImportJobSchema },
        },
      },
      async (request) => service.jobWithRejections(db, actorOf(request), request.params.id),
    );

    app.get(
      '/api/import-jobs/:id/rejections.csv',
      {
        // an export of what a file held (codes and reasons): one trace per download
        config: { readLog: { kind: 'export', record: fromParams('id') } },
        schema: {
          tags: ['imports'],
          summary: 'Mọi dòng bị từ chối (CSV) / every rejected row (CSV)',
          params: JobParamsSchema,
        },
      },
      async (request, reply) => {
        const job = await service.getJob(db, actorOf(request), request.params.id);
        // the upload's name without what a file system or a browser could take for a path
        const base = job.file_name.replace(/\.[^.]*$/, '').replace(/[\\/:*?"<>|%\p{Cc}\p{Cf}]/gu, '_');
        const name = `${base} - dong bi tu choi.csv`;
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', contentDisposition(name))
          .send(Readable.from(service.rejectionsCsv(db, job, runner.kind(job.kind)?.fieldLabels)));
      },
    );

    app.post(
      '/api/import-jobs/:id/retry',
      {
        config: { readLog: { kind: 'import_job', record: fromParams('id') } },
        schema: {
          tags: ['imports'],
          summary: 'Chạy lại việc nhập bị dừng, tiếp từ chỗ đã lưu / run a stopped import again, from where it stopped',
          params: JobParamsSchema,
          response: { 200: ImportJobSchema },
        },
      },
      async (request) => service.retryJob(db, runner, actorOf(request), request.params.id),
    );
  };
}
