import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { PlanSummaryDto, PlanTaskDto } from '@tre/core/plans/plan-api';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { fetchRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { plansReads } from './api.ts';
import { progressColor, usePlanLabels } from './labels.ts';

interface Row {
  plan: PlanSummaryDto;
  task: PlanTaskDto;
}

const LIMIT = 10;

/**
 * An agency reporter's tasks of this year across all plans, overdue first. There is no
 * cross-plan endpoint; a province has a handful of plans a year, so one call per plan is cheap.
 */
export function YourTasksCard({ agencyId }: { agencyId: string }) {
  const { t } = useI18n();
  const labels = usePlanLabels();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const year = new Date().getFullYear();
    const load = async () => {
      const plans = await fetchRead(plansReads.plans());
      const lists = await Promise.all(
        plans.items.map(async (plan) => {
          const tasks = await fetchRead(plansReads.tasks(plan.id, { agencyId, year, period: String(year) }));
          return tasks.items.map((task) => ({ plan, task }));
        }),
      );
      return lists.flat().sort((a, b) => Number(b.task.overdue) - Number(a.task.overdue));
    };
    load()
      .then((r) => live && setRows(r))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [agencyId]);

  return (
    <Card withBorder data-testid="your-tasks-card">
      <Title order={4} mb="xs">
        {t('planYourTasks')}
      </Title>
      {error && (
        <Text c="red" size="sm">
          {error}
        </Text>
      )}
      {rows?.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('planNoTasks')}
        </Text>
      )}
      <Stack gap="xs">
        {rows?.slice(0, LIMIT).map(({ plan, task }) => {
          const mine = task.progress.find((p) => p.agencyId === agencyId);
          return (
            <div key={task.id}>
              <Group gap="xs" wrap="nowrap">
                {task.overdue && <Badge color="red">{t('planOverdue')}</Badge>}
                {mine && (
                  <Badge color={progressColor[mine.status]} variant="light">
                    {labels.progress(mine.status)}
                  </Badge>
                )}
                <Anchor component={Link} to={`/plans/${plan.id}`} size="sm" lineClamp={1}>
                  {plan.title}
                </Anchor>
              </Group>
              <Text size="sm" lineClamp={2}>
                {(task.path ?? task.ref) && <b>{task.path ?? task.ref} </b>}
                {task.text}
              </Text>
            </div>
          );
        })}
      </Stack>
    </Card>
  );
}
