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

/** Whose tasks: an agency reporter's agency, or a commune officer's commune (tasks of every commune committee). */
export type TaskBody = { agencyId: string; communeCode?: undefined } | { communeCode: string; agencyId?: undefined };

/**
 * A body's tasks of this year across all plans: overdue first, then those it leads (chủ trì)
 * before those it coordinates (phối hợp), each with its path, section, role, the lead, and the
 * body's own progress. There is no cross-plan endpoint; a province has a handful of plans a year,
 * so one call per plan is cheap.
 */
export function YourTasksCard({ body }: { body: TaskBody }) {
  const { agencyId, communeCode } = body;
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
          const tasks = await fetchRead(
            plansReads.tasks(plan.id, {
              agencyId: agencyId ?? null,
              communeCode: communeCode ?? null,
              year,
              period: String(year),
            }),
          );
          return tasks.items.map((task) => ({ plan, task }));
        }),
      );
      const rank = (r: Row) => (r.task.overdue ? 0 : 2) + (r.task.bodyRole === 'lead' ? 0 : 1);
      return lists.flat().sort((a, b) => rank(a) - rank(b));
    };
    load()
      .then((r) => live && setRows(r))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [agencyId, communeCode]);

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
          const mine = task.progress.find((p) => (agencyId ? p.agencyId === agencyId : p.communeCode === communeCode));
          const lead = task.bodies.filter((b) => b.role === 'lead').map((b) => b.label);
          return (
            <div key={task.id}>
              <Group gap="xs" wrap="nowrap">
                {task.overdue && <Badge color="red">{t('planOverdue')}</Badge>}
                {task.bodyRole && (
                  <Badge color={task.bodyRole === 'lead' ? 'blue' : 'gray'} variant="light" data-testid="body-role">
                    {t(task.bodyRole === 'lead' ? 'planLead' : 'planSupport')}
                  </Badge>
                )}
                {mine && (
                  <Badge color={progressColor[mine.status]} variant="light">
                    {labels.progress(mine.status)}
                  </Badge>
                )}
                <Anchor component={Link} to={`/plans/${plan.id}`} size="sm" lineClamp={1}>
                  {plan.title}
                </Anchor>
              </Group>
              {task.sectionTitle && (
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {task.sectionRef}. {task.sectionTitle}
                </Text>
              )}
              <Text size="sm" lineClamp={2}>
                {(task.path ?? task.ref) && <b>{task.path ?? task.ref} </b>}
                {task.text}
              </Text>
              {task.bodyRole === 'support' && lead.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('planLead')}: {lead.join('; ')}
                </Text>
              )}
            </div>
          );
        })}
      </Stack>
    </Card>
  );
}
