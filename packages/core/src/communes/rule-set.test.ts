import { describe, expect, it } from 'vitest';
import { RULE_SET_06_2019_JSON } from './default-rule-set.ts';
import { validateRuleSet, type RuleSetInput } from './rule-set.ts';

const shipped = () => structuredClone(RULE_SET_06_2019_JSON) as RuleSetInput;

describe('rule sets', () => {
  it('the shipped set is valid: 13 criteria, 1,000 points, thresholds 800/850/900', () => {
    const r = validateRuleSet(shipped());
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.ruleSet.criteria).toHaveLength(13);
    expect(r.ruleSet.criteria.reduce((s, c) => s + c.points, 0)).toBe(1000);
    expect(r.ruleSet.thresholds).toEqual({
      mountain: 800,
      island: 800,
      especially_disadvantaged: 800,
      urban_central: 900,
      other: 850,
    });
    // what was read in the text is marked: criteria 1, 6 and 7
    expect(r.ruleSet.criteria.filter((c) => c.verified).map((c) => c.code)).toEqual(['1', '6', '7']);
  });

  it('refuses points that do not add up', () => {
    const s = shipped();
    s.totalPoints = 999;
    const r = validateRuleSet(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toContain('totalPoints');
    const t = shipped();
    const c = t.criteria[0];
    if (c) c.points = 90;
    const r2 = validateRuleSet(t);
    expect(!r2.ok && r2.problems.some((p) => p.message.includes('indicators give 100 points'))).toBe(true);
  });

  it('refuses duplicate codes, misordered bands and a rule unfit for its value', () => {
    const s = shipped();
    const [a, b] = s.criteria;
    if (a && b) b.code = a.code;
    expect(validateRuleSet(s).ok).toBe(false);
    const t = shipped();
    const ind = t.criteria[1]?.indicators[0];
    if (ind?.rule.kind === 'bands') ind.rule.bands.reverse();
    const r = validateRuleSet(t);
    expect(!r.ok && r.problems.some((p) => p.message.includes('best first'))).toBe(true);
    const u = shipped();
    const first = u.criteria[0]?.indicators[0];
    if (first) first.value = 'rate';
    const r3 = validateRuleSet(u);
    expect(!r3.ok && r3.problems.some((p) => p.message.includes('boolean rule needs'))).toBe(true);
  });

  it('refuses what is not a rule set, without throwing', () => {
    expect(validateRuleSet(null).ok).toBe(false);
    expect(validateRuleSet({ format: 'x' }).ok).toBe(false);
    const s = shipped() as unknown as Record<string, unknown>;
    s.criteria = [];
    expect(validateRuleSet(s).ok).toBe(false);
  });
});
