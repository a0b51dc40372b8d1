import { communesPermissions } from '@tre/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { authorize } from '../http/auth.ts';
import {
  decideAssessment,
  listRuleSets,
  publishYear,
  readAssessment,
  readRuleSet,
  returnAssessment,
  saveAssessment,
  setCategory,
  statusOfYear,
  submitAssessment,
  uploadRuleSet,
  verifyCriterion,
} from './service.ts';
import {
  AssessmentSchema,
  CategoryBody,
  CategorySchema,
  CodeParams,
  DecisionBody,
  IdParams,
  PublishSchema,
  RULE_SET_BODY_LIMIT,
  ReturnBody,
  RuleSetListSchema,
  RuleSetSummarySchema,
  SaveAssessmentBody,
  StatusSchema,
  TransitionBody,
  VerifyBody,
  YearParams,
  YearQuery,
} from './schemas.ts';

const tags = ['communes'];

/**
 * Child-friendly commune recognition (Quyết định 06/2019/QĐ-TTg): the province's list of a year,
 * a commune's self-assessment and its flow (save, submit, verify, return, decision), indicator 1's
 * publication, the rule sets and the communes' categories. Thin: validate, authorise, call the service.
 */
export function communesRoutes(db: Kysely<Database>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/communes/status',
      {
        schema: {
          tags,
          summary: 'Xã, phường phù hợp với trẻ em: điểm, tiêu chí 0 điểm, ngưỡng, công nhận / child-friendly status of a year',
          querystring: YearQuery,
          response: { 200: StatusSchema },
        },
      },
      async (request) => statusOfYear(db, authorize(request, communesPermissions, 'communes.read'), request.query.year),
    );

    app.get(
      '/api/communes/:code/assessments/:year',
      {
        schema: {
          tags,
          summary: 'Bản tự đánh giá của xã trong năm / a commune’s self-assessment of a year',
          params: YearParams,
          response: { 200: AssessmentSchema },
        },
      },
      async (request) =>
        readAssessment(db, authorize(request, communesPermissions, 'communes.read'), request.params.code, request.params.year),
    );

    app.put(
      '/api/communes/:code/assessments/:year',
      {
        schema: {
          tags,
          summary: 'Lưu số liệu tự đánh giá (lý do khi khác số liệu sẵn có, minh chứng) / save the self-assessment’s entries',
          params: YearParams,
          body: SaveAssessmentBody,
          response: { 200: AssessmentSchema },
        },
      },
      async (request) =>
        saveAssessment(
          db,
          authorize(request, communesPermissions, 'communes.assess'),
          request.params.code,
          request.params.year,
          request.body,
        ),
    );

    app.post(
      '/api/communes/:code/assessments/:year/submit',
      {
        schema: {
          tags,
          summary: 'Gửi bản tự đánh giá lên tỉnh / submit the self-assessment',
          params: YearParams,
          body: TransitionBody,
          response: { 200: AssessmentSchema },
        },
      },
      async (request) =>
        submitAssessment(
          db,
          authorize(request, communesPermissions, 'communes.assess'),
          request.params.code,
          request.params.year,
          request.body.version,
        ),
    );

    app.post(
      '/api/communes/:code/assessments/:year/verify',
      {
        schema: {
          tags,
          summary: 'Thẩm định một tiêu chí: chấp nhận hoặc điều chỉnh có nhận xét / verify a criterion',
          params: YearParams,
          body: VerifyBody,
          response: { 200: AssessmentSchema },
        },
      },
      async (request) =>
        verifyCriterion(
          db,
          authorize(request, communesPermissions, 'communes.verify'),
          request.params.code,
          request.params.year,
          request.body,
        ),
    );

    app.post(
      '/api/communes/:code/assessments/:year/return',
      {
        schema: {
          tags,
          summary: 'Trả lại để hoàn thiện, có nhận xét / return for rework with a comment',
          params: YearParams,
          body: ReturnBody,
          response: { 200: AssessmentSchema },
        },
      },
      async (request) =>
        returnAssessment(
          db,
          authorize(request, communesPermissions, 'communes.verify'),
          request.params.code,
          request.params.year,
          request.body,
        ),
    );

    app.post(
      '/api/communes/:code/assessments/:year/decision',
      {
        schema: {
          tags,
          summary: 'Quyết định công nhận (số, ngày); cập nhật chỉ tiêu 1 / the decision; publishes indicator 1',
          params: YearParams,
          body: DecisionBody,
          response: { 200: AssessmentSchema },
        },
      },
      async (request) =>
        decideAssessment(
          db,
          authorize(request, communesPermissions, 'communes.decide'),
          request.params.code,
          request.params.year,
          request.body,
        ),
    );

    app.post(
      '/api/communes/publish',
      {
        schema: {
          tags,
          summary: 'Ghi lại số xã được công nhận vào chỉ tiêu 1 / write indicator 1’s values of a year again',
          querystring: YearQuery,
          response: { 200: PublishSchema },
        },
      },
      async (request) => publishYear(db, authorize(request, communesPermissions, 'communes.publish'), request.query.year),
    );

    app.get(
      '/api/communes/rule-sets',
      {
        schema: {
          tags,
          summary: 'Các bộ tiêu chí, bộ đang dùng / the rule sets and the active one',
          response: { 200: RuleSetListSchema },
        },
      },
      async (request) => listRuleSets(db, authorize(request, communesPermissions, 'communes.read')),
    );

    app.get(
      '/api/communes/rule-sets/:id',
      {
        schema: {
          tags,
          summary: 'Một bộ tiêu chí (JSON) / one rule set with its JSON',
          params: IdParams,
          response: { 200: RuleSetSummarySchema.extend({ content: z.unknown() }) },
        },
      },
      async (request) => readRuleSet(db, authorize(request, communesPermissions, 'communes.read'), request.params.id),
    );

    app.post(
      '/api/communes/rule-sets',
      {
        bodyLimit: RULE_SET_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Tải lên bộ tiêu chí thay thế (JSON), trở thành bộ đang dùng / upload a replacement rule set',
          body: z.record(z.string(), z.unknown()),
          response: { 201: RuleSetSummarySchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await uploadRuleSet(db, authorize(request, communesPermissions, 'communes.ruleSets'), request.body)),
    );

    app.put(
      '/api/communes/:code/type',
      {
        schema: {
          tags,
          summary: 'Loại xã (miền núi, hải đảo, đặc biệt khó khăn, phường thành phố trực thuộc TW) / a commune’s category',
          params: CodeParams,
          body: CategoryBody,
          response: { 200: CategorySchema },
        },
      },
      async (request) =>
        setCategory(db, authorize(request, communesPermissions, 'communes.type'), request.params.code, request.body.type),
    );
  };
}
