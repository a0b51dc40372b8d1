import { Stack, Title } from '@mantine/core';
import type { PlanDocument } from '@tre/core/plans/plan-format';
import type { Dispatch } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { groupBySection } from '../sections.ts';
import type { ReviewAction } from './reviewState.ts';
import { TaskEditor } from './TaskEditor.tsx';

/** The tasks under the headings of the sections they sit in, as in the document. */
export function TaskList({
  doc,
  bodyNames,
  dispatch,
}: {
  doc: PlanDocument;
  bodyNames: string[];
  dispatch: Dispatch<ReviewAction>;
}) {
  const { t } = useI18n();
  const indexed = doc.tasks.map((task, index) => ({ task, index, section: task.section ?? null }));
  return (
    <Stack gap="md">
      {groupBySection(indexed, doc.sections ?? []).map((group) => (
        <Stack key={group.key} gap="xs">
          <Title order={5}>{group.section ? `${group.section.ref}. ${group.section.title}` : t('planNoSection')}</Title>
          {group.items.map(({ task, index }) => (
            <TaskEditor key={index} index={index} task={task} bodyNames={bodyNames} dispatch={dispatch} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
