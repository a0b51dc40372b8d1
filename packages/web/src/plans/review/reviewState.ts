import type { BodyResolution, ParsedBody, PlanParseReply } from '@tre/core/plans/plan-api';
import type {
  IndicatorTarget,
  ParseNote,
  PlanDocument,
  PlanIndicator,
  PlanTask,
  ReportingDeadline,
} from '@tre/core/plans/plan-format';

/**
 * Everything the review screen edits, in one reducer: the document being corrected, the user's
 * decision per body name, and which source line the left pane shows.
 */
export interface ReviewState {
  fileName: string;
  lines: string[];
  notes: ParseNote[];
  doc: PlanDocument;
  /** decisions per body name; a name missing here (typed by the user) is guessed at render */
  resolutions: Record<string, BodyResolution>;
  /** what the server proposed for each name it read: similar key, candidates, rule, remembered decision */
  proposals: Record<string, ParsedBody>;
  focusLine: number | null;
}

export type ReviewAction =
  | { type: 'header'; patch: Partial<PlanDocument> }
  | { type: 'task'; index: number; patch: Partial<PlanTask> }
  | { type: 'removeTask'; index: number }
  | { type: 'indicator'; index: number; patch: Partial<PlanIndicator> }
  | { type: 'target'; indicator: number; index: number; patch: Partial<IndicatorTarget> }
  | { type: 'addTarget'; indicator: number }
  | { type: 'removeTarget'; indicator: number; index: number }
  | { type: 'report'; index: number; patch: Partial<ReportingDeadline> }
  | { type: 'addReport' }
  | { type: 'removeReport'; index: number }
  /** one decision for every similar name of a question */
  | { type: 'resolve'; names: string[]; resolution: BodyResolution }
  | { type: 'focus'; line: number | null };

export function initReview(fileName: string, reply: PlanParseReply): ReviewState {
  return {
    fileName,
    lines: reply.lines,
    notes: reply.notes,
    doc: reply.plan,
    resolutions: Object.fromEntries(reply.bodies.map((b) => [b.name, b.resolution])),
    proposals: Object.fromEntries(reply.bodies.map((b) => [b.name, b])),
    focusLine: null,
  };
}

const patchAt = <T>(list: T[], index: number, patch: Partial<T>): T[] =>
  list.map((item, i) => (i === index ? { ...item, ...patch } : item));

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  const doc = state.doc;
  const withDoc = (next: Partial<PlanDocument>): ReviewState => ({ ...state, doc: { ...doc, ...next } });
  switch (action.type) {
    case 'header':
      return withDoc(action.patch);
    case 'task':
      return withDoc({ tasks: patchAt(doc.tasks, action.index, action.patch) });
    case 'removeTask':
      return withDoc({ tasks: doc.tasks.filter((_, i) => i !== action.index) });
    case 'indicator':
      return withDoc({ indicators: patchAt(doc.indicators, action.index, action.patch) });
    case 'target': {
      const ind = doc.indicators[action.indicator];
      if (!ind) return state;
      return withDoc({
        indicators: patchAt(doc.indicators, action.indicator, { targets: patchAt(ind.targets, action.index, action.patch) }),
      });
    }
    case 'addTarget': {
      const ind = doc.indicators[action.indicator];
      if (!ind) return state;
      const year = doc.years.to ?? doc.years.from ?? new Date().getFullYear();
      const target: IndicatorTarget = { year, value: 0, unit: '%', op: '>=', measure: null };
      return withDoc({ indicators: patchAt(doc.indicators, action.indicator, { targets: [...ind.targets, target] }) });
    }
    case 'removeTarget': {
      const ind = doc.indicators[action.indicator];
      if (!ind) return state;
      const targets = ind.targets.filter((_, i) => i !== action.index);
      return withDoc({ indicators: patchAt(doc.indicators, action.indicator, { targets }) });
    }
    case 'report':
      return withDoc({ reporting: patchAt(doc.reporting, action.index, action.patch) });
    case 'addReport':
      return withDoc({ reporting: [...doc.reporting, { kind: 'annual', due: '12-15', recipient: null, text: null }] });
    case 'removeReport':
      return withDoc({ reporting: doc.reporting.filter((_, i) => i !== action.index) });
    case 'resolve': {
      const decided = Object.fromEntries(action.names.map((n) => [n, action.resolution]));
      return { ...state, resolutions: { ...state.resolutions, ...decided } };
    }
    case 'focus':
      return { ...state, focusLine: action.line };
  }
}
