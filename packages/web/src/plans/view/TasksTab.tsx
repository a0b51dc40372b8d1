import { Alert, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import type { PlanDetailDto, PlanTaskDto } from '@tre/core/plans/plan-api';
import { useState } from 'react';
import { useSession } from '../../session/session.tsx';
import type { Agency } from '../../api/types.ts';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { canManagePlans, canRecordProgress } from '../access.ts';
import { plansReads } from '../api.ts';
import { groupBySection } from '../sections.ts';
import { ProgressModal } from './ProgressModal.tsx';
import { TaskCard } from './TaskCard.tsx';
import { TaskEditModal } from './TaskEditModal.tsx';
import { planYears } from './years.ts';
import { plansPermissions } from '@tre/core';
import { scopeFor } from '../../session/can.ts';
import { agencyKeywords, foldFilter } from '../../ui/foldFilter.ts';

type Half = 'year' | 'S1' | 'S2';

/** "What must Sở GD&ĐT do this year?": the plan's tasks filtered by body and period. */
export function TasksTab({ plan, agencies }: { plan: PlanDetailDto; agencies: Agency[] }) {
  const { t } = useI18n();
  const { user } = useSession();
  const years = planYears(plan);
  // reporters record for their own body only (core plans/permissions.ts: 'assigned_body')
  const reportsFor = scopeFor(user, plansPermissions, 'tasks.progress') === 'assigned_body';
  // An agency reporter starts on their own agency; a commune officer is always on their commune.
  const [agencyId, setAgencyId] = useState<string | null>(reportsFor ? (user?.agencyId ?? null) : null);
  const [year, setYear] = useState<number>(years.current);
  const [half, setHalf] = useState<Half>('year');
  const [recording, setRecording] = useState<PlanTaskDto | null>(null);
  const [editing, setEditing] = useState<PlanTaskDto | null>(null);
  const communeCode = reportsFor ? (user?.communeCode ?? null) : null;
  const period = half === 'year' ? String(year) : `${year}${half}`;

  const tasks = useRead(plansReads.tasks(plan.id, { year, period, agencyId, communeCode }));
  const items = (tasks.data?.items ?? []).map((task) => ({ task, section: task.sectionRef }));

  return (
    <Stack>
      <Group align="flex-end">
        {communeCode ? (
          <Text fw={600}>{t('planYourCommune', { code: communeCode })}</Text>
        ) : (
          <Select
            label={t('planFilterAgency')}
            placeholder={t('planFilterAgencyHint')}
            data={agencies.map((a) => ({ value: a.id, label: a.shortName }))}
            value={agencyId}
            searchable
            filter={foldFilter(agencyKeywords(agencies))}
            clearable
            w={280}
            onChange={setAgencyId}
          />
        )}
        <Select
          label={t('planFilterYear')}
          data={years.all.map(String)}
          value={String(year)}
          allowDeselect={false}
          w={110}
          onChange={(v) => v && setYear(Number(v))}
        />
        <Select
          label={t('planFilterPeriod')}
          data={(['year', 'S1', 'S2'] as const).map((h) => ({ value: h, label: t(`period_${h}`) }))}
          value={half}
          allowDeselect={false}
          w={190}
          onChange={(v) => v && setHalf(v)}
        />
        {tasks.loading && <Loader size="sm" />}
      </Group>
      {tasks.error && <Alert color="red">{tasks.error}</Alert>}
      {tasks.data && items.length === 0 && <Text c="dimmed">{t('planNoTasks')}</Text>}
      <Stack data-testid="plan-tasks">
        {groupBySection(items, plan.sections).map((group) => (
          <Stack key={group.key} gap="xs">
            <Title order={5}>{group.section ? `${group.section.ref}. ${group.section.title}` : t('planNoSection')}</Title>
            {group.items.map(({ task }) => (
              <TaskCard
                key={task.id}
                task={task}
                onRecord={canRecordProgress(user, task, agencies) ? () => setRecording(task) : undefined}
                onEdit={canManagePlans(user) ? () => setEditing(task) : undefined}
              />
            ))}
          </Stack>
        ))}
      </Stack>
      {editing && (
        <TaskEditModal
          task={editing}
          agencies={agencies}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            tasks.reload();
          }}
        />
      )}
      {recording && (
        <ProgressModal
          task={recording}
          period={period}
          agencies={agencies}
          onClose={() => setRecording(null)}
          onSaved={() => {
            setRecording(null);
            tasks.reload();
          }}
        />
      )}
    </Stack>
  );
}
