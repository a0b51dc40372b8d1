import { Alert, Badge, Button, Group, Modal, PasswordInput, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { Role, roles, scopeKindOf } from '@tre/core';
import { useState, type SubmitEvent } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import type { Agency, Commune, User } from '../api/types.ts';
import { FormActions } from '../ui/FormActions.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { useRead } from '../api/useApi.ts';
import { unitsReads } from '../units/api.ts';
import { accessApi, accessReads } from './api.ts';
import { TableHead } from '../ui/TableHead.tsx';
import { agencyKeywords, foldFilter } from '../ui/foldFilter.ts';

interface Draft {
  /** Set when editing an existing user: username and password are then not sent. */
  id?: string;
  username: string;
  displayName: string;
  password: string;
  role: Role;
  agencyId: string | null;
  communeCode: string | null;
}

/** The form's error: the server's message, on the field it names when it names one. */
interface FormError {
  message: string;
  field?: string | undefined;
}
type FieldError = (field: string) => string | undefined;

const empty: Draft = {
  username: '',
  displayName: '',
  password: '',
  role: Role.CommuneOfficer,
  agencyId: null,
  communeCode: null,
};

/** Quản trị › Người dùng: the province's users, created, edited, disabled and given new passwords here. */
export function UsersPage() {
  const { t } = useI18n();
  const users = useRead(accessReads.users());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<FormError | null>(null);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!draft) return;
    try {
      const scope = { agencyId: draft.agencyId, communeCode: scopeKindOf(draft.role) === 'commune' ? draft.communeCode : null };
      if (draft.id) {
        await accessApi.updateUser(draft.id, { displayName: draft.displayName, role: draft.role, ...scope });
      } else {
        await accessApi.createUser({
          username: draft.username,
          displayName: draft.displayName,
          password: draft.password,
          role: draft.role,
          ...scope,
        });
      }
      setDraft(null);
      setError(null);
      users.reload();
    } catch (err) {
      setError({ message: errorMessage(err), field: err instanceof ApiError ? err.field : undefined });
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('users')}</Title>
        <Button onClick={() => setDraft({ ...empty })}>{t('newUser')}</Button>
      </Group>
      {users.error && <Alert color="red">{users.error}</Alert>}
      <UsersTable
        users={users.data?.items}
        onEdit={(u) => {
          setError(null);
          setDraft({
            id: u.id,
            username: u.username,
            displayName: u.displayName,
            password: '',
            role: u.role,
            agencyId: u.agencyId,
            communeCode: u.communeCode,
          });
        }}
        onChanged={users.reload}
      />
      <UserModal
        draft={draft}
        error={error}
        onChange={setDraft}
        onClose={() => setDraft(null)}
        onSubmit={(e) => void submit(e)}
      />
    </Stack>
  );
}

