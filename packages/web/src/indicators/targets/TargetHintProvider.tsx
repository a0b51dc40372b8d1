import { Text } from '@mantine/core';
import { indexCatalogue, type CatalogueIndex } from '@tre/core/indicators/catalogue';
import { mapPlanTarget } from '@tre/core/indicators/target-mapping';
import type { IndicatorTarget } from '@tre/core/plans/plan-format';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useRead } from '../../api/useApi.ts';
import { formatTarget } from '../../format/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { TargetHintContext } from '../../plans/review/targetHint.ts';
import { catalogueReads } from '../catalogue/api.ts';

/**
 * Gives the plan review, before saving, what the server will make of each target (the same core
 * target-mapping.ts): "→ Tỷ lệ lây truyền HIV từ mẹ sang con: ≤ 2 % — kế hoạch không ghi so sánh:
 * lấy theo chiều của phép đo (thấp hơn là tốt)", or "⚠ Chưa gắn được với phép đo: …" — a comparison
 * that cannot be derived is flagged here.
 */
function Hint({ index, indicatorNo, target }: { index: CatalogueIndex; indicatorNo: number; target: IndicatorTarget }) {
  const { t, lang } = useI18n();
  const m = mapPlanTarget(index, indicatorNo, target);
  if (m.kind === 'unmapped') {
    return (
      <Text size="xs" c="orange.9" data-testid="review-target-unmapped">
        {t('reviewUnmapped', { reason: t(`reason_${m.reason}` as MessageKey) })}
      </Text>
    );
  }
  const measure = index.measure(m.measure);
  if (!measure) return null;
  const relative =
    target.kind === 'relative' && target.change && target.reference !== undefined
      ? { change: target.change, reference: target.reference, valueTo: target.valueTo ?? null }
      : null;
  const how =
    m.opSource === 'stated'
      ? ''
      : ` — ${t(`targetOpSource_${m.opSource}`, { direction: t(`targetDirection_${measure.direction}`) })}`;
  return (
    <Text size="xs" c="gray.7" data-testid="review-target-mapped">
      {t('reviewMapsTo', {
        measure: measure.name[lang],
        target: formatTarget({ year: target.year, op: m.op, value: target.value, relative }, measure.unit, lang),
      })}
      {how}
    </Text>
  );
}

export function TargetHintProvider({ children }: { children: ReactNode }) {
  const reply = useRead(catalogueReads.catalogue());
  const index = useMemo(
    () => (reply.data ? indexCatalogue({ format: 'tre.indicators/v1', source: '', ...reply.data }) : null),
    [reply.data],
  );
  const hint = useCallback(
    (indicatorNo: number, target: IndicatorTarget) =>
      index ? <Hint index={index} indicatorNo={indicatorNo} target={target} /> : null,
    [index],
  );
  return <TargetHintContext.Provider value={hint}>{children}</TargetHintContext.Provider>;
}
