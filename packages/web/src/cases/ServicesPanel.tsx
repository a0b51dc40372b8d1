import { Button, Group, Modal, Paper, Radio, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { SERVICE_KINDS, SERVICE_LABELS, type CaseDto, type CaseServiceDto, type ServiceKind } from '@tre/core';
import { useState, type SubmitEvent } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { useRead } from '../api/useApi.ts';
import { formatDate } from '../children/labels.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormActions } from '../ui/FormActions.tsx';
import { TableHead } from '../ui/TableHead.tsx';
import { agencyKeywords, foldFilter } from '../ui/foldFilter.ts';
import { unitsReads } from '../units/api.ts';
import { casesApi } from './api.ts';
import { ServiceStatusBadge } from './badges.tsx';
import { fieldOf } from './form.ts';

type BodyKind = 'team' | 'agency' | 'commune';
const isKind = (v: string | null): v is ServiceKind => (SERVICE_KINDS as readonly (string | null)[]).includes(v);

/**
 * The services of the case's plan (Điều 29): what the team does itself, and what it refers to an
 * agency or another commune, which accepts or rejects it (with its reason) and reports it done. The
 * assigned worker adds services and records the team's own as done.
 */
export function ServicesPanel({ c, onChanged }: { c: CaseDto; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [adding, setAdding] = useState(false);
  const [completing, setCompleting] = useState<CaseServiceDto | null>(null);
  const mayWork = c.relation.assigned && c.status !== 'closed';
  const bodyOf = (s: CaseServiceDto) => (s.bodyKind === 'team' ? t('casBodyTeam') : (s.bodyName ?? s.bodyId ?? '—'));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-services">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="case-services">
          {t('casServicesTitle')}
        </Title>
        {mayWork && (
          <Button size="xs" variant="default" onClick={() => setAdding(true)} data-testid="service-add">
            {t('casServiceAdd')}
          </Button>
        )}
      </Group>
      {c.services.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('casServicesNone')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped data-testid="case-services-table">
            <TableHead
              labels={[
                t('casSvcKind'),
                t('casSvcBody'),
                t('casSvcDue'),
                t('casSvcStatus'),
                t('casSvcOutcome'),
                ...(mayWork ? [t('casColActions')] : []),
              ]}
            />
            <Table.Tbody>
              {c.services.map((s) => (
                <Table.Tr key={s.id} data-testid="case-service-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {SERVICE_LABELS[s.kind][lang]}
                    </Text>
                    {s.description && (
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {s.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{bodyOf(s)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(s.dueOn)}</Table.Td>
                  <Table.Td>
                    <ServiceStatusBadge status={s.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                    {s.status === 'rejected' && s.rejectReason
                      ? t('casSvcRejectedBecause', { reason: s.rejectReason })
                      : (s.outcome ?? '—')}
                  </Table.Td>
                  {mayWork && (
                    <Table.Td>
                      {s.bodyKind === 'team' && s.status !== 'done' && s.status !== 'rejected' && (
                        <Button size="compact-xs" variant="default" onClick={() => setCompleting(s)} data-testid="service-done">
                          {t('casSvcDone')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && (
        <AddServiceModal
          c={c}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            onChanged();
          }}
        />
      )}
      {completing && (
        <TextModal
          title={t('casSvcDoneTitle', { kind: SERVICE_LABELS[completing.kind][lang] })}
          label={t('casSvcOutcomeLabel')}
          submitLabel={t('casSvcDone')}
          onClose={() => setCompleting(null)}
          onSubmit={async (outcome) => {
            await casesApi.completeService(completing.id, outcome);
            setCompleting(null);
            onChanged();
          }}
        />
      )}
    </Paper>
  );
}

/**
 * A service added to the plan: done by the team, or referred to an agency or another commune (the
 * server makes those a referral, which the body accepts or rejects).
 */
function AddServiceModal({ c, onClose, onSaved }: { c: CaseDto; onClose: () => void; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<ServiceKind | null>(null);
  const [description, setDescription] = useState('');
  const [body, setBody] = useState<BodyKind>('team');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [communeCode, setCommuneCode] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ field: string | null; message: string } | null>(null);
  const agencies = useRead(body === 'agency' ? unitsReads.agencies() : null);
  const communes = useRead(body === 'commune' ? unitsReads.allCommunes() : null);
  const known = ['kind', 'description', 'agencyId', 'communeCode', 'dueOn'];
  const err = (field: string) =>
    missing === field ? t('casProblemRequired') : refusal?.field === field ? refusal.message : undefined;

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setRefusal(null);
    const need = !kind
      ? 'kind'
      : body === 'agency' && !agencyId
        ? 'agencyId'
        : body === 'commune' && !communeCode
          ? 'communeCode'
          : null;
    setMissing(need);
    if (need || !kind) return;
    setBusy(true);
    try {
      await casesApi.addService(c.id, {
        kind,
        description: description.trim() || null,
        agencyId: body === 'agency' ? agencyId : null,
        communeCode: body === 'commune' ? communeCode : null,
        dueOn: dueOn || null,
      });
      onSaved();
    } catch (error) {
      setRefusal({ field: error instanceof ApiError ? fieldOf(error.field, known) : null, message: errorMessage(error) });
      setBusy(false);
    }
  }

  const agencyList = (agencies.data?.items ?? []).filter((a) => a.active);
  return (
    <Modal opened onClose={onClose} title={t('casServiceAdd')} size="lg" data-testid="service-modal">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Select
            label={t('casSvcKind')}
            required
            data={SERVICE_KINDS.map((k) => ({ value: k, label: SERVICE_LABELS[k][lang] }))}
            value={kind}
            onChange={(v) => setKind(isKind(v) ? v : null)}
            error={err('kind')}
            data-autofocus
            data-testid="service-kind"
          />
          <Textarea
            label={t('casSvcDescription')}
            autosize
            minRows={2}
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={err('description')}
          />
          <Radio.Group
            label={t('casSvcBodyPick')}
            value={body}
            onChange={(v) => setBody(v === 'agency' || v === 'commune' ? v : 'team')}
          >
            <Stack gap={6} mt={6}>
              <Radio value="team" label={t('casBodyTeam')} data-testid="service-body-team" />
              <Radio value="agency" label={t('casBodyAgency')} data-testid="service-body-agency" />
              <Radio value="commune" label={t('casBodyCommune')} data-testid="service-body-commune" />
            </Stack>
          </Radio.Group>
          {body === 'agency' && (
            <Select
              label={t('casSvcAgency')}
              required
              searchable
              filter={foldFilter(agencyKeywords(agencyList))}
              data={agencyList.map((a) => ({ value: a.id, label: a.shortName }))}
              value={agencyId}
              onChange={setAgencyId}
              error={err('agencyId') ?? agencies.error ?? undefined}
              data-testid="service-agency"
            />
          )}
          {body === 'commune' && (
            <Select
              label={t('casSvcCommune')}
              required
              searchable
              filter={foldFilter()}
              data={(communes.data?.items ?? [])
                .filter((x) => x.code !== c.communeCode)
                .map((x) => ({ value: x.code, label: `${x.name} (${x.code})` }))}
              value={communeCode}
              onChange={setCommuneCode}
              error={err('communeCode') ?? communes.error ?? undefined}
              data-testid="service-commune"
            />
          )}
          {body !== 'team' && (
            <Text size="xs" c="dimmed">
              {t('casSvcReferralNote')}
            </Text>
          )}
          <TextInput
            type="date"
            label={t('casSvcDue')}
            w={220}
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            error={err('dueOn')}
            data-testid="service-due"
          />
          <FormActions error={refusal && refusal.field === null ? refusal.message : null} onCancel={onClose}>
            <Button type="submit" loading={busy} data-testid="service-save">
              {t('casServiceSave')}
            </Button>
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

/** A dialog asking one required text (a service's outcome, why it is rejected) and sending it. */
export function TextModal({
  title,
  label,
  submitLabel,
  onClose,
  onSubmit,
}: {
  title: string;
  label: string;
  submitLabel: string;
  onClose: () => void;
  onSubmit: (text: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setError(null);
    if (text.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      await onSubmit(text.trim());
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={title} size="lg" data-testid="text-modal">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Textarea
            label={label}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={missing ? t('casProblemRequired') : undefined}
            data-autofocus
            data-testid="text-modal-input"
          />
          <FormActions error={error} onCancel={onClose}>
            <Button type="submit" loading={busy} data-testid="text-modal-submit">
              {submitLabel}
            </Button>
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
