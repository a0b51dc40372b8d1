import { Card, Stack, Text, Title } from '@mantine/core';
import { leadDecided } from '@tre/core/plans/bodies';
import { useEffect } from 'react';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { plansReads } from '../api.ts';

/** The plan's tasks whose lead is not decided (unresolved, vague or none named): they reach nobody's list until it is. */
export function UndecidedLeadTasks({ planId, version }: { planId: string; version: number }) {
  const { t } = useI18n();
  const tasks = useRead(plansReads.tasks(planId));
  const { reload } = tasks;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const undecided = (tasks.data?.items ?? []).filter(
    (task) => !leadDecided(task.bodies.filter((b) => b.role === 'lead').map((b) => b.resolution)),
  );
  if (undecided.length === 0) return null;
  return (
    <Card withBorder data-testid="plan-undecided-leads">
      <Title order={5}>
        {t('planUndecidedLeads')} — {t('planUndecidedLeadTasks', { n: undecided.length })}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('planUndecidedHint')}
      </Text>
      <Stack gap={4}>
        {undecided.map((task) => {
          const leads = task.bodies.filter((b) => b.role === 'lead').map((b) => b.name);
          return (
            <Text key={task.id} size="sm" lineClamp={2}>
              {task.ref && <b>{task.ref} </b>}
              {task.text} — <i>{leads.length > 0 ? leads.join('; ') : t('planNoLead')}</i>
            </Text>
          );
        })}
      </Stack>
    </Card>
  );
}
