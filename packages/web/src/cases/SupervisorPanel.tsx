import { Button, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import type { CaseDto } from '@tre/core';
import { useState, type SubmitEvent } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormActions } from '../ui/FormActions.tsx';
import { foldFilter } from '../ui/foldFilter.ts';
import { unitsReads } from '../units/api.ts';
import { casesApi, casesReads } from './api.ts';
import { fieldOf } from './form.ts';

type Refusal = { field: string | null; message: string } | null;

/**
 * The supervisor's part of a case besides the approvals: give the case another worker, or transfer
 * it to another commune (the child moved) with that commune's supervisor and the reason, which the
 * case's history keeps.
 */
export function SupervisorPanel({
  c,
  onChanged,
  onTransferred,
}: {
  c: CaseDto;
  onChanged: () => void;
  /** the case has left the supervisor's commune: it may no longer be theirs to read */
  onTransferred: () => void;
}) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-supervision">
      <Title order={3} size="h4" id="case-supervision" mb="xs">
        {t('casSupervisionTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <ReassignForm c={c} onChanged={onChanged} />
        <TransferForm c={c} onTransferred={onTransferred} />
      </SimpleGrid>
    </Paper>
  );
}

function ReassignForm({ c, onChanged }: { c: CaseDto; onChanged: () => void }) {
  const { t } = useI18n();
  const team = useRead(casesReads.team(c.communeCode));
  const [workerId, setWorkerId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>(null);
  const [done, setDone] = useState(false);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setRefusal(null);
    setDone(false);
    setBusy(true);
    try {
      await casesApi.changeTeam(c.id, { workerId });
      setDone(true);
      onChanged();
    } catch (err) {
      setRefusal({ field: err instanceof ApiError ? fieldOf(err.field, ['workerId']) : null, message: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="case-reassign">
      <Stack gap="sm">
        <Text fw={600} id="case-reassign">
          {t('casReassignTitle')}
        </Text>
        <Text size="sm">{t('casWorkerIs', { name: c.workerName ?? t('casUnassigned') })}</Text>
        <Select
          label={t('casNewWorker')}
          description={t('casNewWorkerHint')}
          searchable
          clearable
          filter={foldFilter()}
          data={(team.data?.items ?? []).map((m) => ({ value: m.id, label: m.displayName }))}
          value={workerId}
          onChange={setWorkerId}
          error={refusal?.field === 'workerId' ? refusal.message : (team.error ?? undefined)}
          data-testid="reassign-worker"
        />
        {done && (
          <Text size="sm" role="status">
            {t('casReassigned')}
          </Text>
        )}
        <FormActions error={refusal && refusal.field === null ? refusal.message : null} onCancel={() => setWorkerId(null)}>
          <Button type="submit" loading={busy} data-testid="reassign-save">
            {t('casReassignSave')}
          </Button>
        </FormActions>
      </Stack>
    </form>
  );
}

function TransferForm({ c, onTransferred }: { c: CaseDto; onTransferred: () => void }) {
  const { t } = useI18n();
  const communes = useRead(unitsReads.allCommunes());
  const [communeCode, setCommuneCode] = useState<string | null>(null);
  const team = useRead(communeCode ? casesReads.team(communeCode) : null);
  const [supervisorId, setSupervisorId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>(null);
  const known = ['communeCode', 'supervisorId', 'reason'];
  const err = (field: string) =>
    missing.includes(field) ? t('casProblemRequired') : refusal?.field === field ? refusal.message : undefined;

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setRefusal(null);
    const need = [!communeCode && 'communeCode', !supervisorId && 'supervisorId', reason.trim() === '' && 'reason'].filter(
      (f): f is string => typeof f === 'string',
    );
    setMissing(need);
    if (need.length > 0 || !communeCode || !supervisorId) return;
    setBusy(true);
    try {
      await casesApi.transfer(c.id, { communeCode, supervisorId, reason: reason.trim() });
      onTransferred();
    } catch (error) {
      setRefusal({ field: error instanceof ApiError ? fieldOf(error.field, known) : null, message: errorMessage(error) });
      setBusy(false);
    }
  }

  const reset = () => {
    setCommuneCode(null);
    setSupervisorId(null);
    setReason('');
    setMissing([]);
    setRefusal(null);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="case-transfer">
      <Stack gap="sm">
        <Text fw={600} id="case-transfer">
          {t('casTransferTitle')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('casTransferHint')}
        </Text>
        <Select
          label={t('casTransferCommune')}
          required
          searchable
          filter={foldFilter()}
          data={(communes.data?.items ?? [])
            .filter((x) => x.code !== c.communeCode)
            .map((x) => ({ value: x.code, label: `${x.name} (${x.code})` }))}
          value={communeCode}
          onChange={(v) => {
            setCommuneCode(v);
            setSupervisorId(null);
          }}
          error={err('communeCode') ?? communes.error ?? undefined}
          data-testid="transfer-commune"
        />
        <Select
          label={t('casSupervisor')}
          required
          searchable
          filter={foldFilter()}
          disabled={!communeCode}
          data={(team.data?.items ?? []).filter((m) => m.canSupervise).map((m) => ({ value: m.id, label: m.displayName }))}
          value={supervisorId}
          onChange={setSupervisorId}
          error={err('supervisorId') ?? team.error ?? undefined}
          data-testid="transfer-supervisor"
        />
        <Textarea
          label={t('casTransferReason')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={err('reason')}
          data-testid="transfer-reason"
        />
        <FormActions error={refusal && refusal.field === null ? refusal.message : null} onCancel={reset}>
          <Button type="submit" loading={busy} data-testid="transfer-save">
            {t('casTransferSave')}
          </Button>
        </FormActions>
      </Stack>
    </form>
  );
}
