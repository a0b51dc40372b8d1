import { Group, Paper, Stack, Text } from '@mantine/core';
import type { MeasureStatusDto } from '@tre/core/indicators/indicator-api';
import { useI18n } from '../../i18n/i18n.tsx';
import { STATUS_ORDER, STATUS_STYLE } from '../../format/format.ts';

/**
 * A measure's status, the same everywhere: a symbol, the word and a colour-blind-safe colour (dark
 * text on a light tint, ≥ 4.5:1), so no one has to tell colours apart to read it.
 */
export function StatusBadge({
  status,
  size = 'md',
  testId,
}: {
  status: MeasureStatusDto;
  size?: 'sm' | 'md';
  testId?: string | undefined;
}) {
  const { t } = useI18n();
  const style = STATUS_STYLE[status];
  return (
    <span
      data-testid={testId}
      data-status={status}
      title={t(`statusHelp_${status}`)}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 4,
        whiteSpace: 'nowrap',
        padding: size === 'sm' ? '0 6px' : '2px 8px',
        borderRadius: 4,
        border: `1px solid ${style.color}`,
        borderLeftWidth: 4,
        background: style.background,
        color: style.text,
        fontSize: size === 'sm' ? 12 : 13,
        fontWeight: 600,
        lineHeight: 1.5,
      }}
    >
      <span aria-hidden="true">{style.symbol}</span>
      {t(`status_${status}`)}
    </span>
  );
}

/** What each status means, with the at-risk tolerance of progress.ts in words. */
export function StatusLegend() {
  const { t } = useI18n();
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="status-legend-title" data-testid="status-legend">
      <Stack gap={6}>
        <Text id="status-legend-title" fw={600} size="sm">
          {t('dashLegend')}
        </Text>
        <Group gap="md" wrap="wrap">
          {STATUS_ORDER.map((s) => (
            <Group key={s} gap={6} wrap="nowrap">
              <StatusBadge status={s} size="sm" />
              <Text size="xs" c="gray.7">
                {t(`statusHelp_${s}`)}
              </Text>
            </Group>
          ))}
        </Group>
        <Text size="xs" c="gray.7">
          {t('dashLegendTolerance')}
        </Text>
      </Stack>
    </Paper>
  );
}
