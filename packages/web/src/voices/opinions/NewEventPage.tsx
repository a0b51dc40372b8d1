import { Alert, Anchor, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { EVENT_KINDS, EVENT_KIND_LABELS, PARTICIPANT_AGE_GROUPS, PARTICIPANT_AGE_LABELS, type EventKind } from '@tre/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { recordsOwnCommune } from './access.ts';
import { opinionsApi } from './api.ts';
import { parseNames, readCountsGrid } from './logic.ts';

const EVENT_FIELDS = ['topic', 'organiser.name', 'heldOn', 'place', 'communeCode', 'consent.by', 'consent.on'] as const;
type EventField = (typeof EVENT_FIELDS)[number];

/** `/voices/opinions/new`: an event with its counts grid (age group × sex); names only with a recorded consent. */
export function NewEventPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const own = recordsOwnCommune(user);
  const [kind, setKind] = useState<EventKind>('consultation');
  const [topic, setTopic] = useState('');
  const [organiser, setOrganiser] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [place, setPlace] = useState('');
  const [commune, setCommune] = useState(own ? (user?.communeCode ?? '') : '');
  const [cells, setCells] = useState<Record<string, string>>({});
  const [consent, setConsent] = useState(false);
  const [consentBy, setConsentBy] = useState('');
  const [consentOn, setConsentOn] = useState('');
  const [names, setNames] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<EventField, string>>>({});
  const [saving, setSaving] = useState(false);
  const labels: Record<EventField, string> = {
    topic: t('voiTopic'),
    'organiser.name': t('voiOrganiser'),
    heldOn: t('voiHeldOn'),
    place: t('voiPlace'),
    communeCode: t('voiCommune'),
    'consent.by': t('voiConsentBy'),
    'consent.on': t('voiConsentOn'),
  };
  // "Dưới 7 tuổi, Nam": a counts cell named as the reader sees it, not by its key
  const cellLabel = (key: string) => {
    const [age, sex] = key.split('.');
    const group = PARTICIPANT_AGE_GROUPS.find((a) => a === age);
    return `${group ? PARTICIPANT_AGE_LABELS[group][lang] : key}, ${sex === 'female' ? t('voiFemale') : t('voiMale')}`;
  };

  async function save() {
    setError(null);
    const required: [EventField, string][] = [
      ['topic', topic],
      ['organiser.name', organiser],
      ['heldOn', heldOn],
      ['place', place],
      ...(consent
        ? ([
            ['consent.by', consentBy],
            ['consent.on', consentOn],
          ] as [EventField, string][])
        : []),
    ];
    const missing = required.filter(([, v]) => v.trim() === '');
    setFieldErrors(Object.fromEntries(missing.map(([f]) => [f, t('voiRequired', { field: labels[f] })])));
    if (missing.length > 0) {
      setError(t('voiFixFields', { fields: missing.map(([f]) => labels[f]).join(', ') }));
      return;
    }
    const grid = readCountsGrid(cells);
    if ('bad' in grid) {
      setError(t('voiBadCell', { cell: cellLabel(grid.bad) }));
      return;
    }
    const parsed = consent ? parseNames(names) : { names: [] };
    if ('badLine' in parsed) {
      setError(t('voiBadName', { n: parsed.badLine }));
      return;
    }
    setSaving(true);
    try {
      const { id } = await opinionsApi.createEvent({
        kind,
        topic: topic.trim(),
        organiser: { name: organiser.trim() },
        heldOn,
        place: place.trim(),
        communeCode: commune.trim() === '' ? null : commune.trim(),
        counts: grid.counts,
        consent: consent ? { given: true, by: consentBy.trim(), on: consentOn } : null,
        participants: parsed.names,
      });
      await navigate(`/voices/events/${String(id)}`);
    } catch (e) {
      const field = e instanceof ApiError ? EVENT_FIELDS.find((f) => f === e.field) : undefined;
      if (field) setFieldErrors({ [field]: errorMessage(e) });
      setError(field ? `${labels[field]}: ${errorMessage(e)}` : errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const cell = (key: string) => (
    <TextInput
      aria-label={cellLabel(key)}
      data-testid={`count-${key}`}
      inputMode="numeric"
      w={80}
      value={cells[key] ?? ''}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setCells((c) => ({ ...c, [key]: v }));
      }}
    />
  );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack maw={760}>
        <Anchor component={Link} to="/voices/opinions" size="sm">
          ← {t('voiBack')}
        </Anchor>
        <Title order={2}>{t('voiNew')}</Title>
        <Select
          label={t('voiKind')}
          data={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k][lang] }))}
          value={kind}
          onChange={(v) => v && setKind(v)}
          allowDeselect={false}
        />
        <TextInput
          label={t('voiTopic')}
          required
          error={fieldErrors.topic}
          value={topic}
          onChange={(e) => setTopic(e.currentTarget.value)}
        />
        <TextInput
          label={t('voiOrganiser')}
          required
          error={fieldErrors['organiser.name']}
          value={organiser}
          onChange={(e) => setOrganiser(e.currentTarget.value)}
        />
        <Group grow>
          <TextInput
            label={t('voiHeldOn')}
            type="date"
            required
            error={fieldErrors.heldOn}
            value={heldOn}
            onChange={(e) => setHeldOn(e.currentTarget.value)}
          />
          <TextInput
            label={t('voiPlace')}
            required
            error={fieldErrors.place}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
          />
        </Group>
        <TextInput
          label={t('voiCommune')}
          value={commune}
          disabled={own}
          error={fieldErrors.communeCode}
          maxLength={5}
          onChange={(e) => setCommune(e.currentTarget.value)}
        />
        <Text fw={500}>{t('voiCounts')}</Text>
        <Table withTableBorder maw={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('voiMale')}</Table.Th>
              <Table.Th>{t('voiFemale')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {PARTICIPANT_AGE_GROUPS.map((a) => (
              <Table.Tr key={a}>
                <Table.Td>{PARTICIPANT_AGE_LABELS[a][lang]}</Table.Td>
                <Table.Td>{cell(`${a}.male`)}</Table.Td>
                <Table.Td>{cell(`${a}.female`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Checkbox label={t('voiConsent')} checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
        {consent && (
          <>
            <Group grow>
              <TextInput
                label={t('voiConsentBy')}
                required
                error={fieldErrors['consent.by']}
                value={consentBy}
                onChange={(e) => setConsentBy(e.currentTarget.value)}
              />
              <TextInput
                label={t('voiConsentOn')}
                type="date"
                required
                error={fieldErrors['consent.on']}
                value={consentOn}
                onChange={(e) => setConsentOn(e.currentTarget.value)}
              />
            </Group>
            <Textarea
              label={t('voiNames')}
              description={t('voiNamesHint')}
              autosize
              minRows={3}
              value={names}
              onChange={(e) => setNames(e.currentTarget.value)}
            />
          </>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={saving} data-testid="voices-save">
            {t('voiSave')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
