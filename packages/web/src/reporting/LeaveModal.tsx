import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

/** "Leave without saving?" for the reporting pages. */
export function LeaveModal({ opened, onStay, onLeave }: { opened: boolean; onStay: () => void; onLeave: () => void }) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onStay} title={t('repUnsavedTitle')}>
      <Stack>
        <Text size="sm">{t('repUnsavedText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onStay} data-testid="leave-stay">
            {t('repStay')}
          </Button>
          <Button color="red" onClick={onLeave} data-testid="leave-discard">
            {t('repDiscard')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
