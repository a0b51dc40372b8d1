import { Alert, Button, Group, Paper, Text } from '@mantine/core';
import type { SubmissionDto } from '@tre/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ActionName } from './useSubmission.ts';

/** Kept at the bottom of the screen: the actions the state and the caller's role allow, and what the last one did. */
export function ActionBar({
  s,
  dirty,
  busy,
  done,
  error,
  missingNames,
  onAction,
}: {
  s: SubmissionDto;
  dirty: boolean;
  busy: ActionName | null;
  done: string | null;
  error: string | null;
  missingNames: string[];
  onAction: (a: ActionName) => void;
}) {
  const { t } = useI18n();
  const has = (a: ActionName) => s.actions.includes(a);
  const editable = has('save');
  return (
    <Paper withBorder shadow="sm" p="sm" style={{ position: 'sticky', bottom: 0, zIndex: 5 }} aria-live="polite">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="sm">
          {has('save') && (
            <Button
              variant="default"
              onClick={() => onAction('save')}
              loading={busy === 'save'}
              disabled={!dirty || busy !== null}
              data-testid="action-save"
            >
              {t('repSaveDraft')}
            </Button>
          )}
          {has('submit') && (
            <Button
              onClick={() => onAction('submit')}
              loading={busy === 'submit'}
              disabled={busy !== null}
              data-testid="action-submit"
            >
              {t('repSubmit')}
            </Button>
          )}
          {has('return') && (
            <Button
              color="orange"
              variant="light"
              onClick={() => onAction('return')}
              disabled={busy !== null}
              data-testid="action-return"
            >
              {t('repReturn')}
            </Button>
          )}
          {has('accept') && (
            <Button
              color="teal"
              onClick={() => onAction('accept')}
              loading={busy === 'accept'}
              disabled={busy !== null}
              data-testid="action-accept"
            >
              {t('repAccept')}
            </Button>
          )}
          {has('reopen') && (
            <Button variant="default" onClick={() => onAction('reopen')} disabled={busy !== null} data-testid="action-reopen">
              {t('repReopen')}
            </Button>
          )}
          {editable && (
            <Text size="sm" c={dirty ? 'orange.9' : 'dimmed'}>
              {dirty ? t('repUnsaved') : t('repNoChanges')}
            </Text>
          )}
        </Group>
        {done && !error && (
          <Text size="sm" c="teal.9" data-testid="action-done">
            ✓ {done}
          </Text>
        )}
      </Group>
      {error && (
        <Alert color="red" mt="xs" role="alert" data-testid="action-error">
          {error}
          {missingNames.length > 0 && (
            <Text size="sm" mt={4}>
              {t('repStillMissing', { names: missingNames.slice(0, 10).join('; ') + (missingNames.length > 10 ? '; …' : '') })}
            </Text>
          )}
        </Alert>
      )}
    </Paper>
  );
}
