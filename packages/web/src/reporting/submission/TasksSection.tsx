import { Anchor, Badge, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import type { SubmissionCommentDto, SubmissionDto, SubmissionTaskDto } from '@tre/core';
import { memo } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { plansApi } from '../../plans/api.ts';
import { PROGRESS_STATUSES, progressColor, usePlanLabels } from '../../plans/labels.ts';
import { CommentButton, CommentList } from './CommentList.tsx';
import { taskTarget } from './targets.ts';
import type { TaskEdit } from './edits.ts';

/**
 * The body's tasks of the plan with its progress for the period, as the plans module records it:
 * editable here while the report is the body's to edit, saved with the draft.
 */
export function TasksSection({
  s,
  edits,
  editable,
  comments,
  onTask,
  onComment,
}: {
  s: SubmissionDto;
  edits: Record<string, TaskEdit>;
  editable: boolean;
  comments: Map<string, SubmissionCommentDto[]>;
  onTask: (taskId: string, edit: Partial<TaskEdit>) => void;
  onComment: ((target: string) => void) | null;
}) {
  const { t } = useI18n();
  return (
    <Stack gap="sm" data-testid="tasks-section">
      <Title order={3}>{t('repSecTasks')}</Title>
      {s.tasks.length === 0 && <Text c="dimmed">{t('repNoTasks')}</Text>}
      {s.tasks.map((task) => (
        <TaskBlock
          key={task.taskId}
          task={task}
          edit={edits[task.taskId]}
          editable={editable}
          comments={comments.get(taskTarget(task.taskId))}
          onTask={onTask}
          onComment={onComment}
        />
      ))}
    </Stack>
  );
}

const TaskBlock = memo(function TaskBlock({
  task,
  edit,
  editable,
  comments,
  onTask,
  onComment,
}: {
  task: SubmissionTaskDto;
  edit: TaskEdit | undefined;
  editable: boolean;
  comments: SubmissionCommentDto[] | undefined;
  onTask: (taskId: string, edit: Partial<TaskEdit>) => void;
  onComment: ((target: string) => void) | null;
}) {
  const { t } = useI18n();
  const labels = usePlanLabels();
  const status = edit?.status ?? task.status;
  const note = edit?.note ?? task.note ?? '';
  const name = `${task.path ?? ''} ${task.text}`.trim();
  return (
    <Paper withBorder p="sm" data-testid="task-block" data-task={task.taskId}>
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge color={task.role === 'lead' ? 'blue' : 'gray'} variant="light" style={{ flexShrink: 0 }}>
            {t(task.role === 'lead' ? 'planLead' : 'planSupport')}
          </Badge>
          <Text size="sm">
            {task.path && <b>{task.path} </b>}
            {task.text}
          </Text>
        </Group>
        <CommentList target={taskTarget(task.taskId)} comments={comments} />
        {editable ? (
          <Group align="flex-start" wrap="wrap">
            <Select
              label={t('repTaskStatus')}
              placeholder={t('repTaskStatusNone')}
              data={PROGRESS_STATUSES.map((x) => ({ value: x, label: labels.progress(x) }))}
              value={status}
              onChange={(v) => onTask(task.taskId, { status: v })}
              w={220}
              aria-label={`${t('repTaskStatus')} — ${task.path ?? task.text.slice(0, 40)}`}
            />
            <Textarea
              label={t('repTaskNote')}
              autosize
              minRows={1}
              maxRows={6}
              value={note}
              onChange={(e) => onTask(task.taskId, { note: e.currentTarget.value })}
              style={{ flex: '1 1 360px' }}
              aria-label={`${t('repTaskNote')} — ${task.path ?? task.text.slice(0, 40)}`}
            />
          </Group>
        ) : (
          <Group gap="xs">
            {status ? (
              <Badge color={progressColor[status]} variant="light">
                {labels.progress(status)}
              </Badge>
            ) : (
              <Text size="sm" c="dimmed">
                {t('repTaskStatusNone')}
              </Text>
            )}
            {note && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {note}
              </Text>
            )}
          </Group>
        )}
        {task.evidenceFileId && (
          <Anchor href={plansApi.evidenceHref(task.evidenceFileId)} size="sm">
            {t('planEvidenceLink', { name: task.evidenceFileName ?? task.evidenceFileId })}
          </Anchor>
        )}
        <CommentButton target={taskTarget(task.taskId)} name={name} onComment={onComment} />
      </Stack>
    </Paper>
  );
});
