import { Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { FormActions } from '../../ui/FormActions.tsx';

/** Reopening an accepted report unlocks its figures: the reason is asked and kept with the report. */
export function ReopenModal({
  onClose,
  onReopen,
  busy,
  error,
}: {
  onClose: () => void;
  onReopen: (reason: string) => void;
  busy: boolean;
  error: string | null;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('repReopenTitle')}>
      <Stack>
        <Text size="sm">{t('repReopenText')}</Text>
        <Textarea
          label={t('repReopenReason')}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
          data-testid="reopen-reason"
        />
        <FormActions error={error} onCancel={onClose}>
          <Button
            loading={busy}
            disabled={reason.trim().length < 5}
            onClick={() => onReopen(reason.trim())}
            data-testid="reopen-send"
          >
            {t('repReopen')}
          </Button>
        </FormActions>
      </Stack>
    </Modal>
  );
}
