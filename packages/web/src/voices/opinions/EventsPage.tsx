import { Alert, Anchor, Button, Card, Group, Loader, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { EVENT_KIND_LABELS } from '@tre/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { useRead } from '../../api/useApi.ts';
import { formatDate } from '../../children/labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import {
  canAnswerOpinions,
  canPublishParticipation,
  canRecordOpinions,
  canSeeOverdueOpinions,
  canSetAnswerDays,
} from './access.ts';
import { opinionsApi, opinionsReads } from './api.ts';
import { BodyName } from './parts.tsx';

/** `/voices/opinions`: the events, newest first, with links to the inbox, the overdue list and the figures. */
export function EventsPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const list = useRead(opinionsReads.events());
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Title order={2}>{t('voiTitle')}</Title>
      <Text size="sm" c="dimmed" maw={760}>
        {t('voiHint')}
      </Text>
      <Group>
        {canRecordOpinions(user) && (
          <Button component={Link} to="/voices/opinions/new" data-testid="voices-new">
            {t('voiNew')}
          </Button>
        )}
        {canAnswerOpinions(user) && (
          <Anchor component={Link} to="/voices/inbox">
            {t('voiInbox')}
          </Anchor>
        )}
        {canSeeOverdueOpinions(user) && (
          <Anchor component={Link} to="/voices/overdue">
            {t('voiOverdue')}
          </Anchor>
        )}
      </Group>
      {list.error && (
        <Alert color="red" role="alert">
          {list.error}
        </Alert>
      )}
      {list.loading && !list.data && <Loader />}
      {list.data && items.length === 0 && <Text c="dimmed">{t('voiNone')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped data-testid="voices-events">
            <TableHead
              labels={[
                t('voiColDate'),
                t('voiColKind'),
                t('voiColTopic'),
                t('voiColCommune'),
                t('voiColOrganiser'),
                t('voiColParticipants'),
                t('voiColOpinions'),
              ]}
            />
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.heldOn)}</Table.Td>
                  <Table.Td>{EVENT_KIND_LABELS[e.kind][lang]}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/voices/events/${String(e.id)}`}>
                      {e.topic}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{e.communeName ?? t('voiProvinceWide')}</Table.Td>
                  <Table.Td>
                    <BodyName body={e.organiser} />
                  </Table.Td>
                  <Table.Td>{e.participants}</Table.Td>
                  <Table.Td>
                    {e.opinions} ({e.openOpinions})
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canSetAnswerDays(user) && <AnswerDaysCard />}
      {canPublishParticipation(user) && <PublishCard />}
    </Stack>
  );
}

function AnswerDaysCard() {
  const { t } = useI18n();
  const settings = useRead(opinionsReads.settings());
  const [days, setDays] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const shown = days === '' ? (settings.data?.answerDays ?? '') : days;
  async function save() {
    setError(null);
    try {
      await opinionsApi.setSettings(Number(shown));
      settings.reload();
      setDays('');
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <Card withBorder maw={480}>
      <Group align="end">
        <NumberInput label={t('voiAnswerDays')} min={1} max={365} value={shown} onChange={setDays} />
        <Button onClick={() => void save()}>{t('voiSave')}</Button>
      </Group>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Card>
  );
}

function PublishCard() {
  const { t } = useI18n();
  const [period, setPeriod] = useState(String(new Date().getFullYear() - 1));
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function publish() {
    setError(null);
    setResult(null);
    try {
      const r = await opinionsApi.publish(period.trim());
      setResult(t('voiPublished', { cells: r.cellsWritten, communes: r.communes }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <Card withBorder maw={480}>
      <Title order={4}>{t('voiStatistics')}</Title>
      <Group align="end">
        <TextInput label={t('voiPeriod')} value={period} onChange={(e) => setPeriod(e.currentTarget.value)} />
        <Button onClick={() => void publish()}>{t('voiPublish')}</Button>
      </Group>
      {result && <Text size="sm">{result}</Text>}
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Card>
  );
}
