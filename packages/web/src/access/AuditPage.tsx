import { Alert, Button, Code, Group, Select, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useRead } from '../api/useApi.ts';
import { accessReads } from './api.ts';
import { AUDITED_ENTITIES, auditActionLabel, auditEntityLabel } from './auditLabels.ts';
import { TableHead } from '../ui/TableHead.tsx';

export function AuditPage() {
  const { t, lang } = useI18n();
  const [entity, setEntity] = useState<string | null>(null);
  const [before, setBefore] = useState<number | null>(null);
  const params = new URLSearchParams({ limit: '50' });
  if (entity) params.set('entity', entity);
  if (before) params.set('before', String(before));
  const log = useRead(accessReads.audit(params));
  const items = log.data?.items ?? [];
  const show = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v, null, 1));

  return (
    <Stack>
      <Title order={2}>{t('audit')}</Title>
      <Group>
        <Select
          label={t('object')}
          clearable
          data={AUDITED_ENTITIES.map((value) => ({ value, label: auditEntityLabel(value, lang) }))}
          value={entity}
          onChange={(v) => {
            setEntity(v);
            setBefore(null);
          }}
          w={200}
        />
      </Group>
      {log.error && <Alert color="red">{log.error}</Alert>}
      <Table striped data-testid="audit-table" style={{ fontSize: 13 }}>
        <TableHead labels={[t('time'), t('who'), t('action'), t('object'), t('before'), t('after')]} />
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{new Date(e.at).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</Table.Td>
              <Table.Td>{e.actorName}</Table.Td>
              <Table.Td>{auditActionLabel(e.action, lang)}</Table.Td>
              <Table.Td>
                {auditEntityLabel(e.entity, lang)} <Code>{e.entityId}</Code>
              </Table.Td>
              <Table.Td>
                <Code block style={{ maxWidth: 320, maxHeight: 120, overflow: 'auto' }}>
                  {show(e.before)}
                </Code>
              </Table.Td>
              <Table.Td>
                <Code block style={{ maxWidth: 320, maxHeight: 120, overflow: 'auto' }}>
                  {show(e.after)}
                </Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="default" disabled={before === null} onClick={() => setBefore(null)}>
          {t('newestEntries')}
        </Button>
        <Button variant="default" disabled={items.length < 50} onClick={() => setBefore(items[items.length - 1]?.id ?? null)}>
          {t('olderEntries')}
        </Button>
      </Group>
    </Stack>
  );
}