/** The users with their scope and state; disabling and a new password apply at once, editing opens the form. */
function UsersTable({
  users,
  onEdit,
  onChanged,
}: {
  users: User[] | undefined;
  onEdit: (u: User) => void;
  onChanged: () => void;
}) {
  const { t, roleLabel, lang } = useI18n();
  const { user: me } = useSession();

  const toggleActive = async (u: User) => {
    try {
      await accessApi.updateUser(u.id, { active: !u.active });
      onChanged();
    } catch (err) {
      window.alert(errorMessage(err));
    }
  };

  const resetPassword = async (u: User) => {
    const password = window.prompt(`${t('newPassword')} — ${u.username}`);
    if (!password) return;
    try {
      await accessApi.updateUser(u.id, { password });
    } catch (err) {
      window.alert(errorMessage(err));
    }
  };

  return (
    <Table striped highlightOnHover data-testid="users-table">
      <TableHead labels={[t('username'), t('displayName'), t('role'), t('yourScope'), t('status'), '']} />
      <Table.Tbody>
        {users?.map((u) => (
          <Table.Tr key={u.id}>
            <Table.Td>{u.username}</Table.Td>
            <Table.Td>{u.displayName}</Table.Td>
            <Table.Td>{roleLabel(u.role)}</Table.Td>
            <Table.Td>{u.communeName ?? u.agencyName ?? ''}</Table.Td>
            <Table.Td>
              {u.active ? <Badge variant="light">{t('active')}</Badge> : <Badge color="gray">{t('inactive')}</Badge>}
              {u.lockedUntil && new Date(u.lockedUntil) > new Date() && (
                <Badge color="orange" ml={4}>
                  {t('lockedUntil', { time: new Date(u.lockedUntil).toLocaleTimeString(lang) })}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Button size="compact-xs" variant="default" onClick={() => onEdit(u)}>
                  {t('edit')}
                </Button>
                <Button size="compact-xs" variant="default" onClick={() => void resetPassword(u)}>
                  {t('resetPassword')}
                </Button>
                {u.id !== me?.id && (
                  <Button size="compact-xs" variant="default" onClick={() => void toggleActive(u)}>
                    {u.active ? t('disable') : t('enable')}
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Fields the form shows its errors on; an error naming none of them goes above the buttons. */
const FORM_FIELDS = ['username', 'displayName', 'password', 'communeCode', 'agencyId'];

/** A new user's or an existing user's form (username and password only for a new one). */
function UserModal({
  draft,
  error,
  onChange,
  onClose,
  onSubmit,
}: {
  draft: Draft | null;
  error: FormError | null;
  onChange: (draft: Draft) => void;
  onClose: () => void;
  onSubmit: (e: SubmitEvent) => void;
}) {
  const { t } = useI18n();
  // read with the page, not when the form opens: the lists are there by the time it does
  const agencies = useRead(unitsReads.agencies());
  const communes = useRead(unitsReads.allCommunes());
  const fieldError: FieldError = (field) => (error?.field === field ? error.message : undefined);
  return (
    <Modal opened={draft !== null} onClose={onClose} title={draft?.id ? `${t('edit')}: ${draft.username}` : t('newUser')}>
      {draft && (
        <form onSubmit={onSubmit}>
          <Stack>
            <NameFields draft={draft} onChange={onChange} fieldError={fieldError} />
            <ScopeFields
              draft={draft}
              onChange={onChange}
              fieldError={fieldError}
              agencies={agencies.data?.items ?? []}
              communes={communes.data?.items ?? []}
            />
            <FormActions error={error && !FORM_FIELDS.includes(error.field ?? '') && error.message} onCancel={onClose}>
              <Button type="submit">{draft.id ? t('save') : t('create')}</Button>
            </FormActions>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

interface FieldsProps {
  draft: Draft;
  onChange: (draft: Draft) => void;
  fieldError: FieldError;
}

function NameFields({ draft, onChange, fieldError }: FieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <TextInput
        label={t('username')}
        name="username"
        required
        disabled={draft.id !== undefined}
        value={draft.username}
        error={fieldError('username')}
        onChange={(e) => onChange({ ...draft, username: e.currentTarget.value })}
      />
      <TextInput
        label={t('displayName')}
        name="displayName"
        required
        value={draft.displayName}
        error={fieldError('displayName')}
        onChange={(e) => onChange({ ...draft, displayName: e.currentTarget.value })}
      />
      {draft.id === undefined && (
        <PasswordInput
          label={t('password')}
          name="password"
          required
          value={draft.password}
          error={fieldError('password')}
          onChange={(e) => onChange({ ...draft, password: e.currentTarget.value })}
        />
      )}
    </>
  );
}

/** The role and the unit it is bound to: a commune for a commune-scoped role, an agency (required for an agency-scoped one). */
function ScopeFields({
  draft,
  onChange,
  fieldError,
  agencies,
  communes,
}: FieldsProps & { agencies: Agency[]; communes: Commune[] }) {
  const { t, roleLabel } = useI18n();
  return (
    <>
      <Select
        label={t('role')}
        name="role"
        data={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
        value={draft.role}
        allowDeselect={false}
        onChange={(v) => v && onChange({ ...draft, role: v })}
      />
      {scopeKindOf(draft.role) === 'commune' && (
        <Select
          label={t('commune')}
          name="communeCode"
          searchable
          filter={foldFilter()}
          required
          error={fieldError('communeCode')}
          data={communes.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
          value={draft.communeCode}
          onChange={(v) => onChange({ ...draft, communeCode: v })}
        />
      )}
      <Select
        label={t('agency')}
        name="agencyId"
        searchable
        filter={foldFilter(agencyKeywords(agencies))}
        clearable
        required={scopeKindOf(draft.role) === 'agency'}
        error={fieldError('agencyId')}
        data={agencies.map((a) => ({ value: a.id, label: a.shortName }))}
        value={draft.agencyId}
        onChange={(v) => onChange({ ...draft, agencyId: v })}
      />
    </>
  );
}
