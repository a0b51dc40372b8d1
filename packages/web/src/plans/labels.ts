import type { BodyResolution, TaskProgressStatus } from '@tre/core/plans/plan-api';
import { relativeTargetText } from '@tre/core/indicators/target-text';
import type { IndicatorTarget, TargetOp, TargetUnit, TimelineKind } from '@tre/core/plans/plan-format';
import type { Agency } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';

export const TIMELINE_KINDS: TimelineKind[] = ['recurring', 'once', 'range', 'event-driven', 'unspecified'];
export const PROGRESS_STATUSES: TaskProgressStatus[] = ['not_started', 'in_progress', 'done', 'not_applicable'];
export const TARGET_UNITS: TargetUnit[] = ['%', 'per1000', 'per100000', 'count'];

/** How a target reads in a table cell: "≤ 9,5 ‰", "≥ 95 %", a relative one as its change "giảm ≥ 4–5 % mỗi năm …". */
const OP_SIGN: Record<TargetOp, string> = { '<': '<', '<=': '≤', '=': '=', '>=': '≥', '>': '>' };
const UNIT_SIGN: Record<TargetUnit, string> = { '%': '%', per1000: '‰', per100000: '/100.000', count: '' };
export function formatTarget(x: IndicatorTarget, lang: 'vi' | 'en'): string {
  const value =
    x.kind === 'relative' && x.change && x.reference !== undefined
      ? relativeTargetText(
          {
            op: x.op ?? '>=',
            value: x.value,
            relative: { change: x.change, reference: x.reference, valueTo: x.valueTo ?? null },
          },
          (n, l) => n.toLocaleString(l, { maximumFractionDigits: 2 }),
        )[lang]
      : `${x.op ? `${OP_SIGN[x.op]} ` : ''}${x.value.toLocaleString(lang)}${x.unit && UNIT_SIGN[x.unit] ? ` ${UNIT_SIGN[x.unit]}` : ''}`;
  return x.measure ? `${x.measure}: ${value}` : value;
}

export const progressColor: Record<TaskProgressStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  done: 'teal',
  not_applicable: 'dark',
};

/** The message keys of the plan enums, in one place so the pages stay free of string building. */
export function usePlanLabels() {
  const { t } = useI18n();
  const unitKey = (u: TargetUnit): MessageKey => (u === '%' ? 'unit_percent' : `unit_${u}`);
  return {
    timeline: (k: TimelineKind) => t(`timeline_${k}` as MessageKey),
    progress: (s: TaskProgressStatus) => t(`progress_${s}`),
    unit: (u: TargetUnit) => t(unitKey(u)),
    resolution: (r: BodyResolution, agencies: Agency[]): string => {
      switch (r.kind) {
        case 'agency':
          return agencies.find((a) => a.id === r.agencyId)?.shortName ?? r.agencyId;
        case 'group':
          return t(`group_${r.group}`);
        case 'external':
          return t('planBodyExternal');
        case 'not_tracked':
          return t('planBodyNotTracked');
        default:
          return t('planBodyUnresolved');
      }
    },
  };
}

/** 2025-06-01 → 01/06/2025, the way Vietnamese documents write dates. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3] ?? ''}/${m[2] ?? ''}/${m[1] ?? ''}` : iso;
}
