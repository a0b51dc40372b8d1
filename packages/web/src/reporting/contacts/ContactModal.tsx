import { Button, Modal, Stack, TextInput } from '@mantine/core';
import type { ReportingContactDto } from '@tre/core';
import { useState, type ChangeEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { contactsApi } from './api.ts';
import { checkContact, draftOf, type ContactDraft, type ContactField } from './contactForm.ts';

const FIELDS: readonly ContactField[] = ['email', 'headName', 'headEmail', 'escalateAfterDays'];
const isField = (f: string | undefined): f is ContactField => FIELDS.some((x) => x === f);

/**
 * One body's contact, checked in the browser before it is sent (e-mail shape, days 1–365 or empty);
 * what the server still refuses is shown in the user's language, under its box when it names one.
 */
export function ContactModal({
  contact,
  onClose,
  onSaved,
}: {
  contact: ReportingContactDto;
  onClose: () => void;
  onSaved: (saved: ReportingContactDto) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ContactDraft>(() => draftOf(contact));
  const [errors, setErrors] = useState<Partial<Record<ContactField, MessageKey>>>({});
  const [serverField, setServerField] = useState<{ field: ContactField; message: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: ContactField) => (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((x) => ({ ...x, [field]: undefined }));
    if (serverField?.field === field) setServerField(null);
  };
  const errorOf = (field: ContactField): string | undefined => {
    const key = errors[field];
    if (key) return t(key);
    return serverField?.field === field ? serverField.message : undefined;
  };

  const save = async () => {
    const checked = checkContact(draft);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    setError(null);
    setServerField(null);
    try {
      onSaved(await contactsApi.set(contact.unitKind, contact.unitCode, checked.request));
    } catch (e) {
      if (e instanceof ApiError && isField(e.field)) setServerField({ field: e.field, message: e.message });
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('ctcEditTitle', { name: contact.name })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        <Stack>
          <TextInput
            type="email"
            label={t('ctcColEmail')}
            value={draft.email}
            onChange={set('email')}
            error={errorOf('email')}
            autoComplete="off"
            data-autofocus
            data-testid="contact-email"
          />
          <TextInput
            label={t('ctcColHeadName')}
            value={draft.headName}
            onChange={set('headName')}
            error={errorOf('headName')}
            autoComplete="off"
            data-testid="contact-head-name"
          />
          <TextInput
            type="email"
            label={t('ctcColHeadEmail')}
            value={draft.headEmail}
            onChange={set('headEmail')}
            error={errorOf('headEmail')}
            autoComplete="off"
            data-testid="contact-head-email"
          />
          <TextInput
            label={t('ctcEscalateLabel')}
            description={t('ctcEscalateHint')}
            inputMode="numeric"
            value={draft.escalateAfterDays}
            onChange={set('escalateAfterDays')}
            error={errorOf('escalateAfterDays')}
            autoComplete="off"
            w={260}
            data-testid="contact-escalate"
          />
          <FormActions error={error} onCancel={onClose}>
            <Button type="submit" loading={busy} data-testid="contact-save">
              {t('save')}
            </Button>
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
