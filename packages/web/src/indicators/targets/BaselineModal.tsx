import { Alert, Button, Group, Modal, NumberInput, Stack } from '@mantine/core';
import type { PlanMeasureTargetsDto } from '@tre/core/indicators/indicator-api';
import { useState, type SubmitEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatValue, unitAxisName } from '../../format/format.ts';
import { targetsApi } from './api.ts';
import { fieldErrorsOf, firstTargetYear, initialDraft, requestOf, type BaselineDraft, type FieldErrors } from './baselineForm.ts';

interface Props {
  planId: string;
  entry: PlanMeasureTargetsDto;
  onClose: () => void;
  /** called with the measure's entry as the server now has it */
  onSaved: (entry: PlanMeasureTargetsDto) => void;
}

const asNumber = (v: number | string): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Sets or clears a plan's baseline for one measure; the server's rules are shown on the field they name. */
export function BaselineModal({ planId, entry, onClose, onSaved }: Props) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<BaselineDraft>(() => initialDraft(entry));
  // what is typed, kept as typed: "80," is no number yet, and must not empty the field mid-typing
  const [valueText, setValueText] = useState<number | string>(() => draft.value ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const first = firstTargetYear(entry);
  const { suggestion } = entry;

  const send = async (call: () => Promise<PlanMeasureTargetsDto>) => {
    setBusy(true);
    setErrors({});
    try {
      onSaved(await call());
    } catch (err) {
      setErrors(err instanceof ApiError ? fieldErrorsOf(err.field, err.message) : { form: errorMessage(err) });
      setBusy(false);
    }
  };

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const body = requestOf(draft);
    if (!body) {
      setErrors({ form: t('baselineRequired') });
      return;
    }
    void send(() => targetsApi.setBaseline(planId, entry.measure, body));
  };

  return (
    <Modal opened onClose={onClose} title={t('baselineModalTitle', { measure: entry.name[lang] })} size="md">
      <form onSubmit={submit} data-testid={`baseline-form-${entry.measure}`}>
        <Stack>
          {suggestion && (
            <Button
              variant="light"
              onClick={() => {
                setDraft({ year: suggestion.year, value: suggestion.value });
                setValueText(suggestion.value);
              }}
              data-testid={`baseline-suggestion-${entry.measure}`}
            >
              {t('baselineUseMeasured', {
                year: suggestion.year,
                value: formatValue(suggestion.value, entry.unit, lang, ''),
              })}
            </Button>
          )}
          <NumberInput
            label={t('baselineYear')}
            description={first !== null ? t('baselineYearHint', { year: first }) : undefined}
            required
            allowDecimal={false}
            thousandSeparator={false}
            value={draft.year ?? ''}
            onChange={(v) => setDraft((d) => ({ ...d, year: asNumber(v) }))}
            error={errors.year}
            data-testid="baseline-year"
          />
          <NumberInput
            label={t('baselineValueLabel', { unit: unitAxisName(entry.unit, lang) })}
            required
            decimalSeparator={lang === 'vi' ? ',' : '.'}
            thousandSeparator={false}
            value={valueText}
            onChange={(v) => {
              setValueText(v);
              setDraft((d) => ({ ...d, value: asNumber(v) }));
            }}
            error={errors.value}
            data-testid="baseline-value"
          />
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <Group justify="space-between">
            {entry.baseline ? (
              <Button
                variant="subtle"
                color="red"
                disabled={busy}
                onClick={() => void send(() => targetsApi.clearBaseline(planId, entry.measure))}
                data-testid={`baseline-clear-${entry.measure}`}
              >
                {t('baselineClear')}
              </Button>
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('cancel')}
              </Button>
              <Button type="submit" loading={busy} data-testid="baseline-save">
                {t('save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
