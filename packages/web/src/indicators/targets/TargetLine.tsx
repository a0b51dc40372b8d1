import { ActionIcon, Group, Stack, Text } from '@mantine/core';
import type { MappedTargetDto, PlanMeasureTargetsDto } from '@tre/core/indicators/indicator-api';
import { formatTarget } from '../../format/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * One of a measure's targets as the dashboard uses it — "2030: ≤ 2 %" — with how its comparison
 * was found ("kế hoạch không ghi so sánh: lấy theo chiều của phép đo (thấp hơn là tốt); kế hoạch
 * viết “là”"), and, for the plan's editors, correct and remove.
 */
export function TargetLine({
  target,
  entry,
  onEdit,
  onRemove,
}: {
  target: MappedTargetDto;
  entry: PlanMeasureTargetsDto;
  onEdit?: (() => void) | undefined;
  onRemove?: (() => void) | undefined;
}) {
  const { t, lang } = useI18n();
  const direction = t(`targetDirection_${entry.direction}`);
  const how = [
    target.opSource === 'stated' && !target.opWord ? null : t(`targetOpSource_${target.opSource}`, { direction }),
    target.opWord ? t('targetWord', { word: target.opWord }) : null,
    target.chosen ? t('targetChosen') : null,
  ].filter((x) => x !== null);
  const text = `${target.year}: ${formatTarget(target, entry.unit, lang, false)}`;
  return (
    <Stack gap={0} data-testid={`target-${target.id}`}>
      <Group gap={4} wrap="nowrap">
        <Text size="sm" data-testid={`target-text-${target.id}`}>
          {text}
        </Text>
        {onEdit && (
          <ActionIcon
            size="sm"
            variant="subtle"
            aria-label={`${t('targetEdit')} ${text}`}
            onClick={onEdit}
            data-testid={`target-edit-${target.id}`}
          >
            ✎
          </ActionIcon>
        )}
        {onRemove && (
          <ActionIcon
            size="sm"
            variant="subtle"
            color="red"
            aria-label={`${t('targetRemove')} ${text}`}
            onClick={onRemove}
            data-testid={`target-remove-${target.id}`}
          >
            ✕
          </ActionIcon>
        )}
      </Group>
      {how.length > 0 && (
        <Text size="xs" c="gray.7" data-testid={`target-how-${target.id}`}>
          {how.join('; ')}
        </Text>
      )}
    </Stack>
  );
}
