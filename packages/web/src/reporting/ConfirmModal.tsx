import { Button, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { FormActions } from '../ui/FormActions.tsx';

/** Asks before an action that cannot simply be undone; the action's error is shown in the dialog. */
export function ConfirmModal({
  title,
  text,
  confirm,
  color,
  onCancel,
  onConfirm,
}: {
  title: string;
  text: string;
  confirm: string;
  color?: string;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onCancel} title={title}>
      <Stack>
        <Text size="sm">{text}</Text>
        <FormActions error={error} onCancel={onCancel}>
          <Button color={color} loading={busy} onClick={() => void go()} data-testid="confirm-action">
            {confirm}
          </Button>
        </FormActions>
      </Stack>
    </Modal>
  );
}
