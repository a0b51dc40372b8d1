import { Alert, Button, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { PlanMeasureTargetsDto } from '@tre/core/indicators/indicator-api';
import { useState } from 'react';
import { useRead } from '../../api/useApi.ts';
import { formatTarget, formatValue } from '../../format/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { canManagePlans } from '../../plans/access.ts';
import { useSession } from '../../session/session.tsx';
import { targetsReads } from './api.ts';
import { BaselineModal } from './BaselineModal.tsx';
import { localDate } from './baselineForm.ts';

/**
 * The plan's targets mapped to measures, by year, with each measure's baseline (the start of the
 * straight line the dashboard judges progress against); the standing body and administrators set
 * or clear it.
 */
export function MeasureTargetsPanel({ planId }: { planId: string }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const manage = canManagePlans(user);
  const reply = useRead(targetsReads.measureTargets(planId));
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
