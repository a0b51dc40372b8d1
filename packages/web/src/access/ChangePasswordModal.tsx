import { Alert, Button, Modal, PasswordInput, Stack } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormActions } from '../ui/FormActions.tsx';
import { accessApi } from './api.ts';

/**
 * Changing one's own password (the first administrator is told to, and every user should be able
 * to replace a password an administrator chose). The server checks the current password and the
 * rules of a new one, and names the field a refusal is about.
 */
export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (next !== again) {
      setError({ field: 'again', message: t('passwordsDiffer') });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await accessApi.changePassword({ currentPassword: current, newPassword: next });
      setDone(true);
    } catch (err) {
      setError({ field: err instanceof ApiError ? (err.field ?? null) : null, message: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  const on = (field: string) => (error?.field === field ? error.message : undefined);

  return (
    <Modal opened onClose={onClose} title={t('changeOwnPassword')}>
      {done ? (
        <Stack>
          <Alert color="green" data-testid="password-changed">
            {t('passwordChanged')}
          </Alert>
          <Button onClick={onClose}>{t('close')}</Button>
        </Stack>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <PasswordInput
              label={t('currentPassword')}
              required
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={on('currentPassword')}
              autoComplete="current-password"
            />
            <PasswordInput
              label={t('newPassword')}
              required
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              error={on('newPassword')}
              autoComplete="new-password"
            />
            <PasswordInput
              label={t('newPasswordAgain')}
              required
              value={again}
              onChange={(e) => setAgain(e.currentTarget.value)}
              error={on('again')}
              autoComplete="new-password"
            />
            <FormActions
              error={error && !['currentPassword', 'newPassword', 'again'].includes(error.field ?? '') && error.message}
              onCancel={onClose}
            >
              <Button type="submit" loading={busy} data-testid="password-save">
                {t('save')}
              </Button>
            </FormActions>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
