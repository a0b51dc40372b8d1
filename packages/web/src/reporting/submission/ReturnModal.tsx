import { ActionIcon, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import type { SubmissionDto } from '@tre/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { foldFilter } from '../../ui/foldFilter.ts';
import { commentTargets, targetName, WHOLE } from './targets.ts';

export interface PendingComment {
  target: string;
  text: string;
}

/**
 * The reviewer's comments before a return: one on the report as a whole and any on a task, a figure
 * or a section (added here or by the "Góp ý" buttons beside them). Closing keeps them for later.
 */
export function ReturnModal({
  s,
  comments,
  onChange,
  onClose,
  onReturn,
  busy,
  error,
}: {
  s: SubmissionDto;
  comments: PendingComment[];
  onChange: (comments: PendingComment[]) => void;
  onClose: () => void;
  onReturn: () => void;
  busy: boolean;
  error: string | null;
}) {
  const { t, lang } = useI18n();
  const label = (target: string) => (target === WHOLE ? t('repCommentWhole') : targetName(target, s, lang));
  const whole = comments.find((c) => c.target === WHOLE)?.text ?? '';
  const parts = comments.filter((c) => c.target !== WHOLE);
  const set = (target: string, text: string) =>
    onChange(
      comments.some((c) => c.target === target)
        ? comments.map((c) => (c.target === target ? { target, text } : c))
        : [...comments, { target, text }],
    );
  const used = new Set(comments.map((c) => c.target));
  const options = commentTargets(s)
    .filter((x) => x !== WHOLE && !used.has(x))
    .map((x) => ({ value: x, label: label(x) }));
  const any = comments.some((c) => c.text.trim());

  return (
    <Modal opened onClose={onClose} title={t('repReturnTitle')} size="xl" data-testid="return-modal">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('repReturnHint')}
        </Text>
        <Textarea
          label={t('repCommentWhole')}
          autosize
          minRows={2}
          value={whole}
          onChange={(e) => set(WHOLE, e.currentTarget.value)}
          data-testid="return-whole"
        />
        {parts.map((c) => (
          <Group key={c.target} align="flex-start" wrap="nowrap">
            <Textarea
              label={t('repCommentOn', { what: label(c.target) })}
              autosize
              minRows={2}
              value={c.text}
              onChange={(e) => set(c.target, e.currentTarget.value)}
              style={{ flex: 1 }}
              data-autofocus
              data-testid={`return-comment-${c.target}`}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={28}
              onClick={() => onChange(comments.filter((x) => x.target !== c.target))}
              aria-label={t('repRemoveComment', { what: label(c.target) })}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Select
          label={t('repAddCommentOn')}
          data={options}
          value={null}
          onChange={(v) => v && set(v, '')}
          searchable
          filter={foldFilter()}
          clearable
        />
        <FormActions error={error} onCancel={onClose}>
          <Button color="orange" loading={busy} disabled={!any} onClick={onReturn} data-testid="return-send">
            {t('repReturnSend')}
          </Button>
        </FormActions>
      </Stack>
    </Modal>
  );
}
