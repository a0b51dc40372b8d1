import type { IndicatorTarget } from '@tre/core/plans/plan-format';
import { createContext, type ReactNode } from 'react';

/**
 * What the review shows under a target before the plan is saved: the measure it will be mapped to
 * with its comparison and how that was found, or why it will stay unmapped (a comparison that
 * cannot be derived is flagged there). The indicators module knows the catalogue and provides it
 * (indicators/targets/TargetHintProvider.tsx, wired in main.tsx), plans being below indicators.
 */
export type TargetHint = (indicatorNo: number, target: IndicatorTarget) => ReactNode;

export const TargetHintContext = createContext<TargetHint | null>(null);
