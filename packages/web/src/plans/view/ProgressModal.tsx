import { Alert, Button, FileInput, Modal, Select, Stack, Textarea } from '@mantine/core';
import type { PlanTaskDto, TaskProgressRequest, TaskProgressStatus } from '@tre/core/plans/plan-api';
import { COMMUNE_GROUPS } from '@tre/core/plans/bodies';
import { useState, type SubmitEvent } from 'react';
import { useSession } from '../../session/session.tsx';
import { errorMessage } from '../../api/client.ts';
import type { Agency } from '../../api/types.ts';
import { useRead } from '../../api/useApi.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { unitsReads } from '../../units/api.ts';
import { canManagePlans } from '../access.ts';
import { plansApi } from '../api.ts';
import { PROGRESS_STATUSES, usePlanLabels } from '../labels.ts';
import { foldFilter } from '../../ui/foldFilter.ts';

interface Props {
  task: PlanTaskDto;
  period: string;
  agencies: Agency[];
  onClose: () => void;
  onSaved: () => void;
}

/**
 * Records one body's progress on a task for a period. Reporters speak for their own body (the
 * server knows it from the session); the standing body chooses the body it records for.
 */
export function ProgressModal({ task, period, agencies, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const labels = usePlanLabels();
  const { user } = useSession();
  const onBehalf = canManagePlans(user);
  const forCommunes = task.bodies.some((b) => b.resolution.kind === 'group' && COMMUNE_GROUPS.includes(b.resolution.group));
  const communes = useRead(onBehalf && forCommunes ? unitsReads.allCommunes() : null);
  const bodyOptions = bodyChoices(task, agencies);
  const [agencyId, setAgencyId] = useState<string | null>(bodyOptions[0]?.value ?? null);
  const [communeCode, setCommuneCode] = useState<string | null>(null);
  const [status, setStatus] = useState<TaskProgressStatus>('in_progress');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const evidence = file ? await plansApi.uploadEvidence(file) : null;
      const body: TaskProgressRequest = { period, status, note: note.trim() || null, evidenceFileId: evidence?.id ?? null };
      if (onBehalf) {
        body.agencyId = communeCode ? null : agencyId;
        body.communeCode = communeCode;
      }
      await plansApi.recordProgress(task.id, body);
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={`${t('planRecordProgress')}${(task.path ?? task.ref) ? ` — ${task.path ?? task.ref ?? ''}` : ''} (${period})`}
      size="lg"
    >
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          {onBehalf && (
            <Select
              label={t('planProgressFor')}
              data={bodyOptions}
              value={agencyId}
              searchable
              filter={foldFilter()}
              allowDeselect={false}
              disabled={communeCode !== null}
              onChange={setAgencyId}
            />
          )}
          {onBehalf && forCommunes && (
            <Select
              label={t('planProgressCommune')}
              data={(communes.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
              value={communeCode}
              searchable
              filter={foldFilter()}
              clearable
              onChange={setCommuneCode}
            />
          )}
          {onBehalf && bodyOptions.length === 0 && !forCommunes && (
            <Alert color="yellow" data-testid="progress-no-body">
              {t('planProgressNoBody')}
            </Alert>
          )}
          <Select
            label={t('status')}
            data={PROGRESS_STATUSES.map((s) => ({ value: s, label: labels.progress(s) }))}
            value={status}
            allowDeselect={false}
            onChange={(v) => v && setStatus(v)}
          />
          <Textarea
            label={t('planProgressNote')}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <FileInput label={t('planEvidence')} clearable value={file} onChange={setFile} />
          <FormActions error={error} onCancel={onClose}>
            <Button type="submit" loading={busy} disabled={onBehalf && !agencyId && !communeCode}>
              {t('save')}
            </Button>
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The bodies a standing-body officer may record for: the task's own agencies first; when the task
 * names a group, every agency (the group stands for them).
 */
function bodyChoices(task: PlanTaskDto, agencies: Agency[]): { value: string; label: string }[] {
  const own = task.bodies.flatMap((b) =>
    b.resolution.kind === 'agency' ? [{ value: b.resolution.agencyId, label: b.label }] : [],
  );
  const anyGroup = task.bodies.some((b) => b.resolution.kind === 'group' && b.resolution.group !== 'all_communes');
  const rest = anyGroup ? agencies.filter((a) => a.active).map((a) => ({ value: a.id, label: a.shortName })) : [];
  const seen = new Set<string>();
  return [...own, ...rest].filter((o) => !seen.has(o.value) && seen.add(o.value));
}
