import { Button, Stack, Table, Text } from '@mantine/core';
import type { MappedTargetDto, PlanMeasureTargetsDto } from '@tre/core/indicators/indicator-api';
import { formatValue } from '../../format/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { localDate } from './baselineForm.ts';
import { TargetLine } from './TargetLine.tsx';

/**
 * The plan's targets mapped to measures, a row per measure: its targets (each with how its
 * comparison was found, correct and remove for the plan's editors) and its baseline.
 */
export function MeasureTargetsTable({
  measures,
  manageBaselines,
  onBaseline,
  onEdit,
  onRemove,
}: {
  measures: PlanMeasureTargetsDto[];
  manageBaselines: boolean;
  onBaseline: (entry: PlanMeasureTargetsDto) => void;
  onEdit?: ((entry: PlanMeasureTargetsDto, target: MappedTargetDto) => void) | undefined;
  onRemove?: ((entry: PlanMeasureTargetsDto, target: MappedTargetDto) => void) | undefined;
}) {
  const { t, lang } = useI18n();
  return (
    <Table data-testid="measure-targets-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('baselineColMeasure')}</Table.Th>
          <Table.Th>{t('baselineColTargets')}</Table.Th>
          <Table.Th>{t('baselineColBaseline')}</Table.Th>
          {manageBaselines && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {measures.map((m) => (
          <Table.Tr key={m.measure} data-testid={`measure-target-${m.measure}`}>
            <Table.Td w="35%">
              <Text size="sm">
                {m.indicatorNo !== null ? `${m.indicatorNo}. ` : ''}
                {m.name[lang]}
              </Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={4}>
                {m.targets.map((x) => (
                  <TargetLine
                    key={x.id}
                    target={x}
                    entry={m}
                    onEdit={onEdit && (() => onEdit(m, x))}
                    onRemove={onRemove && (() => onRemove(m, x))}
                  />
                ))}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c={m.baseline ? undefined : 'dimmed'} data-testid={`baseline-${m.measure}`}>
                {m.baseline
                  ? t('baselineValue', { year: m.baseline.year, value: formatValue(m.baseline.value, m.unit, lang, '') })
                  : t('baselineNone')}
              </Text>
              {m.baseline?.setBy && (
                <Text size="xs" c="dimmed">
                  {t('baselineSetBy', { name: m.baseline.setBy, date: localDate(m.baseline.setAt) })}
                </Text>
              )}
            </Table.Td>
            {manageBaselines && (
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => onBaseline(m)} data-testid={`baseline-edit-${m.measure}`}>
                  {m.baseline ? t('baselineEdit') : t('baselineAdd')}
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
