import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { submissionStateLabels, type SubmissionCommentDto, type SubmissionDto } from '@tre/core';
import { Link } from 'react-router';
import { periodName } from '../../format/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDay, useReportingLabels } from '../labels.ts';
import { StateBadge } from '../StateBadge.tsx';
import { CommentList } from './CommentList.tsx';
import { WHOLE } from './targets.ts';

/** Whose report, for which round and deadline, in which state, on time or late; the comments on the whole. */
export function SubmissionHeader({
  s,
  boardLink,
  editable,
  comments,
}: {
  s: SubmissionDto;
  boardLink: boolean;
  editable: boolean;
  comments: SubmissionCommentDto[] | undefined;
}) {
  const { t, lang } = useI18n();
  const labels = useReportingLabels();
  const sentOn = s.firstSubmittedAt ? s.firstSubmittedAt : null;
  return (
    <Stack gap="xs">
      {boardLink && (
        <Anchor component={Link} to={`/reporting/rounds/${s.roundId}`} size="sm">
          ← {t('repBoard')}
        </Anchor>
      )}
      <Title order={2} data-testid="submission-unit">
        {s.unitName}
      </Title>
      <Text size="sm">{s.roundTitle}</Text>
      <Group gap="md" wrap="wrap">
        <StateBadge state={s.state} size="lg" data-testid="submission-state" />
        <Text size="sm">{periodName(s.period, lang)}</Text>
        <Text size="sm">{t('repDeadlineLabel', { date: formatDay(s.deadline) })}</Text>
        <Text size="sm" fw={500} data-testid="submission-timeliness">
          {labels.timeliness({ submittedOn: sentOn, onTime: s.onTime, daysLate: s.daysLate ?? 0 }, s.deadline)}
        </Text>
        {sentOn && <Text size="sm">{t('repSentOn', { date: formatDay(sentOn) })}</Text>}
        {s.version > 0 && <Text size="sm">{t('repVersion', { n: s.version })}</Text>}
        {s.submittedAfterClose && (
          <Text size="sm" c="dimmed">
            {t('repAfterClose')}
          </Text>
        )}
      </Group>
      {s.locked && (
        <Alert color="teal" variant="light" data-testid="submission-locked">
          {t('repLocked')}
        </Alert>
      )}
      {!editable && !s.locked && s.actions.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('repReadOnly', { state: submissionStateLabels[s.state][lang] })}
        </Text>
      )}
      <CommentList target={WHOLE} comments={comments} />
    </Stack>
  );
}
