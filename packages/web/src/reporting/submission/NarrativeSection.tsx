import { Stack, Text, Textarea, Title } from '@mantine/core';
import {
  NARRATIVE_MAX,
  NARRATIVE_SECTIONS,
  narrativeHeadings,
  type Narrative,
  type NarrativeSection as Key,
  type SubmissionCommentDto,
} from '@tre/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { CommentButton, CommentList } from './CommentList.tsx';
import { sectionTarget } from './targets.ts';

/** The four parts of the outline every report follows: results, limitations, next steps, proposals. */
export function NarrativeSection({
  narrative,
  editable,
  comments,
  onChange,
  onComment,
}: {
  narrative: Narrative;
  editable: boolean;
  comments: Map<string, SubmissionCommentDto[]>;
  onChange: (key: Key, text: string) => void;
  onComment: ((target: string) => void) | null;
}) {
  const { t, lang } = useI18n();
  return (
    <Stack gap="md" data-testid="narrative-section">
      <Title order={3}>{t('repSecNarrative')}</Title>
      {NARRATIVE_SECTIONS.map((key, i) => {
        const heading = `${i + 1}. ${narrativeHeadings[key][lang]}`;
        const text = narrative[key] ?? '';
        return (
          <Stack key={key} gap={4}>
            <CommentList target={sectionTarget(key)} comments={comments.get(sectionTarget(key))} />
            {editable ? (
              <Textarea
                label={heading}
                autosize
                minRows={3}
                maxRows={20}
                maxLength={NARRATIVE_MAX}
                value={text}
                onChange={(e) => onChange(key, e.currentTarget.value)}
                data-testid={`narrative-${key}`}
              />
            ) : (
              <>
                <Text fw={500} size="sm">
                  {heading}
                </Text>
                <Text
                  size="sm"
                  c={text ? undefined : 'dimmed'}
                  style={{ whiteSpace: 'pre-wrap' }}
                  data-testid={`narrative-${key}`}
                >
                  {text || t('repEmptySection')}
                </Text>
              </>
            )}
            <CommentButton target={sectionTarget(key)} name={narrativeHeadings[key][lang]} onComment={onComment} />
          </Stack>
        );
      })}
    </Stack>
  );
}
