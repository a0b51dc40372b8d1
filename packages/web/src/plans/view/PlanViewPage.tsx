import { Alert, Badge, Button, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../session/session.tsx';
import { errorMessage } from '../../api/client.ts';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { canManagePlans, yearsLabel } from '../access.ts';
import { plansApi, plansReads } from '../api.ts';
import { SourcePane } from '../SourcePane.tsx';
import { useAgencies } from '../useAgencies.ts';
import { CalendarTab } from './CalendarTab.tsx';
import { IndicatorsTab } from './IndicatorsTab.tsx';
import { PlanBodiesTab } from './PlanBodiesTab.tsx';
import { TasksTab } from './TasksTab.tsx';
import type { MeasureTargetsSlot } from './IndicatorsTab.tsx';

/**
 * One plan: its tasks, indicators, calendar, bodies and source text. `measureTargets` adds the
 * indicators module's part of the indicators tab (targets mapped to measures and their baselines),
 * handed in by main.tsx since plans may not import indicators; when it changes the plan's targets,
 * the plan is read again so the indicators table shows them.
 */
export function PlanViewPage({ measureTargets }: { measureTargets?: MeasureTargetsSlot }) {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const plan = useRead(plansReads.plan(id));
  // the home page's "unresolved lead bodies" card links straight to the bodies tab
  const [search] = useSearchParams();
  const [tab, setTab] = useState<string | null>(search.get('tab') === 'bodies' ? 'bodies' : 'tasks');
  const [error, setError] = useState<string | null>(null);
  const used = useMemo(
    () => new Set((plan.data?.indicators ?? []).map((i) => i.sourceLine).filter((l): l is number => l !== null)),
    [plan.data],
  );

  if (plan.error) return <Alert color="red">{plan.error}</Alert>;
  if (!plan.data) return <Loader />;
  const p = plan.data;
  const manage = canManagePlans(user);

  const remove = async () => {
    if (!window.confirm(t('planDeleteConfirm', { title: p.title }))) return;
    try {
      await plansApi.remove(p.id);
      void navigate('/plans');
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Title order={2} data-testid="plan-title">
            {p.title}
          </Title>
          <Text size="sm" c="dimmed">
            {[t(`docType_${p.documentType}`), p.documentNumber, p.issuer, yearsLabel(p.yearFrom, p.yearTo), p.fileName]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {p.citations.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('planCitations')}: {p.citations.join('; ')}
            </Text>
          )}
        </Stack>
        {manage && (
          <Button variant="subtle" color="red" onClick={() => void remove()} style={{ flexShrink: 0 }}>
            {t('planDelete')}
          </Button>
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="tasks">
            {t('planTasks')} ({p.taskCount})
          </Tabs.Tab>
          <Tabs.Tab value="indicators">
            {t('planIndicators')} ({p.indicatorCount})
          </Tabs.Tab>
          <Tabs.Tab value="calendar">{t('planCalendar')}</Tabs.Tab>
          <Tabs.Tab
            value="bodies"
            rightSection={
              p.unresolvedBodyCount + p.undecidedLeadCount > 0 ? (
                <Badge color="orange" size="sm" circle title={t('planUndecidedLeadCount', { n: p.undecidedLeadCount })}>
                  {p.unresolvedBodyCount || p.undecidedLeadCount}
                </Badge>
              ) : undefined
            }
          >
            {t('planBodies')}
          </Tabs.Tab>
          <Tabs.Tab value="source">{t('planSource')}</Tabs.Tab>
        </Tabs.List>
        <Paper pt="md">
          <Tabs.Panel value="tasks">
            <TasksTab plan={p} agencies={agencies} />
          </Tabs.Panel>
          <Tabs.Panel value="indicators">
            <IndicatorsTab plan={p} measureTargets={measureTargets} onTargetsChanged={plan.reload} />
          </Tabs.Panel>
          <Tabs.Panel value="calendar">
            <CalendarTab plan={p} />
          </Tabs.Panel>
          <Tabs.Panel value="bodies">
            <PlanBodiesTab plan={p} agencies={agencies} onChanged={plan.reload} />
          </Tabs.Panel>
          <Tabs.Panel value="source">
            <SourcePane lines={p.sourceLines} used={used} height="calc(100vh - 260px)" />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </Stack>
  );
}
