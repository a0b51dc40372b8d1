import { Alert, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * The foot of a form or a confirmation: its error, if any, above Cancel and the form's own action
 * (`children`), so that every dialog says an error and offers its way out in the same place.
 */
export function FormActions({ error, onCancel, children }: { error?: ReactNode; onCancel: () => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('cancel')}
        </Button>
        {children}
      </Group>
    </>
  );
}
