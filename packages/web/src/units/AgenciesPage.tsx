import { Alert, Badge, Button, Checkbox, Group, Modal, Select, Stack, Table, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useSession } from '../session/session.tsx';
import { errorMessage } from '../api/client.ts';
import type { Agency } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { unitsPermissions } from '@tre/core';
import { can } from '../session/can.ts';
import { useRead } from '../api/useApi.ts';
import { unitsApi, unitsReads } from './api.ts';
import { TableHead } from '../ui/TableHead.tsx';

const kinds = ['department', 'mass_organisation', 'committee', 'sector', 'other'] as const;

interface Draft {
  id?: string;
  kind: Agency['kind'];
  shortName: string;
  fullName: string;
  aliases: string;
  active: boolean;
}

export function AgenciesPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const isAdmin = can(user, unitsPermissions, 'agencies.manage');
  const [showInactive, setShowInactive] = useState(false);
  const agencies = useRead(unitsReads.agencies(showInactive));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const kindLabel = (k: string) => t(`kind_${k}` as MessageKey);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!draft) return;
    const body = {
      kind: draft.kind,
      shortName: draft.shortName,
      fullName: draft.fullName,
      aliases: draft.aliases.split('\n'),
      active: draft.active,
    };
    try {
      if (draft.id) await unitsApi.updateAgency(draft.id, body);
      else await unitsApi.createAgency(body);
      setDraft(null);
      setError(null);
      agencies.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const makeStanding = async (a: Agency) => {
    try {
      await unitsApi.setStandingBody(a.id);
      agencies.reload();
    } catch (err) {
      window.alert(errorMessage(err));
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('agencies')}</Title>
        {isAdmin && (
          <Button onClick={() => setDraft({ kind: 'department', shortName: '', fullName: '', aliases: '', active: true })}>
            {t('newAgency')}
          </Button>
        )}
      </Group>
      <Checkbox label={t('showInactive')} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />
      <Table striped data-testid="agencies-table">
        <TableHead labels={[t('shortName'), t('fullName'), t('kind'), t('aliases'), '']} />
        <Table.Tbody>
          {agencies.data?.items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                {a.shortName} {a.isStandingBody && <Badge>{t('standingBody')}</Badge>}
                {!a.active && <Badge color="gray">{t('inactive')}</Badge>}
              </Table.Td>
              <Table.Td>{a.fullName}</Table.Td>
              <Table.Td>{kindLabel(a.kind)}</Table.Td>
              <Table.Td>{a.aliases.join('; ')}</Table.Td>
              <Table.Td>
                {isAdmin && (
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="default" onClick={() => setDraft({ ...a, aliases: a.aliases.join('\n') })}>
                      {t('edit')}
                    </Button>
                    {!a.isStandingBody && a.active && (
                      <Button size="compact-xs" variant="default" onClick={() => void makeStanding(a)}>
                        {t('makeStandingBody')}
                      </Button>
                    )}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={draft !== null} onClose={() => setDraft(null)} title={draft?.id ? t('edit') : t('newAgency')}>
        {draft && (
          <form onSubmit={(e) => void submit(e)}>
            <Stack>
              <Select
                label={t('kind')}
                data={kinds.map((k) => ({ value: k, label: kindLabel(k) }))}
                value={draft.kind}
                allowDeselect={false}
                onChange={(v) => v && setDraft({ ...draft, kind: v })}
              />
              <TextInput
                label={t('shortName')}
                name="shortName"
                required
                value={draft.shortName}
                onChange={(e) => setDraft({ ...draft, shortName: e.currentTarget.value })}
              />
              <TextInput
                label={t('fullName')}
                name="fullName"
                required
                value={draft.fullName}
                onChange={(e) => setDraft({ ...draft, fullName: e.currentTarget.value })}
              />
              <Textarea
                label={t('aliases')}
                name="aliases"
                autosize
                minRows={2}
                value={draft.aliases}
                onChange={(e) => setDraft({ ...draft, aliases: e.currentTarget.value })}
              />
              <Checkbox
                label={t('active')}
                checked={draft.active}
                onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })}
              />
              {error && (
                <Alert color="red" role="alert">
                  {error}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setDraft(null)}>
                  {t('cancel')}
                </Button>
                <Button type="submit">{t('save')}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
