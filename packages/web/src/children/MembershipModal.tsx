import { Button, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import type { GroupMembershipDto } from '@tre/core';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormActions } from '../ui/FormActions.tsx';
import { childrenApi } from './api.ts';
import { GROUP_LABELS } from './labels.ts';

/**
 * A group membership's dates and the support the child received (what indicator 8 counts as
 * supported). Ending a membership keeps it on record with its dates; the change goes into the
 * record's history.
 */
export function MembershipModal({
  childId,
  membership: m,
  onClose,
  onSaved,
}: {
  childId: number;
  membership: GroupMembershipDto;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const [startedOn, setStartedOn] = useState(m.startedOn ?? '');
  const [endedOn, setEndedOn] = useState(m.endedOn ?? '');
  const [support, setSupport] = useState(m.support ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const orNull = (v: string) => (v.trim() === '' ? null : v);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await childrenApi.updateMembership(childId, m.id, {
        startedOn: orNull(startedOn),
        endedOn: orNull(endedOn),
        support: orNull(support),
      });
      await onSaved();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={`${m.group}) ${GROUP_LABELS[m.group][lang]}`} size="lg" data-testid="membership-modal">
      <Stack>
        <TextInput
          type="date"
          label={t('chdGroupStarted')}
          value={startedOn}
          onChange={(e) => setStartedOn(e.currentTarget.value)}
          data-testid="membership-started"
        />
        <TextInput
          type="date"
          label={t('chdGroupEnded')}
          description={t('chdGroupEndedHint')}
          value={endedOn}
          onChange={(e) => setEndedOn(e.currentTarget.value)}
          data-testid="membership-ended"
        />
        <Textarea
          label={t('chdGroupSupport')}
          description={t('chdGroupSupportHint')}
          autosize
          minRows={3}
          maxLength={2000}
          value={support}
          onChange={(e) => setSupport(e.currentTarget.value)}
          data-testid="membership-support"
        />
        <FormActions error={error} onCancel={onClose}>
          <Button loading={busy} onClick={() => void save()} data-testid="membership-save">
            {t('save')}
          </Button>
        </FormActions>
      </Stack>
    </Modal>
  );
}
