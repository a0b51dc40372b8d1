import type { Bilingual } from '../indicators/catalogue-schema.ts';
import type { CommuneCategory } from './rule-points.ts';
import type { RuleSetInput, ValueKind } from './rule-set.ts';

/**
 * The communes module's API shapes (issue 17: child-friendly commune recognition), shared by the
 * server's schemas (checked against these at compile time) and the web's typed client.
 *
 * Routes:
 * - GET  /api/communes/status?year=                  → CommunesStatusDto
 * - GET  /api/communes/:code/assessments/:year       → AssessmentDto (a blank draft view with the pre-filled values if none exists yet)
 * - PUT  /api/communes/:code/assessments/:year       ← SaveAssessmentRequest → AssessmentDto (creates the draft on first save)
 * - POST /api/communes/:code/assessments/:year/submit   ← TransitionRequest → AssessmentDto
 * - POST /api/communes/:code/assessments/:year/verify   ← VerifyCriterionRequest → AssessmentDto
 * - POST /api/communes/:code/assessments/:year/return   ← ReturnRequest → AssessmentDto
 * - POST /api/communes/:code/assessments/:year/decision ← DecisionRequest → AssessmentDto (publishes indicator 1's values)
 * - POST /api/communes/publish?year=                 → PublishResultDto (writes them again, e.g. after a lock was lifted)
 * - GET  /api/communes/rule-sets                     → RuleSetListDto
 * - GET  /api/communes/rule-sets/:id                 → RuleSetDto
 * - POST /api/communes/rule-sets                     ← RuleSetInput (the JSON) → RuleSetSummaryDto (becomes the active set)
 * - PUT  /api/communes/:code/type                    ← CommuneCategoryRequest → CommuneCategoryDto
 */

/** Where an assessment stands: the commune edits a draft (or one returned for rework), submits it; the province decides. */
export type AssessmentState = 'draft' | 'submitted' | 'returned' | 'decided';

/** An indicator's value: a rate as numerator of denominator, a count, or yes/no. */
export type IndicatorValue =
  { kind: 'rate'; numerator: number; denominator: number } | { kind: 'count'; count: number } | { kind: 'boolean'; yes: boolean };

export type PrefillModule = 'indicators' | 'children' | 'cases';

/** A value Tre already holds, with where it comes from. */
export interface PrefillDto {
  value: IndicatorValue;
  module: PrefillModule;
  /** data element codes (indicators), or what was counted (register, cases) */
  elements: string[];
  /** e.g. "CHILDREN_U5_BIRTH_REGISTERED / CHILDREN_U5 = 480 / 500" */
  detail: string;
}

export interface EvidenceFileDto {
  id: string;
  fileName: string;
  size: number;
}

/** One indicator (chỉ tiêu) of an assessment: its values, where they come from, its points and why. */
export interface IndicatorEntryDto {
  code: string;
  name: Bilingual;
  valueKind: ValueKind;
  /** the value scored: the province's correction if any, else the commune's entry, else the pre-filled value */
  value: IndicatorValue | null;
  /** what the commune entered (null: it keeps the pre-filled value, or nothing yet) */
  entered: IndicatorValue | null;
  /** what Tre holds for this indicator (null: entered by hand) */
  prefill: PrefillDto | null;
  /** the commune's reason for entering a value other than the pre-filled one */
  overrideReason: string | null;
  /** the province's corrected value, from its verification of the criterion */
  corrected: IndicatorValue | null;
  note: string | null;
  evidence: EvidenceFileDto[];
  points: number;
  maxPoints: number;
  /** what earns the points, e.g. "≥ 98%: 50 điểm" */
  requirement: Bilingual;
  /** why points were lost, null when all were earned */
  shortfall: Bilingual | null;
}

export type VerificationOutcome = 'accepted' | 'corrected';

export interface CriterionVerificationDto {
  outcome: VerificationOutcome;
  comment: string | null;
  at: string;
  byName: string;
}

export interface CriterionResultDto {
  code: string;
  name: Bilingual;
  maxPoints: number;
  points: number;
  /** points lost: maxPoints − points */
  lost: number;
  indicators: IndicatorEntryDto[];
  verification: CriterionVerificationDto | null;
}

