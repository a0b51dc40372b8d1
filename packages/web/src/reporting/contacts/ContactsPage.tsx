import { Alert, Anchor, Button, Group, Loader, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { ContactUnitKind, ReportingContactDto } from '@tre/core';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { canManageRounds } from '../access.ts';
import { contactsReads } from './api.ts';
import { ContactModal } from './ContactModal.tsx';
import { contactKey, filterContacts, foldContacts } from './contactForm.ts';

/**
 * `/reporting/contacts`: where every agency's and commune's reminders go — its mailbox, its head, and
 * after how many days late it is escalated to the head. Read by the board's readers, edited by those
 * who manage rounds. The names are folded once, the search deferred and the rows memoised, so a
 * province's 160-odd bodies stay fast to type against.
 */
export function ContactsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const list = useRead(contactsReads.list());
  const [saved, setSaved] = useState<ReadonlyMap<string, ReportingContactDto>>(new Map());
  const [kind, setKind] = useState<ContactUnitKind | 'all'>('all');
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const [editing, setEditing] = useState<ReportingContactDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const editable = canManageRounds(user);

  const rows = useMemo(() => (list.data?.items ?? []).map((c) => saved.get(contactKey(c)) ?? c), [list.data, saved]);
  const folded = useMemo(() => foldContacts(rows), [rows]);
  const shown = useMemo(() => filterContacts(folded, kind, deferred), [folded, kind, deferred]);

  const onSaved = (c: ReportingContactDto) => {
    setSaved((m) => new Map(m).set(contactKey(c), c));
    setEditing(null);
    setNotice(t('ctcSaved', { name: c.name }));
  };

  return (
    <Stack>
      <Anchor component={Link} to="/reporting" size="sm">
        ← {t('repRounds')}
      </Anchor>
      <Title order={2}>{t('ctcTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('ctcIntro')}
      </Text>
      {list.error && <Alert color="red">{list.error}</Alert>}
      {!list.data && !list.error && <Loader />}
      {notice && (
        <Alert color="teal" withCloseButton onClose={() => setNotice(null)} role="status">
          {notice}
        </Alert>
      )}
      {list.data && (
        <>
          <Group align="flex-end" gap="md" wrap="wrap">
            <SegmentedControl
              aria-label={t('repFilterKind')}
              value={kind}
              onChange={(v) => setKind(v === 'agency' || v === 'commune' ? v : 'all')}
              data={[
                { value: 'all', label: t('repFilterAll') },
                { value: 'agency', label: t('repKindAgencies') },
                { value: 'commune', label: t('repKindCommunes') },
              ]}
            />
            <TextInput
              label={t('repSearch')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={260}
              data-testid="contacts-search"
            />
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('repShown', { n: shown.length, total: rows.length })}
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover data-testid="contacts-table">
              <TableHead
                labels={[
                  t('repColBody'),
                  t('ctcColEmail'),
                  t('ctcColHeadName'),
                  t('ctcColHeadEmail'),
                  t('ctcColEscalate'),
                  ...(editable ? [''] : []),
                ]}
              />
              <Table.Tbody>
                {shown.map((c) => (
                  <ContactRow key={contactKey(c)} contact={c} onEdit={editable ? setEditing : null} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {shown.length === 0 && <Text c="dimmed">{t('ctcNoneShown')}</Text>}
        </>
      )}
      {editing && <ContactModal contact={editing} onClose={() => setEditing(null)} onSaved={onSaved} />}
    </Stack>
  );
}

const ContactRow = memo(function ContactRow({
  contact: c,
  onEdit,
}: {
  contact: ReportingContactDto;
  onEdit: ((c: ReportingContactDto) => void) | null;
}) {
  const { t } = useI18n();
  return (
    <Table.Tr data-testid="contact-row">
      <Table.Td>
        <Text size="sm">{c.name}</Text>
        <Text size="xs" c="dimmed">
          {c.unitKind === 'agency' ? t('ctcKindAgency') : t('ctcKindCommune')}
        </Text>
      </Table.Td>
      <Table.Td>{c.email ?? '–'}</Table.Td>
      <Table.Td>{c.headName ?? '–'}</Table.Td>
      <Table.Td>{c.headEmail ?? '–'}</Table.Td>
      <Table.Td>{c.escalateAfterDays === null ? t('ctcNever') : t('ctcEscalateDays', { n: c.escalateAfterDays })}</Table.Td>
      {onEdit && (
        <Table.Td>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => onEdit(c)}
            aria-label={t('ctcEdit', { name: c.name })}
            data-testid="contact-edit"
          >
            {t('edit')}
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
});
