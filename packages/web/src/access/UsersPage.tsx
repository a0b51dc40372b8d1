import { Alert, Badge, Button, Group, Modal, PasswordInput, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { Role, roles, scopeKindOf } from '@tre/core';
import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import type { User } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { useRead } from '../api/useApi.ts';
import { unitsReads } from '../units/api.ts';
import { accessApi, accessReads } from './api.ts';

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

const empty: Draft = {
  username: '',
  displayName: '',
  password: '',
  role: Role.CommuneOfficer,
  agencyId: null,
  communeCode: null,
};

export function UsersPage() {
  const { t, roleLabel, lang } = useI18n();
  const { user: me } = useSession();
  const users = useRead(accessReads.users());
  const agencies = useRead(unitsReads.agencies());
  const communes = useRead(unitsReads.allCommunes());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);

  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  const submit = async (e: FormEvent) => {
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

  const toggleActive = async (u: User) => {
    try {
      await accessApi.updateUser(u.id, { active: !u.active });
      users.reload();
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
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('users')}</Title>
        <Button onClick={() => setDraft({ ...empty })}>{t('newUser')}</Button>
      </Group>
      {users.error && <Alert color="red">{users.error}</Alert>}
      <Table striped highlightOnHover data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('username')}</Table.Th>
            <Table.Th>{t('displayName')}</Table.Th>
            <Table.Th>{t('role')}</Table.Th>
            <Table.Th>{t('yourScope')}</Table.Th>
            <Table.Th>{t('status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data?.items.map((u) => (
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
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => {
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
                  >
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

      <Modal
        opened={draft !== null}
        onClose={() => setDraft(null)}
        title={draft?.id ? `${t('edit')}: ${draft.username}` : t('newUser')}
      >
        {draft && (
          <form onSubmit={(e) => void submit(e)}>
            <Stack>
              <TextInput
                label={t('username')}
                name="username"
                required
                disabled={draft.id !== undefined}
                value={draft.username}
                error={fieldError('username')}
                onChange={(e) => setDraft({ ...draft, username: e.currentTarget.value })}
              />
              <TextInput
                label={t('displayName')}
                name="displayName"
                required
                value={draft.displayName}
                error={fieldError('displayName')}
                onChange={(e) => setDraft({ ...draft, displayName: e.currentTarget.value })}
              />
              {draft.id === undefined && (
                <PasswordInput
                  label={t('password')}
                  name="password"
                  required
                  value={draft.password}
                  error={fieldError('password')}
                  onChange={(e) => setDraft({ ...draft, password: e.currentTarget.value })}
                />
              )}
              <Select
                label={t('role')}
                name="role"
                data={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
                value={draft.role}
                allowDeselect={false}
                onChange={(v) => v && setDraft({ ...draft, role: v })}
              />
              {scopeKindOf(draft.role) === 'commune' && (
                <Select
                  label={t('commune')}
                  name="communeCode"
                  searchable
                  required
                  error={fieldError('communeCode')}
                  data={(communes.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
                  value={draft.communeCode}
                  onChange={(v) => setDraft({ ...draft, communeCode: v })}
                />
              )}
              <Select
                label={t('agency')}
                name="agencyId"
                searchable
                clearable
                required={scopeKindOf(draft.role) === 'agency'}
                error={fieldError('agencyId')}
                data={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.shortName }))}
                value={draft.agencyId}
                onChange={(v) => setDraft({ ...draft, agencyId: v })}
              />
              {error && !['username', 'displayName', 'password', 'communeCode', 'agencyId'].includes(error.field ?? '') && (
                <Alert color="red" role="alert">
                  {error.message}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setDraft(null)}>
                  {t('cancel')}
                </Button>
                <Button type="submit">{draft.id ? t('save') : t('create')}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
