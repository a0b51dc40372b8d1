import { Alert, Anchor, Button, Card, Group, List, Loader, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import {
  EVENT_KIND_LABELS,
  PARTICIPANT_AGE_GROUPS,
  PARTICIPANT_AGE_LABELS,
  participantTotal,
  type ParticipantDto,
} from '@tre/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { fetchRead, useRead } from '../../api/useApi.ts';
import { SEX_LABELS, formatDate } from '../../children/labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { canReadNames, canRecordOpinions } from './access.ts';
import { opinionsApi, opinionsReads } from './api.ts';
import { OpinionActions } from './OpinionActions.tsx';
import { BodyInput, BodyName, OpinionStateLine } from './parts.tsx';

/** `/voices/events/:id`: an event, its counts, its opinions with their next step, and a new opinion. */
export function EventPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const id = Number(useParams().id);
  const ev = useRead(Number.isSafeInteger(id) && id > 0 ? opinionsReads.event(id) : null);
  const [names, setNames] = useState<ParticipantDto[] | null>(null);
  const [text, setText] = useState('');
  const [sentTo, setSentTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ text: boolean; sentTo: boolean }>({ text: false, sentTo: false });
  const e = ev.data;

  async function addOpinion() {
    setError(null);
    const gaps = { text: text.trim() === '', sentTo: sentTo.trim() === '' };
    setMissing(gaps);
    if (gaps.text || gaps.sentTo) {
      const names = [gaps.text ? t('voiOpinionText') : null, gaps.sentTo ? t('voiSentTo') : null].filter((x) => x !== null);
      setError(t('voiFixFields', { fields: names.join(', ') }));
      return;
    }
    try {
      await opinionsApi.addOpinion(id, { text: text.trim(), sentTo: { name: sentTo.trim() } });
      setText('');
      setSentTo('');
      ev.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function showNames() {
    try {
      setNames((await fetchRead(opinionsReads.participants(id))).items);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Stack>
      <Anchor component={Link} to="/voices/opinions" size="sm">
        ← {t('voiBack')}
      </Anchor>
      {ev.error && (
        <Alert color="red" role="alert">
          {ev.error}
        </Alert>
      )}
      {ev.loading && !e && <Loader />}
      {e && (
        <>
          <Title order={2}>{t('voiEventTitle', { kind: EVENT_KIND_LABELS[e.kind][lang], topic: e.topic })}</Title>
          <Card withBorder maw={760}>
            <Text size="sm">
              <b>{t('voiHeldOn')}:</b> {formatDate(e.heldOn)} · <b>{t('voiPlace')}:</b> {e.place}
            </Text>
            <Text size="sm">
              <b>{t('voiColOrganiser')}:</b> <BodyName body={e.organiser} /> · <b>{t('voiColCommune')}:</b>{' '}
              {e.communeName ?? t('voiProvinceWide')}
            </Text>
            <Table withTableBorder maw={420} mt="sm">
              <TableHead labels={['', t('voiMale'), t('voiFemale')]} />
              <Table.Tbody>
                {PARTICIPANT_AGE_GROUPS.map((a) => (
                  <Table.Tr key={a}>
                    <Table.Td>{PARTICIPANT_AGE_LABELS[a][lang]}</Table.Td>
                    <Table.Td>{e.counts[a].male}</Table.Td>
                    <Table.Td>{e.counts[a].female}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm" mt="xs">
              {t('voiTotal', { n: participantTotal(e.counts) })}
            </Text>
            {e.consent && e.named > 0 && (
              <Text size="sm">{t('voiNamed', { n: e.named, by: e.consent.by, on: formatDate(e.consent.on) })}</Text>
            )}
            {e.named > 0 && canReadNames(user) && names === null && (
              <Button size="compact-xs" variant="default" mt="xs" onClick={() => void showNames()}>
                {t('voiShowNames')}
              </Button>
            )}
            {names && (
              <List size="sm">
                {names.map((p, i) => (
                  <List.Item key={i}>
                    {p.fullName} · {SEX_LABELS[p.sex][lang]} · {PARTICIPANT_AGE_LABELS[p.ageGroup][lang]}
                  </List.Item>
                ))}
              </List>
            )}
          </Card>
          <Title order={3}>{t('voiOpinionsTitle')}</Title>
          {e.opinionList.length > 0 && (
            <Table.ScrollContainer minWidth={900}>
              <Table striped data-testid="voices-opinions">
                <TableHead labels={[t('voiOpinionText'), t('voiSentTo'), t('voiState'), t('voiAnswer'), '']} />
                <Table.Tbody>
                  {e.opinionList.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{o.text}</Table.Td>
                      <Table.Td>
                        <BodyName body={o.sentTo} />
                        {o.sentOn && (
                          <Text size="xs">
                            {t('voiSentOn')}: {formatDate(o.sentOn)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <OpinionStateLine o={o} />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                        {o.answer ? `${o.answer.text} (${o.answer.by}, ${formatDate(o.answer.on)})` : '—'}
                        {o.fedBackOn && (
                          <Text size="xs">
                            {t('voiFedBackOn')}: {formatDate(o.fedBackOn)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <OpinionActions o={o} onDone={ev.reload} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {e.opinionList.length === 0 && <Text c="dimmed">{t('voiNoOpinion')}</Text>}
          {canRecordOpinions(user) && (
            <Card
              withBorder
              maw={760}
              component="form"
              noValidate
              onSubmit={(x: { preventDefault: () => void }) => {
                x.preventDefault();
                void addOpinion();
              }}
            >
              <Title order={4}>{t('voiNewOpinion')}</Title>
              <Textarea
                label={t('voiOpinionText')}
                required
                error={missing.text ? t('voiRequired', { field: t('voiOpinionText') }) : undefined}
                autosize
                minRows={2}
                value={text}
                onChange={(x) => setText(x.currentTarget.value)}
              />
              <BodyInput
                required
                value={sentTo}
                onChange={setSentTo}
                error={missing.sentTo ? t('voiRequired', { field: t('voiSentTo') }) : undefined}
              />
              <Group mt="xs">
                <Button type="submit" data-testid="opinion-add">
                  {t('voiAddOpinion')}
                </Button>
              </Group>
            </Card>
          )}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}