/** Why a commune falls short, and by how much. */
export interface ShortfallDto {
  /** points missing to the threshold (0 when reached) */
  missing: number;
  /** criteria scoring 0 (each alone bars recognition) */
  zeroCriteria: string[];
  /** criteria that lost points, most lost first */
  criteria: { code: string; name: Bilingual; lost: number; reasons: { indicator: string; text: Bilingual }[] }[];
}

export interface DecisionDto {
  number: string;
  /** YYYY-MM-DD */
  date: string;
  recognised: boolean;
  at: string;
  byName: string;
}

export interface AssessmentEventDto {
  at: string;
  byName: string;
  action: 'create' | 'save' | 'submit' | 'verify' | 'return' | 'decision';
  comment: string | null;
}

export interface RuleSetRefDto {
  id: number;
  version: string;
  title: Bilingual;
}

export interface AssessmentDto {
  communeCode: string;
  communeName: string;
  year: number;
  /** false: nothing saved yet, the view of a new draft with the values Tre holds */
  exists: boolean;
  state: AssessmentState;
  type: CommuneCategory;
  /** whether the type was set by the administrator or derived from the official units data */
  typeSource: 'stored' | 'default';
  threshold: number;
  ruleSet: RuleSetRefDto;
  criteria: CriterionResultDto[];
  total: number;
  maxTotal: number;
  /** by the rules (no criterion at 0 and total ≥ threshold); the decision may still be pending */
  meetsStandard: boolean;
  shortfall: ShortfallDto;
  decision: DecisionDto | null;
  /** the province's comment when it returned the submission */
  returnComment: string | null;
  submittedAt: string | null;
  history: AssessmentEventDto[];
  /** optimistic concurrency: send it back with a write */
  version: number;
}

/** One indicator's entry from the commune. */
export interface IndicatorEntryInput {
  code: string;
  /** null: keep the pre-filled value (or leave it empty) */
  value: IndicatorValue | null;
  /** required when the value differs from the pre-filled one */
  overrideReason?: string | null | undefined;
  note?: string | null | undefined;
  /** ids of files uploaded through POST /api/files */
  evidenceFileIds?: string[] | undefined;
}

export interface SaveAssessmentRequest {
  /** the version read (absent on the first save) */
  version?: number | undefined;
  entries: IndicatorEntryInput[];
}

export interface TransitionRequest {
  version: number;
}

export interface VerifyCriterionRequest {
  version: number;
  criterion: string;
  outcome: VerificationOutcome;
  /** required with `corrected` */
  comment?: string | null | undefined;
  /** with `corrected`: the indicators' corrected values (of this criterion only) */
  corrections?: { code: string; value: IndicatorValue }[] | undefined;
}

export interface ReturnRequest {
  version: number;
  comment: string;
}

export interface DecisionRequest {
  version: number;
  number: string;
  /** YYYY-MM-DD */
  date: string;
  recognised: boolean;
}

/** One commune of the province in a year: the CLI's `communes status --json` rows too. */
export interface CommuneStatusDto {
  communeCode: string;
  communeName: string;
  type: CommuneCategory;
  threshold: number;
  /** 'none': no assessment for the year */
  state: AssessmentState | 'none';
  total: number | null;
  zeroCriteria: string[];
  recognised: boolean;
  decision: { number: string; date: string } | null;
}

export interface CommunesStatusDto {
  year: number;
  communes: CommuneStatusDto[];
  /** recognised communes and communes of the province: indicator 1's values */
  recognisedCount: number;
  communesTotal: number;
}

export interface PublishResultDto {
  year: number;
  /** the period written, e.g. "2025" */
  period: string;
  recognised: number;
  total: number;
  /** false when the period is locked for the province: nothing written */
  written: boolean;
}

export interface RuleSetSummaryDto {
  id: number;
  version: string;
  title: Bilingual;
  totalPoints: number;
  criteria: number;
  active: boolean;
  createdAt: string;
  /** assessments scored with this set */
  assessments: number;
}

export interface RuleSetListDto {
  activeId: number;
  sets: RuleSetSummaryDto[];
}

export interface RuleSetDto extends RuleSetSummaryDto {
  /** the rule set JSON as stored */
  content: RuleSetInput;
}

export interface CommuneCategoryRequest {
  /** null: back to the default derived from the official units data */
  type: CommuneCategory | null;
}

export interface CommuneCategoryDto {
  communeCode: string;
  type: CommuneCategory;
  typeSource: 'stored' | 'default';
  threshold: number;
}
