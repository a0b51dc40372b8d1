import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { PlanTaskDto, TaskProgressDto } from '@tre/core/plans/plan-api';
import { useI18n } from '../../i18n/i18n.tsx';
import { plansApi } from '../api.ts';
import { formatDate, progressColor, usePlanLabels } from '../labels.ts';

interface Props {
  task: PlanTaskDto;
  onRecord?: (() => void) | undefined;
  /** correct the saved task (standing body) */
  onEdit?: (() => void) | undefined;
}

function timelineText(task: PlanTaskDto): string {
  const { text, start, end } = task.timeline;
  if (text) return text;
  if (start && end && start !== end) return `${formatDate(start)} – ${formatDate(end)}`;
  return formatDate(end ?? start);
}

/** A task as the assigned bodies read it: who leads (bold), who helps, by when, and how far each got. */
export function TaskCard({ task, onRecord, onEdit }: Props) {
  const { t } = useI18n();
  const labels = usePlanLabels();
  const lead = task.bodies.filter((b) => b.role === 'lead');
  const support = task.bodies.filter((b) => b.role === 'support');
  const kind = labels.timeline(task.timeline.kind);
  const written = timelineText(task);
  // "Thường xuyên" as written and as kind would read twice
  const when = written.toLocaleLowerCase('vi') === kind.toLocaleLowerCase('vi') ? '' : written;
  return (
    <Paper withBorder p="sm" data-testid="plan-task" data-task-id={task.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            {(task.path ?? task.ref) && (
              <Badge variant="outline" tt="none">
                {task.path ?? task.ref}
              </Badge>
            )}
            {task.bodyRole && (
              <Badge color={task.bodyRole === 'lead' ? 'blue' : 'gray'} variant="light" data-testid="body-role">
                {t(task.bodyRole === 'lead' ? 'planLead' : 'planSupport')}
              </Badge>
            )}
            {task.overdue && (
              <Badge color="red" data-testid="overdue-badge">
                {t('planOverdue')}
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              {task.timeline.kind === 'unspecified' ? '' : kind}
              {when && `${task.timeline.kind === 'unspecified' ? '' : ' · '}${when}`}
              {task.timeline.lunar && ` · ${task.timeline.lunar}`}
            </Text>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {task.text}
          </Text>
          <Text size="sm">
            {lead.length > 0 && (
              <>
                {t('planLead')}: <b>{lead.map((b) => b.label).join('; ')}</b>
              </>
            )}
            {support.length > 0 && (
              <>
                {lead.length > 0 && ' · '}
                {t('planSupport')}: {support.map((b) => b.label).join('; ')}
              </>
            )}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          {onEdit && (
            <Button size="compact-sm" variant="default" onClick={onEdit}>
              {t('edit')}
            </Button>
          )}
          {onRecord && (
            <Button size="compact-sm" variant="light" onClick={onRecord}>
              {t('planRecordProgress')}
            </Button>
          )}
        </Group>
      </Group>
      {task.progress.length > 0 && (
        <Stack gap={2} mt="xs" data-testid="task-progress">
          {task.progress.map((p) => (
            <ProgressLine key={p.id} progress={p} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function ProgressLine({ progress: p }: { progress: TaskProgressDto }) {
  const { t, lang } = useI18n();
  const labels = usePlanLabels();
  return (
    <Group gap="xs" wrap="wrap">
      <Badge color={progressColor[p.status]} variant="light">
        {labels.progress(p.status)}
      </Badge>
      <Text size="xs" fw={600}>
        {p.bodyLabel}
      </Text>
      {p.note && <Text size="xs">{p.note}</Text>}
      {p.evidence && (
        <Anchor size="xs" href={plansApi.evidenceHref(p.evidence.id)} download={p.evidence.fileName}>
          {t('planEvidenceLink', { name: p.evidence.fileName })}
        </Anchor>
      )}
      <Text size="xs" c="dimmed">
        {t('planProgressBy', { who: p.updatedBy, time: new Date(p.updatedAt).toLocaleString(lang) })}
      </Text>
    </Group>
  );
}
