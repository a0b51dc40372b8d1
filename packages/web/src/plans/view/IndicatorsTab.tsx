import { Alert, Button, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { PlanMeasureTargetsDto, PlanMeasureTargetsReply } from '@tre/core/indicators/indicator-api';
import type { PlanDetailDto } from '@tre/core/plans/plan-api';
import { useState } from 'react';
import { useSession } from '../../session/session.tsx';
import { useApi } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatTarget, formatValue } from '../../format/format.ts';
import { canManagePlans } from '../access.ts';
import { formatTarget as formatPlanTarget } from '../labels.ts';
import { BaselineModal } from './BaselineModal.tsx';
import { localDate } from './baselineForm.ts';

/** Indicators with their targets in one column per year, as plan appendices print them; then the targets mapped to measures with their baselines. */
export function IndicatorsTab({ plan }: { plan: PlanDetailDto }) {
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
      <MeasureBaselines planId={plan.id} />
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

/**
 * The plan's targets mapped to measures, by year, with each measure's baseline (the start of the
 * straight line the dashboard judges progress against); the standing body and administrators set
 * or clear it.
 */
function MeasureBaselines({ planId }: { planId: string }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const manage = canManagePlans(user);
  const reply = useApi<PlanMeasureTargetsReply>(`/api/plans/${encodeURIComponent(planId)}/measure-targets`);
  const [editing, setEditing] = useState<PlanMeasureTargetsDto | null>(null);

  const body = () => {
    if (reply.error) return <Alert color="red">{t('baselineLoadError', { message: reply.error })}</Alert>;
    if (!reply.data) return <Loader size="sm" />;
    if (reply.data.measures.length === 0) return <Text c="dimmed">{t('baselineNoMeasures')}</Text>;
    return (
      <Table data-testid="measure-targets-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('baselineColMeasure')}</Table.Th>
            <Table.Th>{t('baselineColTargets')}</Table.Th>
            <Table.Th>{t('baselineColBaseline')}</Table.Th>
            {manage && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reply.data.measures.map((m) => (
            <Table.Tr key={m.measure} data-testid={`measure-target-${m.measure}`}>
              <Table.Td w="40%">
                <Text size="sm">
                  {m.indicatorNo !== null ? `${m.indicatorNo}. ` : ''}
                  {m.name[lang]}
                </Text>
              </Table.Td>
              <Table.Td>
                {m.targets.map((x) => (
                  <Text key={x.year} size="sm">
                    {x.year}: {formatTarget(x, m.unit, lang, false)}
                  </Text>
                ))}
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
              {manage && (
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setEditing(m)} data-testid={`baseline-edit-${m.measure}`}>
                    {m.baseline ? t('baselineEdit') : t('baselineAdd')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  };

  return (
    <Stack gap="xs">
      <Title order={5}>{t('baselineSection')}</Title>
      <Text size="sm" c="dimmed">
        {t('baselineSectionHint')}
      </Text>
      {body()}
      {editing && (
        <BaselineModal
          planId={planId}
          entry={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reply.reload();
          }}
        />
      )}
    </Stack>
  );
}
