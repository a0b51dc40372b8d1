import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import type { CatalogueReply, PlanMeasureTargetsReply, PlanTargetRefDto } from '@tre/core/indicators/indicator-api';
import type { MeasureTargetOp } from '@tre/core/indicators/catalogue-schema';
import { useState, type SubmitEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { OP_SIGN, unitAxisName } from '../../format/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { targetsApi } from './api.ts';
import { MeasurePicker } from './MeasurePicker.tsx';
import { createRequest, draftOf, emptyDraft, missingField, patchRequest, type TargetDraft } from './targetForm.ts';

export type TargetModalMode = { kind: 'add' } | { kind: 'edit'; target: PlanTargetRefDto; measure: string | null };

interface Props {
  planId: string;
  mode: TargetModalMode;
  catalogue: CatalogueReply | undefined;
  onClose: () => void;
  onSaved: (reply: PlanMeasureTargetsReply) => void;
}

const OPS: MeasureTargetOp[] = ['>=', '>', '=', '<=', '<'];
const AUTO = 'auto';
const asNumber = (v: number | string): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Which field a server error names: the form's own names, else above the buttons. */
function fieldOf(field: string | undefined): keyof TargetDraft | 'form' {
  if (field === 'year' || field === 'value' || field === 'measure') return field;
  if (field === 'relative.reference') return 'referenceYear';
  if (field === 'relative.valueTo') return 'valueTo';
  return 'form';
}

/** Adds a target to a saved plan, or corrects one (value, comparison, year, measure, kind). */
export function TargetModal({ planId, mode, catalogue, onClose, onSaved }: Props) {
  const { t, lang } = useI18n();
  const [initial] = useState<TargetDraft>(() =>
    mode.kind === 'edit' ? draftOf(mode.target, mode.measure) : emptyDraft(null, null),
  );
  const [draft, setDraft] = useState<TargetDraft>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof TargetDraft | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<TargetDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const measure = catalogue?.indicators.flatMap((i) => i.measures).find((m) => m.code === draft.measure);
  const decimal = lang === 'vi' ? ',' : '.';

  /** the call the draft makes, or null when it cannot be sent (the reason is shown) */
  const callOf = (): (() => Promise<PlanMeasureTargetsReply>) | null => {
    const missing = missingField(draft, mode.kind === 'add');
    if (missing) {
      setErrors({ [missing]: t('targetRequired') });
      return null;
    }
    if (mode.kind === 'edit') {
      const patch = patchRequest(initial, draft);
      if (Object.keys(patch).length === 0) {
        setErrors({ form: t('targetNothingChanged') });
        return null;
      }
      return () => targetsApi.patchTarget(planId, mode.target.id, patch);
    }
    const create = createRequest(draft);
    return create ? () => targetsApi.addTarget(planId, create) : null;
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const call = callOf();
    if (!call) return;
    setBusy(true);
    setErrors({});
    try {
      onSaved(await call());
    } catch (err) {
      setErrors(err instanceof ApiError ? { [fieldOf(err.field)]: err.message } : { form: errorMessage(err) });
      setBusy(false);
    }
  };

  const title = mode.kind === 'add' ? t('targetModalAdd') : t('targetModalEdit', { no: mode.target.indicatorNo });
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={(e) => void submit(e)} data-testid="target-form">
        <Stack>
          {mode.kind === 'edit' && mode.target.text && (
            <Text size="sm" c="gray.7">
              «{mode.target.text}»
            </Text>
          )}
          <MeasurePicker
            catalogue={catalogue}
            label={t('targetMeasure')}
            value={draft.measure}
            onChange={(m) => set({ measure: m })}
            error={errors.measure}
            testId="target-measure"
          />
          <NumberInput
            label={t('targetYear')}
            required
            allowDecimal={false}
            thousandSeparator={false}
            value={draft.year ?? ''}
            onChange={(v) => set({ year: asNumber(v) })}
            error={errors.year}
            data-testid="target-year"
          />
          <SegmentedControl
            aria-label={t('targetKind')}
            value={draft.kind}
            onChange={(v) => set({ kind: v === 'relative' ? 'relative' : 'level' })}
            data={[
              { value: 'level', label: t('targetKindLevel') },
              { value: 'relative', label: t('targetKindRelative') },
            ]}
          />
          {draft.kind === 'relative' && (
            <Group grow>
              <Select
                label={t('targetChange')}
                data={[
                  { value: 'decrease', label: t('targetChangeDecrease') },
                  { value: 'increase', label: t('targetChangeIncrease') },
                ]}
                value={draft.change}
                onChange={(v) => set({ change: v === 'increase' ? 'increase' : 'decrease' })}
                allowDeselect={false}
              />
              <Select
                label={t('targetReference')}
                data={[
                  { value: 'previous', label: t('targetReferencePrevious') },
                  { value: 'year', label: t('targetReferenceYear') },
                ]}
                value={draft.referenceYear === null ? 'previous' : 'year'}
                onChange={(v) => set({ referenceYear: v === 'year' ? (draft.year ?? 2021) - 1 : null })}
                allowDeselect={false}
              />
              {draft.referenceYear !== null && (
                <NumberInput
                  label={t('targetReferenceYearLabel')}
                  allowDecimal={false}
                  thousandSeparator={false}
                  value={draft.referenceYear}
                  onChange={(v) => set({ referenceYear: asNumber(v) })}
                  error={errors.referenceYear}
                />
              )}
            </Group>
          )}
          <Group grow align="flex-start">
            <Select
              label={t('targetOp')}
              data={[{ value: AUTO, label: t('targetOpFromDirection') }, ...OPS.map((op) => ({ value: op, label: OP_SIGN[op] }))]}
              value={draft.op ?? AUTO}
              onChange={(v) => set({ op: OPS.find((op) => op === v) ?? null })}
              allowDeselect={false}
              data-testid="target-op"
            />
            <NumberInput
              label={
                draft.kind === 'relative'
                  ? t('targetValueRelative')
                  : t('targetValueLevel', { unit: measure ? unitAxisName(measure.unit, lang) : '' })
              }
              required
              decimalSeparator={decimal}
              thousandSeparator={false}
              value={draft.value ?? ''}
              onChange={(v) => set({ value: asNumber(v) })}
              error={errors.value}
              data-testid="target-value"
            />
            {draft.kind === 'relative' && (
              <NumberInput
                label={t('targetValueTo')}
                decimalSeparator={decimal}
                thousandSeparator={false}
                value={draft.valueTo ?? ''}
                onChange={(v) => set({ valueTo: asNumber(v) })}
                error={errors.valueTo}
              />
            )}
          </Group>
          {draft.kind === 'relative' && (
            <Text size="xs" c="gray.7">
              {t('targetRelativeHint')}
            </Text>
          )}
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="target-save">
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
