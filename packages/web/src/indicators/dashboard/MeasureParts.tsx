import { Button, Progress, Stack, Text } from '@mantine/core';
import type { MeasureValueDto, TargetDto } from '@tre/core/indicators/indicator-api';
import type { MeasureUnit } from '@tre/core/indicators/catalogue-schema';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatCount, formatNumber, formatTarget, formatValue, trendArrow } from '../../format/format.ts';

/** Muted text that still reads at ≥ 4.5:1 on white (Mantine's "dimmed" grey does not). */
export const MUTED = 'gray.7';
/** Link colour at 5:1 on white (the theme's teal.6 is 2.6:1). */
export const LINK = 'teal.9';

/**
 * A plan target "≥ 90 % (2025)" with the plan it comes from, or "Chưa có chỉ tiêu". A relative
 * target reads as its change ("giảm ≥ 4 % mỗi năm so với năm trước") and, given `change`, with the
 * change achieved (core relative-progress.ts: (R − V) / R × 100, the formula in the title).
 */
export function TargetText({
  target,
  unit,
  showPlan = true,
  change,
}: {
  target: TargetDto | null;
  unit: MeasureUnit;
  showPlan?: boolean;
  change?: number | null;
}) {
  const { t, lang } = useI18n();
  if (!target)
    return (
      <Text size="sm" c={MUTED}>
        {t('dashNoTarget')}
      </Text>
    );
  const rel = target.relative;
  return (
    <Stack gap={0}>
      <Text size="sm">{formatTarget(target, unit, lang)}</Text>
      {rel && change !== undefined && (
        <Text size="xs" c={MUTED} title={t('dashChangeFormula')} data-testid="target-change">
          {change === null
            ? t('dashChangeMissing')
            : t('dashChangeAchieved', {
                change: t(rel.change === 'decrease' ? 'dashChangeDecrease' : 'dashChangeIncrease'),
                value: formatNumber(change, lang),
              })}
        </Text>
      )}
      {showPlan && target.planTitle && (
        <Text size="xs" c={MUTED} lineClamp={1} title={target.planTitle}>
          {t('dashPlanTarget', { plan: target.planTitle })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Who reported: "45/98 xã đã báo cáo" with a bar when the figure sums communes; "Đã báo cáo (số
 * liệu cấp tỉnh)" or "Chưa báo cáo" when it is one unit's own figure.
 */
export function CompletenessText({ v }: { v: Pick<MeasureValueDto, 'source' | 'unitsReported' | 'unitsExpected'> }) {
  const { t, lang } = useI18n();
  if (v.source === 'communes') {
    const share = v.unitsExpected > 0 ? (100 * v.unitsReported) / v.unitsExpected : 0;
    return (
      <Stack gap={2} miw={120}>
        <Text size="sm">
          {t('dashCommunesReported', {
            reported: formatCount(v.unitsReported, lang),
            expected: formatCount(v.unitsExpected, lang),
          })}
        </Text>
        <Progress value={share} size="sm" color="gray.7" aria-hidden="true" />
      </Stack>
    );
  }
  const reported = v.unitsReported > 0;
  const source = v.source === 'province' ? t('source_province') : v.source === 'agency' ? t('source_agency') : null;
  return (
    <Text size="sm" c={reported ? undefined : MUTED}>
      {reported ? t('dashReported') : t('dashNotReported')}
      {reported && source ? ` (${source})` : ''}
    </Text>
  );
}

/** ↗ Cải thiện / ↘ Xấu đi / → Ổn định against the previous period, or "Chưa đủ số liệu". */
export function TrendText({ v }: { v: Pick<MeasureValueDto, 'trend' | 'direction' | 'previousValue' | 'unit'> }) {
  const { t, lang } = useI18n();
  if (!v.trend)
    return (
      <Text size="sm" c={MUTED}>
        {t('dashTrendNone')}
      </Text>
    );
  return (
    <Text
      size="sm"
      style={{ whiteSpace: 'nowrap' }}
      title={t('dashTrendTitle', { value: formatValue(v.previousValue, v.unit, lang, t('dashNoData')) })}
    >
      <span aria-hidden="true">{trendArrow(v.trend, v.direction)} </span>
      {t(`trend_${v.trend}`)}
    </Text>
  );
}

/** "Tải Excel": the server's file of the same numbers the chart or table shows. */
export function ExcelLink({ href, testId }: { href: string; testId: string }) {
  const { t } = useI18n();
  return (
    <Button component="a" href={href} download variant="default" size="xs" data-testid={testId}>
      <span aria-hidden="true">⤓&nbsp;</span>
      {t('dashDownloadExcel')}
    </Button>
  );
}
