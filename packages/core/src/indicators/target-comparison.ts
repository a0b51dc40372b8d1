import type { IndicatorTarget } from '../plans/plan-format.ts';
import { foldText } from '../text/fold.ts';
import type { Direction, MeasureTargetOp } from './catalogue-schema.ts';

/**
 * The comparison of a plan's target once its measure is known (issue 13), and how it was found:
 *
 * - `stated`:    written by the plan with its word ("đạt" ≥, "dưới" <, "xuống" ≤ …) or set by a person;
 * - `maintain`:  "duy trì N %": keep the measure where it is or better, so ≥ when higher is better and
 *                ≤ when lower is better ("duy trì tỷ lệ … dưới 2 %" keeps its stated "dưới");
 * - `direction`: no comparison written ("là 2 %", "có 30 %", a bare "95 % trẻ em …"): the measure's
 *                direction, ≥ when higher is better, ≤ when lower is better;
 * - `change`:    a relative target: the change achieved must reach the value (≥) unless stated.
 *
 * Some wordings must not be mapped at all; they are flagged for a person instead:
 * - `complement`: the clause speaks of the complement of a lower-is-better measure ("duy trì 100 %
 *   trẻ em không tảo hôn" on the child-marriage rate): a "không …" in the clause with a comparison
 *   that is not a stated ≤ / <. Mapped, it would read "≥ 100 %" on a rate that should fall to 0.
 * - `opposite_direction`: a stated comparison against the measure's direction (≥ on a
 *   lower-is-better measure, ≤ on a higher-is-better one), or a relative target that changes the
 *   measure the wrong way ("giảm" on a higher-is-better measure): most likely the wrong measure.
 * A person's correction (a stated op with no word, core plan-format `opWord: null`) is taken as is.
 */
export type OpSource = 'stated' | 'maintain' | 'direction' | 'change';
export type ComparisonFlag = 'complement' | 'opposite_direction';

export type Comparison = { op: MeasureTargetOp; source: OpSource } | { flag: ComparisonFlag };

type TargetWording = Pick<IndicatorTarget, 'op' | 'kind' | 'change' | 'opWord' | 'text'>;

const NEGATION = /(?:^|[^a-z])khong(?![a-z])(?!\s+(?:qua|vuot|duoi|it hon|thap hon|cao hon|the))/;
const MAINTAIN = /^duy tri$/;

const towards = (direction: Direction): MeasureTargetOp => (direction === 'higher' ? '>=' : '<=');
const against = (op: MeasureTargetOp, direction: Direction) =>
  direction === 'higher' ? op === '<' || op === '<=' : op === '>' || op === '>=';

export function targetComparison(t: TargetWording, direction: Direction): Comparison {
  if (t.kind === 'relative') {
    const wrongWay = (t.change === 'decrease') === (direction === 'higher');
    if (wrongWay) return { flag: 'opposite_direction' };
    // "giảm 4 %" reads ≥ 4 % on the change (the parser writes it so); another comparison was stated
    return t.op === null || t.op === '>=' ? { op: '>=', source: 'change' } : { op: t.op, source: 'stated' };
  }
  const word = t.opWord ? foldText(t.opWord) : null;
  // a stated op with no word: a person's (or a file's) comparison, taken as is
  if (t.op !== null && word === null) return { op: t.op, source: 'stated' };
  const derived: { op: MeasureTargetOp; source: OpSource } =
    word !== null && MAINTAIN.test(word) && (t.op === null || t.op === '>=')
      ? { op: towards(direction), source: 'maintain' }
      : t.op === null
        ? { op: towards(direction), source: 'direction' }
        : { op: t.op, source: 'stated' };
  const negated = direction === 'lower' && t.text ? NEGATION.test(foldText(t.text)) : false;
  if (negated && (derived.source !== 'stated' || against(derived.op, direction))) return { flag: 'complement' };
  if (derived.source === 'stated' && against(derived.op, direction)) return { flag: 'opposite_direction' };
  return derived;
}
