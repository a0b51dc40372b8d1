import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { SERVICE_LABELS, type ReferralDto } from '@tre/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useRead } from '../api/useApi.ts';
import { SEX_LABELS, formatDate } from '../children/labels.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDayTime } from '../reporting/labels.ts';
import { TableHead } from '../ui/TableHead.tsx';
import { casesApi, casesReads } from './api.ts';
import { ServiceStatusBadge } from './badges.tsx';
import { TextModal } from './ServicesPanel.tsx';

type Asking = { kind: 'reject' | 'done'; referral: ReferralDto } | null;

/**
 * `/cases/referrals`: the services other bodies' case workers referred to the reader's body — only
 * that part of the case (the service, the commune, the child's sex and age; no name). The body
 * accepts one, or rejects it with its reason, and reports an accepted one done with its outcome.
 */
export function ReferralsPage() {
  const { t, lang } = useI18n();
  const list = useRead(casesReads.referrals());
  const [asking, setAsking] = useState<Asking>(null);
  const [accepting, setAccepting] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = list.data?.items ?? [];

  async function accept(r: ReferralDto) {
    setError(null);
    setAccepting(r.serviceId);
    try {
      await casesApi.acceptService(r.serviceId);
      list.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setAccepting(null);
    }
  }

  return (
    <Stack>
      <Anchor component={Link} to="/cases" size="sm">
        ← {t('casBack')}
      </Anchor>
      <Title order={2}>{t('casReferralsTitle')}</Title>
      <Text size="sm" c="dimmed" maw={760}>
        {t('casReferralsHint')}
      </Text>
      {(list.error ?? error) && (
        <Alert color="red" role="alert">
          {list.error ?? error}
        </Alert>
      )}
      {list.loading && !list.data && <Loader />}
      {list.data && items.length === 0 && <Text c="dimmed">{t('casReferralsNone')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped data-testid="referrals-table" aria-busy={list.loading}>
            <TableHead
              labels={[
                t('casColNumber'),
                t('casColCommune'),
                t('casSvcKind'),
                t('casReferralChild'),
                t('casReferralAt'),
                t('casSvcDue'),
                t('casSvcStatus'),
                t('casSvcOutcome'),
                t('casColActions'),
              ]}
            />
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.serviceId} data-testid="referral-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.caseNumber}</Table.Td>
                  <Table.Td>{r.communeName}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {SERVICE_LABELS[r.kind][lang]}
                    </Text>
                    {r.description && (
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {r.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t('casReferralChildIs', { sex: SEX_LABELS[r.childSex][lang], age: r.childAge })}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDayTime(r.referredAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.dueOn)}</Table.Td>
                  <Table.Td>
                    <ServiceStatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                    {r.status === 'rejected' && r.rejectReason
                      ? t('casSvcRejectedBecause', { reason: r.rejectReason })
                      : (r.outcome ?? '—')}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {r.status === 'referred' && (
                        <>
                          <Button
                            size="compact-xs"
                            loading={accepting === r.serviceId}
                            onClick={() => void accept(r)}
                            data-testid="referral-accept"
                          >
                            {t('casReferralAccept')}
                          </Button>
                          <Button
                            size="compact-xs"
                            variant="default"
                            onClick={() => setAsking({ kind: 'reject', referral: r })}
                            data-testid="referral-reject"
                          >
                            {t('casReferralReject')}
                          </Button>
                        </>
                      )}
                      {r.status === 'accepted' && (
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => setAsking({ kind: 'done', referral: r })}
                          data-testid="referral-done"
                        >
                          {t('casSvcDone')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {asking && (
        <TextModal
          title={t(asking.kind === 'reject' ? 'casReferralRejectTitle' : 'casSvcDoneTitle', {
            kind: SERVICE_LABELS[asking.referral.kind][lang],
            number: asking.referral.caseNumber,
          })}
          label={t(asking.kind === 'reject' ? 'casReferralRejectReason' : 'casSvcOutcomeLabel')}
          submitLabel={t(asking.kind === 'reject' ? 'casReferralReject' : 'casSvcDone')}
          onClose={() => setAsking(null)}
          onSubmit={async (text) => {
            if (asking.kind === 'reject') await casesApi.rejectService(asking.referral.serviceId, text);
            else await casesApi.completeService(asking.referral.serviceId, text);
            setAsking(null);
            list.reload();
          }}
        />
      )}
    </Stack>
  );
}
