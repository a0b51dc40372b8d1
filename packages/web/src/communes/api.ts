import type {
  AssessmentDto,
  CommuneCategoryDto,
  CommuneCategoryRequest,
  CommunesStatusDto,
  DecisionRequest,
  EvidenceFileDto,
  PublishResultDto,
  ReturnRequest,
  RuleSetDto,
  RuleSetInput,
  RuleSetListDto,
  RuleSetSummaryDto,
  SaveAssessmentRequest,
  TransitionRequest,
  VerifyCriterionRequest,
} from '@tre/core';
import { api, apiUpload } from '../api/client.ts';
import { read, type Read } from '../api/useApi.ts';

/**
 * The communes module's routes (issue 17: child-friendly commune recognition), typed with core's
 * communes-api.ts. Evidence files go through the files module (POST /api/files, as a task's
 * evidence does) and their ids are sent with the assessment's save.
 */

const assessmentUrl = (code: string, year: number) =>
  `/api/communes/${encodeURIComponent(code)}/assessments/${encodeURIComponent(String(year))}`;

export const communesApi = {
  /** creates the draft on the first save; replies with the assessment scored again */
  save: (code: string, year: number, body: SaveAssessmentRequest) => api<AssessmentDto>('PUT', assessmentUrl(code, year), body),
  submit: (code: string, year: number, body: TransitionRequest) =>
    api<AssessmentDto>('POST', `${assessmentUrl(code, year)}/submit`, body),
  verify: (code: string, year: number, body: VerifyCriterionRequest) =>
    api<AssessmentDto>('POST', `${assessmentUrl(code, year)}/verify`, body),
  returnToCommune: (code: string, year: number, body: ReturnRequest) =>
    api<AssessmentDto>('POST', `${assessmentUrl(code, year)}/return`, body),
  /** publishes indicator 1's values of the year as well */
  decide: (code: string, year: number, body: DecisionRequest) =>
    api<AssessmentDto>('POST', `${assessmentUrl(code, year)}/decision`, body),
  publish: (year: number) =>
    api<PublishResultDto>('POST', `/api/communes/publish?${new URLSearchParams({ year: String(year) }).toString()}`, {}),
  /** the JSON as the administrator uploaded it: it becomes the active set */
  uploadRuleSet: (content: RuleSetInput) => api<RuleSetSummaryDto>('POST', '/api/communes/rule-sets', content),
  setType: (code: string, body: CommuneCategoryRequest) =>
    api<CommuneCategoryDto>('PUT', `/api/communes/${encodeURIComponent(code)}/type`, body),
  /** an evidence file through the files module; its id goes with the next save */
  uploadEvidence: (file: File) =>
    apiUpload<EvidenceFileDto>(`/api/files?${new URLSearchParams({ fileName: file.name }).toString()}`, file),
  evidenceHref: (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`,
};

/** The communes module's reads, for useRead. */
export const communesReads = {
  status: (year: number): Read<CommunesStatusDto> =>
    read(`/api/communes/status?${new URLSearchParams({ year: String(year) }).toString()}`),
  /** a blank draft with the figures Tre holds when the commune has saved nothing yet */
  assessment: (code: string, year: number): Read<AssessmentDto> => read(assessmentUrl(code, year)),
  ruleSets: (): Read<RuleSetListDto> => read('/api/communes/rule-sets'),
  ruleSet: (id: number): Read<RuleSetDto> => read(`/api/communes/rule-sets/${encodeURIComponent(String(id))}`),
};
