import { Stack, Table, Text, Title } from '@mantine/core';
import type { PlanDetailDto } from '@tre/core/plans/plan-api';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatTarget as formatPlanTarget } from '../labels.ts';

/**
 * Indicators with their targets in one column per year, as plan appendices print them; then the
 * targets mapped to measures with their baselines, which the indicators module reads and edits and
 * hands in through `measureTargets` (main.tsx), plans being below indicators.
 */
export type MeasureTargetsSlot = (planId: string, onTargetsChanged: () => void) => ReactNode;

export function IndicatorsTab({
  plan,
  measureTargets,
  onTargetsChanged,
}: {
  plan: PlanDetailDto;
  measureTargets?: MeasureTargetsSlot | undefined;
  onTargetsChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const years = [...new Set(plan.indicators.flatMap((i) => i.targets.map((x) => x.year)))].sort((a, b) => a - b);
  if (plan.indicators.length === 0) return <Text c="dimmed">{t('noData')}</Text>;
  return (
    <Stack>
      <Table striped data-testid="indicators-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('planIndicatorText')}</Table.Th>
            {years.map((y) => (
              <Table.Th key={y}>{y}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.indicators.map((ind) => (
            <Table.Tr key={ind.no}>
              <Table.Td>{ind.no}</Table.Td>
              <Table.Td w="40%">
                <Text size="sm">{ind.text}</Text>
              </Table.Td>
              {years.map((y) => (
                <Table.Td key={y}>
                  {ind.targets
                    .filter((x) => x.year === y)
                    .map((x, k) => (
                      <Text key={k} size="sm">
                        {formatPlanTarget(x, lang)}
                      </Text>
                    ))}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {measureTargets?.(plan.id, onTargetsChanged)}
      {plan.assignments.length > 0 && (
        <>
          <Title order={5}>{t('planAssignments')}</Title>
          <Table>
            <Table.Tbody>
              {plan.assignments.map((a) => (
                <Table.Tr key={a.agency}>
                  <Table.Td fw={600}>{a.label}</Table.Td>
                  <Table.Td>{a.indicators.join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
