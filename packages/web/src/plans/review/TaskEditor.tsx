import { ActionIcon, Anchor, Badge, Group, Paper, Select, SimpleGrid, TagsInput, TextInput, Textarea } from '@mantine/core';
import type { PlanTask } from '@tre/core/plans/plan-format';
import { memo, type Dispatch } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { TIMELINE_KINDS, usePlanLabels } from '../labels.ts';
import type { ReviewAction } from './reviewState.ts';

interface Props {
  index: number;
  task: PlanTask;
  /** every body name known on the review screen, offered as suggestions */
  bodyNames: string[];
  dispatch: Dispatch<ReviewAction>;
}

/** One task, every field editable. Memoised: typing in one task re-renders only that task. */
export const TaskEditor = memo(function TaskEditor({ index, task, bodyNames, dispatch }: Props) {
  const { t } = useI18n();
  const labels = usePlanLabels();
  const set = (patch: Partial<PlanTask>) => dispatch({ type: 'task', index, patch });
  const setTimeline = (patch: Partial<PlanTask['timeline']>) => set({ timeline: { ...task.timeline, ...patch } });
  const focus = () => task.line && dispatch({ type: 'focus', line: task.line });
  return (
    <Paper withBorder p="sm" onFocus={focus} data-testid="task-editor">
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          {(task.path ?? task.ref) && (
            <Badge variant="outline" tt="none">
              {task.path ?? task.ref}
            </Badge>
          )}
          {task.line && (
            <Anchor component="button" type="button" size="xs" onClick={focus} aria-label={t('planShowLine', { n: task.line })}>
              {t('planLine', { n: task.line })}
            </Anchor>
          )}
          {task.lead.length === 0 && (
            <Badge color="orange" variant="light">
              {t('planLead')}: —
            </Badge>
          )}
        </Group>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('planRemoveTask')}
          title={t('planRemoveTask')}
          onClick={() => dispatch({ type: 'removeTask', index })}
        >
          ✕
        </ActionIcon>
      </Group>
      <Textarea
        aria-label={t('planTaskText')}
        autosize
        minRows={2}
        maxRows={8}
        value={task.text}
        onChange={(e) => set({ text: e.currentTarget.value })}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} mt="xs" spacing="xs">
        <TagsInput
          label={t('planLead')}
          placeholder={t('planLeadHint')}
          data={bodyNames}
          value={task.lead}
          onChange={(lead) => set({ lead })}
          styles={{ pill: { fontWeight: 600 } }}
        />
        <TagsInput
          label={t('planSupport')}
          placeholder={t('planLeadHint')}
          data={bodyNames}
          value={task.support}
          onChange={(support) => set({ support })}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, md: 4 }} mt="xs" spacing="xs">
        <Select
          label={t('planTimelineKind')}
          data={TIMELINE_KINDS.map((k) => ({ value: k, label: labels.timeline(k) }))}
          value={task.timeline.kind}
          allowDeselect={false}
          onChange={(v) => v && setTimeline({ kind: v })}
        />
        <TextInput
          label={t('planTimelineText')}
          value={task.timeline.text ?? ''}
          onChange={(e) => setTimeline({ text: e.currentTarget.value || null })}
        />
        <TextInput
          type="date"
          label={t('planStart')}
          value={task.timeline.start ?? ''}
          onChange={(e) => setTimeline({ start: e.currentTarget.value || null })}
        />
        <TextInput
          type="date"
          label={t('planEnd')}
          value={task.timeline.end ?? ''}
          onChange={(e) => setTimeline({ end: e.currentTarget.value || null })}
        />
      </SimpleGrid>
      {task.timeline.lunar && (
        <Badge mt={4} variant="light" color="grape">
          {t('planLunar')}: {task.timeline.lunar}
        </Badge>
      )}
    </Paper>
  );
});
