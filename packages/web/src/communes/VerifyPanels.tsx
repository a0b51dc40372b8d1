import { Button, Checkbox, Group, Modal, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { AssessmentDto, CriterionResultDto, IndicatorValue } from '@tre/core';
import { useState, type SubmitEvent } from 'react';
import { errorMessage } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormActions } from '../ui/FormActions.tsx';
import { communesApi } from './api.ts';
import { inputsOf, valueOf, type ValueInputs } from './form.ts';
import { ValueFields } from './IndicatorRow.tsx';

/** A criterion's verification by the province, in words. */
export function VerificationLine({ c }: { c: CriterionResultDto }) {
  const { t } = useI18n();
  const v = c.verification;
  if (!v) {
    return (
      <Text size="sm" c="dimmed" data-verification="none">
        {t('cfcNotVerified')}
      </Text>
    );
  }
  return (
    <Text size="sm" fw={600} data-verification={v.outcome}>
      <span aria-hidden="true">{v.outcome === 'accepted' ? '✓ ' : '✎ '}</span>
      {v.outcome === 'accepted' ? t('cfcAccepted') : t('cfcCorrected')} ({v.byName})
      {v.comment ? ` — ${t('cfcProvinceComment', { comment: v.comment })}` : ''}
    </Text>
  );
}

/**
 * The province corrects a criterion: a new value for any of its indicators (the others kept) and
 * the comment the commune will read.
 */
export function CorrectModal({
  a,
  c,
  no,
  onClose,
  onSaved,
}: {
  a: AssessmentDto;
  c: CriterionResultDto;
  no: number;
  onClose: () => void;
  onSaved: (next: AssessmentDto) => void;
}) {
  const { t, lang } = useI18n();
  const [inputs, setInputs] = useState<Record<string, ValueInputs>>(() =>
    Object.fromEntries(c.indicators.map((e) => [e.code, inputsOf(e.value)])),
  );
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    setError(null);
    const corrections: { code: string; value: IndicatorValue }[] = [];
    for (const e of c.indicators) {
      const before = JSON.stringify(inputsOf(e.value));
      const now = inputs[e.code];
      if (!now || JSON.stringify(now) === before) continue;
      const v = valueOf(e.valueKind, now);
      if (v === 'invalid' || v === null) {
        setInvalid(e.code);
        return;
      }
      corrections.push({ code: e.code, value: v });
    }
    setInvalid(null);
    if (comment.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      const next = await communesApi.verify(a.communeCode, a.year, {
        version: a.version,
        criterion: c.code,
        outcome: 'corrected',
        comment: comment.trim().normalize('NFC'),
        corrections,
      });
      onSaved(next);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('cfcCorrectTitle', { no })} size="lg" data-testid="cfc-correct-modal">
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <Stack>
          <Text fw={600}>{c.name[lang]}</Text>
          {c.indicators.map((e) => (
            <ValueFields
              key={e.code}
              code={`correct-${e.code}`}
              kind={e.valueKind}
              label={`${e.code}. ${e.name[lang]}`}
              inputs={inputs[e.code] ?? inputsOf(null)}
              onChange={(next) => setInputs((all) => ({ ...all, [e.code]: next }))}
              error={invalid === e.code ? t('cfcValueInvalid') : undefined}
            />
          ))}
          <Textarea
            label={t('cfcComment')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={comment}
            onChange={(ev) => setComment(ev.currentTarget.value)}
            error={missing ? t('cfcCommentRequired') : undefined}
            data-testid="cfc-correct-comment"
          />
          <FormActions error={error} onCancel={onClose}>
            <Button type="submit" loading={busy} data-testid="cfc-correct-save">
              {t('cfcSaveCorrection')}
            </Button>
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

/** The province's decision: its number and date, recognised or not (ticked when the scores meet the standard). */
export function DecisionPanel({
  a,
  pending,
  onSaved,
}: {
  a: AssessmentDto;
  /** criteria not verified yet: the decision waits for them */
  pending: number;
  onSaved: (next: AssessmentDto) => void;
}) {
  const { t } = useI18n();
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [recognised, setRecognised] = useState(a.meetsStandard);
  const [missing, setMissing] = useState<'number' | 'date' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    setError(null);
    if (number.trim() === '') {
      setMissing('number');
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setMissing('date');
      return;
    }
    setMissing(null);
    setBusy(true);
    try {
      onSaved(
        await communesApi.decide(a.communeCode, a.year, {
          version: a.version,
          number: number.trim().normalize('NFC'),
          date,
          recognised,
        }),
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cfc-decision" data-testid="cfc-decision-form">
      <Title order={3} size="h4" id="cfc-decision" mb="xs">
        {t('cfcDecisionTitle')}
      </Title>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <Stack gap="sm">
          {pending > 0 && (
            <Text size="sm" fw={600} data-testid="cfc-decision-pending">
              <span aria-hidden="true">! </span>
              {t('cfcDecisionPending', { n: pending })}
            </Text>
          )}
          <Group align="flex-start">
            <TextInput
              label={t('cfcDecisionNumber')}
              required
              maxLength={60}
              w={240}
              value={number}
              onChange={(ev) => setNumber(ev.currentTarget.value)}
              error={missing === 'number' ? t('cfcRequired') : undefined}
              data-testid="cfc-decision-number"
            />
            <TextInput
              label={t('cfcDecisionDate')}
              type="date"
              required
              w={200}
              value={date}
              onChange={(ev) => setDate(ev.currentTarget.value)}
              error={missing === 'date' ? t('cfcRequired') : undefined}
              data-testid="cfc-decision-date"
            />
          </Group>
          <Checkbox
            label={t('cfcDecisionRecognised')}
            checked={recognised}
            onChange={(ev) => setRecognised(ev.currentTarget.checked)}
            data-testid="cfc-decision-recognised"
          />
          {error && (
            <Text c="red.8" role="alert" data-testid="cfc-decision-error">
              {error}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={busy} data-testid="cfc-decision-save">
              {t('cfcDecisionSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
