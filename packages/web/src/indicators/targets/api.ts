import type { BaselineRequest, PlanMeasureTargetsDto, PlanMeasureTargetsReply } from '@tre/core';
import { api } from '../../api/client.ts';
import { read, type Read } from '../../api/useApi.ts';

const targetsUrl = (planId: string) => `/api/plans/${encodeURIComponent(planId)}/measure-targets`;
const baselineUrl = (planId: string, measure: string) => `${targetsUrl(planId)}/${encodeURIComponent(measure)}/baseline`;

/** A plan's targets mapped to measures and their baselines (server indicators/targets). */
export const targetsApi = {
  setBaseline: (planId: string, measure: string, request: BaselineRequest) =>
    api<PlanMeasureTargetsDto>('PUT', baselineUrl(planId, measure), request),
  clearBaseline: (planId: string, measure: string) => api<PlanMeasureTargetsDto>('DELETE', baselineUrl(planId, measure)),
};

/** The targets' reads, for useRead. */
export const targetsReads = {
  measureTargets: (planId: string): Read<PlanMeasureTargetsReply> => read(targetsUrl(planId)),
};
