import { Accordion, Table, Text } from '@mantine/core';
import type { RoundReminderDto } from '@tre/core';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { reportingReads } from '../api.ts';
import { formatDayTime } from '../labels.ts';

/**
 * Every reminder of the round, newest first: when, to which body, which step, which channel, to
 * whom (usernames in the app; the body's mailbox or its head by e-mail, never the address) and
 * whether it went out — so the officer can answer "did they get a reminder?" without the phone.
 */
export function ReminderLog({ roundId, names }: { roundId: string; names: Map<string, string> }) {
  const { t } = useI18n();
  const log = useRead(reportingReads.reminders(roundId));
  const items = [...(log.data?.items ?? [])].reverse();
  const step = (r: RoundReminderDto) =>
    r.step === 'before'
      ? t('repReminderBefore')
      : r.step === 'escalate'
        ? t('repReminderEscalate')
        : t('repReminderAfter', { n: r.step.slice(6) });
  const to = (r: RoundReminderDto) =>
    r.channel === 'in_app' ? r.recipients : r.recipients === 'head' ? t('repReminderHead') : t('repReminderContact');
  const result = (r: RoundReminderDto) =>
    r.delivered === true
      ? t('repReminderDelivered')
      : r.delivered === false
        ? `${t('repReminderFailed')}${r.error ? `: ${r.error}` : ''}`
        : t('repReminderPending');
  return (
    <Accordion variant="contained">
      <Accordion.Item value="log">
        <Accordion.Control data-testid="reminder-log-toggle">
          {t('repReminderLog')} ({items.length})
        </Accordion.Control>
        <Accordion.Panel>
          {items.length === 0 ? (
            <Text size="sm">{t('repReminderLogEmpty')}</Text>
          ) : (
            <Table striped data-testid="reminder-log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('repReminderWhen')}</Table.Th>
                  <Table.Th>{t('repColBody')}</Table.Th>
                  <Table.Th>{t('repReminderStep')}</Table.Th>
                  <Table.Th>{t('repReminderChannel')}</Table.Th>
                  <Table.Th>{t('repReminderTo')}</Table.Th>
                  <Table.Th>{t('repReminderResult')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={`${r.unitCode}|${r.step}|${r.channel}`}>
                    <Table.Td>{r.sentAt ? formatDayTime(r.sentAt) : '–'}</Table.Td>
                    <Table.Td>{names.get(r.unitCode) ?? r.unitCode}</Table.Td>
                    <Table.Td>{step(r)}</Table.Td>
                    <Table.Td>{r.channel === 'in_app' ? t('repReminderInApp') : t('repReminderEmail')}</Table.Td>
                    <Table.Td>{to(r)}</Table.Td>
                    <Table.Td>{result(r)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
