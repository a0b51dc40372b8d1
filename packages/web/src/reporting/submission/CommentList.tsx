import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { SubmissionCommentDto } from '@tre/core';
import { memo } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDayTime } from '../labels.ts';

/** The reviewer's comments on one part of the report, shown beside it, newest first. */
export const CommentList = memo(function CommentList({
  target,
  comments,
}: {
  target: string;
  comments: readonly SubmissionCommentDto[] | undefined;
}) {
  const { t } = useI18n();
  if (!comments?.length) return null;
  return (
    <Stack gap={4} data-testid={`comments-${target}`}>
      {comments.map((c) => (
        <Alert key={c.id} color={c.action === 'reopen' ? 'grape' : 'orange'} variant="light" p="xs" data-testid="comment">
          <Text size="xs" fw={600}>
            {c.action === 'reopen' ? `↺ ${t('repCommentReopen')}` : `✉ ${t('repCommentFrom')}`} —{' '}
            {t('repCommentBy', { author: c.author, time: formatDayTime(c.createdAt), version: c.version })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.text}
          </Text>
        </Alert>
      ))}
    </Stack>
  );
});

/** The reviewer's small button beside a part: adds a comment about it to the return dialog. */
export function CommentButton({
  target,
  name,
  onComment,
}: {
  target: string;
  name: string;
  onComment: ((target: string) => void) | null;
}) {
  const { t } = useI18n();
  if (!onComment) return null;
  return (
    <Group justify="flex-end">
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={() => onComment(target)}
        aria-label={t('repCommentOn', { what: name })}
        data-testid={`comment-${target}`}
      >
        ✎ {t('repComment')}
      </Button>
    </Group>
  );
}
