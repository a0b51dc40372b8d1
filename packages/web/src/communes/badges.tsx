import { Badge, Text } from '@mantine/core';
import { assessmentStateLabels, communeCategoryLabels, type AssessmentState, type CommuneCategory } from '@tre/core';
import { useI18n } from '../i18n/i18n.tsx';

/** A badge keeps the Vietnamese words whole: no capitals, wrapped rather than cut. */
const wrapping = {
  root: { textTransform: 'none', height: 'auto', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;

const STATE_STYLE: Record<AssessmentState | 'none', { color: string; symbol: string }> = {
  none: { color: 'gray', symbol: '○' },
  draft: { color: 'blue', symbol: '✎' },
  submitted: { color: 'orange', symbol: '→' },
  returned: { color: 'grape', symbol: '↩' },
  decided: { color: 'teal', symbol: '■' },
};

/** Where an assessment stands, in words beside a symbol (never by colour alone). */
export function StateBadge({ state }: { state: AssessmentState | 'none' }) {
  const { lang } = useI18n();
  const s = STATE_STYLE[state];
  return (
    <Badge variant="light" color={s.color} styles={wrapping} data-state={state}>
      <span aria-hidden="true">{s.symbol}</span> {assessmentStateLabels[state][lang]}
    </Badge>
  );
}

/** Recognised, not recognised, or not decided yet: a decision's result in words. */
export function ResultText({ decided, recognised }: { decided: boolean; recognised: boolean }) {
  const { t } = useI18n();
  if (!decided) {
    return (
      <Text size="sm" c="dimmed" data-result="undecided">
        {t('cfcNotDecided')}
      </Text>
    );
  }
  return recognised ? (
    <Text size="sm" fw={700} c="teal.9" data-result="recognised">
      <span aria-hidden="true">✓ </span>
      {t('cfcRecognised')}
    </Text>
  ) : (
    <Text size="sm" fw={700} c="red.9" data-result="not-recognised">
      <span aria-hidden="true">✕ </span>
      {t('cfcNotRecognised')}
    </Text>
  );
}

export function useCategoryLabel(): (type: CommuneCategory) => string {
  const { lang } = useI18n();
  return (type) => communeCategoryLabels[type][lang];
}
