import type {
  BaselineRequest,
  PlanMeasureTargetsDto,
  PlanMeasureTargetsReply,
  TargetCreateRequest,
  TargetPatchRequest,
} from '@tre/core';
import { api } from '../../api/client.ts';
import { read, type Read } from '../../api/useApi.ts';

const targetsUrl = (planId: string) => `/api/plans/${encodeURIComponent(planId)}/measure-targets`;
const baselineUrl = (planId: string, measure: string) => `${targetsUrl(planId)}/${encodeURIComponent(measure)}/baseline`;
const planTargetsUrl = (planId: string) => `/api/plans/${encodeURIComponent(planId)}/targets`;
const planTargetUrl = (planId: string, target: string) => `${planTargetsUrl(planId)}/${encodeURIComponent(target)}`;

/** A plan's targets mapped to measures, their baselines, and the targets themselves (server indicators/targets). */
export const targetsApi = {
  setBaseline: (planId: string, measure: string, request: BaselineRequest) =>
    api<PlanMeasureTargetsDto>('PUT', baselineUrl(planId, measure), request),
  clearBaseline: (planId: string, measure: string) => api<PlanMeasureTargetsDto>('DELETE', baselineUrl(planId, measure)),
  addTarget: (planId: string, request: TargetCreateRequest) =>
    api<PlanMeasureTargetsReply>('POST', planTargetsUrl(planId), request),
  patchTarget: (planId: string, target: string, request: TargetPatchRequest) =>
    api<PlanMeasureTargetsReply>('PATCH', planTargetUrl(planId, target), request),
  removeTarget: (planId: string, target: string) => api<PlanMeasureTargetsReply>('DELETE', planTargetUrl(planId, target)),
};

/** The targets' reads, for useRead. */
export const targetsReads = {
  measureTargets: (planId: string): Read<PlanMeasureTargetsReply> => read(targetsUrl(planId)),
};
