import { Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { FormActions } from '../ui/FormActions.tsx';
import { REASON_MAX, reasonProblem } from './reasonFlow.ts';

/**
 * Asks why a record outside the reader's commune is opened: the reason goes to the access log with
 * the reader's name and the time. `error` is the server's answer to a reason it refused.
 */
export function ReasonModal({
  busy,
  error,
  onCancel,
  onSubmit,
}: {
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const problem = reasonProblem(reason);
  const fieldError = tried && problem ? t(problem === 'short' ? 'chdReasonShort' : 'chdReasonLong') : null;
  return (
    <Modal opened onClose={onCancel} title={t('chdReasonTitle')} size="lg" data-testid="reason-modal">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!problem) onSubmit(reason.trim());
        }}
      >
        <Stack>
          <Text size="sm">{t('chdReasonExplain')}</Text>
          <Textarea
            label={t('chdReasonLabel')}
            placeholder={t('chdReasonPlaceholder')}
            withAsterisk
            autosize
            minRows={3}
            maxLength={REASON_MAX}
            data-autofocus
            value={reason}
            error={fieldError}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="reason-input"
          />
          <FormActions error={error} onCancel={onCancel}>
            <Button type="submit" loading={busy} data-testid="reason-submit">
              {t('chdReasonOpen')}
            </Button>
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
