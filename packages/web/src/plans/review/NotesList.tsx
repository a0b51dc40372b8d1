import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { ParseNote } from '@tre/core/plans/plan-format';
import type { Dispatch } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ReviewAction } from './reviewState.ts';

/**
 * What the reader could not make sense of, and the lines it set aside on purpose (funding and
 * reporting paragraphs, findings, appendices of forms: "skipped-line", shown as "Bỏ qua" and not
 * counted as work to do), each linked to its line in the source pane.
 */
export function NotesList({ notes, dispatch }: { notes: ParseNote[]; dispatch: Dispatch<ReviewAction> }) {
  const { t, lang } = useI18n();
  if (notes.length === 0) return <Text c="teal">{t('planNoNotes')}</Text>;
  return (
    <Stack gap={4} data-testid="parse-notes">
      {notes.map((n, k) => (
        <Group key={k} gap="xs" wrap="nowrap" align="flex-start">
          <Anchor component="button" type="button" size="sm" onClick={() => dispatch({ type: 'focus', line: n.line })}>
            {t('planLine', { n: n.line })}
          </Anchor>
          <Badge color={n.kind === 'skipped-line' ? 'gray' : 'yellow'} variant="light" style={{ flexShrink: 0 }}>
            {t(n.kind === 'skipped-line' ? 'planNoteSkipped' : 'planNoteNotUnderstood')}
          </Badge>
          <Text size="sm">{n.message[lang]}</Text>
        </Group>
      ))}
    </Stack>
  );
}
