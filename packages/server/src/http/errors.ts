import { ErrorCode, errorMessages, languageFromHeader } from '@tre/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { TreError, httpStatusOf } from '../errors.ts';
import { describeIssue } from './validation-message.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

/** The one place where errors become HTTP replies: `{ error: { code, message, field? } }`. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | TreError, request, reply) => {
    const lang = languageFromHeader(request.headers['accept-language']);
    if (error instanceof TreError) {
      const body: ErrorBody = { error: { code: error.code, message: error.messageIn(lang) } };
      if (error.options.field) body.error.field = error.options.field;
      if (error.options.params?.seconds !== undefined) {
        void reply.header('retry-after', String(error.options.params.seconds));
      }
      return reply.status(httpStatusOf(error.code)).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      // what the client sent in the part that failed, to tell a missing value from a wrong one
      const input =
        error.validationContext === 'querystring'
          ? request.query
          : error.validationContext === 'params'
            ? request.params
            : error.validationContext === 'body'
              ? request.body
              : undefined;
      const described = first
        ? describeIssue(first, lang, input)
        : { field: undefined, message: errorMessages.VALIDATION_FAILED[lang] };
      const where = error.validationContext === 'querystring' ? 'query.' : error.validationContext === 'params' ? 'params.' : '';
      return reply.status(400).send({
        error: {
          code: ErrorCode.ValidationFailed,
          message: described.message,
          ...(described.field ? { field: where + described.field } : {}),
        },
      } satisfies ErrorBody);
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      // a body over the route's bound: say the bound, in the user's words
      const maxMb = Math.floor(request.routeOptions.bodyLimit / 1024 / 1024);
      const tooLarge = new TreError(ErrorCode.FileTooLarge, { field: 'file', params: { maxMb } });
      return reply
        .status(413)
        .send({ error: { code: tooLarge.code, message: tooLarge.messageIn(lang), field: 'file' } } satisfies ErrorBody);
    }
    if (status < 500) {
      // Fastify's own client errors (malformed JSON, body too large, wrong content type …)
      return reply.status(status).send({
        error: {
          code: status === 404 ? ErrorCode.NotFound : ErrorCode.ValidationFailed,
          message: lang === 'vi' ? `Yêu cầu không hợp lệ: ${error.message}` : `Bad request: ${error.message}`,
        },
      } satisfies ErrorBody);
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: ErrorCode.Internal, message: errorMessages.INTERNAL[lang] } } satisfies ErrorBody);
  });
}
