import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { ACTION_LABELS, type CaseAction, type CaseDto, type FormField } from '@tre/core';
import { useState, type SubmitEvent } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { FormActions } from '../ui/FormActions.tsx';
import { casesApi } from './api.ts';
import {
  emptyStepValues,
  fieldOf,
  formHasComments,
  stepFields,
  stepProblems,
  stepRequest,
  type FieldProblem,
  type StepValues,
} from './form.ts';

const PROBLEM_TEXT: Readonly<Record<FieldProblem, MessageKey>> = {
  required: 'casProblemRequired',
  invalid: 'casProblemInvalid',
};

/**
 * A step's legal form drawn from its fields as data (core STEP_FORMS): the same list the server
 * checks the step against, so a field added to a form in core appears here without a screen change.
 * A moment is typed in Vietnam time and sent with +07:00; a yes/no is asked, never pre-ticked.
 */
export function StepForm({
  fields,
  values,
  onChange,
  errors,
}: {
  fields: readonly FormField[];
  values: StepValues;
  onChange: (key: string, value: string | string[]) => void;
  errors: Readonly<Record<string, string>>;
}) {
  const { t, lang } = useI18n();
  return (
    <Stack gap="sm">
      {fields.map((f, i) => {
        // the dialog opens on its first field (Mantine's focus trap takes the element marked), not on its close button
        const first = i === 0 ? { 'data-autofocus': true } : {};
        const common = {
          label: f.label[lang],
          required: f.required,
          error: errors[f.key],
          'data-field': f.key,
          'data-testid': `step-field-${f.key}`,
        };
        const text = typeof values[f.key] === 'string' ? (values[f.key] as string) : '';
        const list = Array.isArray(values[f.key]) ? (values[f.key] as string[]) : [];
        switch (f.kind) {
          case 'text':
            return (
              <TextInput
                key={f.key}
                {...common}
                maxLength={300}
                value={text}
                onChange={(e) => onChange(f.key, e.currentTarget.value)}
              />
            );
          case 'longtext':
            return (
              <Textarea
                key={f.key}
                {...common}
                {...first}
                autosize
                minRows={3}
                maxLength={5000}
                value={text}
                onChange={(e) => onChange(f.key, e.currentTarget.value)}
              />
            );
          case 'date':
            return (
              <TextInput
                key={f.key}
                {...common}
                type="date"
                w={220}
                value={text}
                onChange={(e) => onChange(f.key, e.currentTarget.value)}
              />
            );
          case 'datetime':
            return (
              <TextInput
                key={f.key}
                {...common}
                {...first}
                type="datetime-local"
                description={t('casVietnamTime')}
                w={280}
                value={text}
                onChange={(e) => onChange(f.key, e.currentTarget.value)}
              />
            );
          case 'bool':
            return (
              <Radio.Group key={f.key} {...common} value={text} onChange={(v) => onChange(f.key, v)}>
                <Group mt={6}>
                  <Radio value="yes" label={t('casYes')} {...first} />
                  <Radio value="no" label={t('casNo')} />
                </Group>
              </Radio.Group>
            );
          case 'choice':
            return (
              <Radio.Group key={f.key} {...common} value={text} onChange={(v) => onChange(f.key, v)}>
                <Stack gap={6} mt={6}>
                  {(f.options ?? []).map((o, j) => (
                    <Radio key={o.value} value={o.value} label={o.label[lang]} {...(j === 0 ? first : {})} />
                  ))}
                </Stack>
              </Radio.Group>
            );
          case 'multi':
            return (
              <Checkbox.Group key={f.key} {...common} value={list} onChange={(v) => onChange(f.key, v)}>
                <Stack gap={6} mt={6}>
                  {(f.options ?? []).map((o, j) => (
                    <Checkbox key={o.value} value={o.value} label={o.label[lang]} {...(j === 0 ? first : {})} />
                  ))}
                </Stack>
              </Checkbox.Group>
            );
        }
      })}
    </Stack>
  );
}

/**
 * One of the actions open now, as a dialog: its form, a free comment (unless the form asks for
 * comments itself), sent with the version of the case read. When someone took a step meanwhile the
 * server refuses it (409): the case is read again behind the dialog, which keeps what was typed.
 */
export function StepModal({
  caseDto,
  action,
  onClose,
  onDone,
  onStale,
}: {
  caseDto: CaseDto;
  action: CaseAction;
  onClose: () => void;
  /** the step is recorded: read the case again */
  onDone: () => Promise<void> | void;
  /** the case changed meanwhile: read it again (the dialog stays) */
  onStale: () => void;
}) {
  const { t, lang } = useI18n();
  const fields = stepFields(action);
  const [values, setValues] = useState<StepValues>(() => emptyStepValues(fields, new Date()));
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [refusal, setRefusal] = useState<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const stillOpen = caseDto.actions.includes(action);
  const known = [...fields.map((f) => f.key), 'comment'];

  const errors: Record<string, string> = {};
  for (const f of fields) {
    const p = problems[f.key];
    if (p) errors[f.key] = t(PROBLEM_TEXT[p]);
    else if (refusal?.field === f.key) errors[f.key] = refusal.message;
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setRefusal(null);
    const found = stepProblems(fields, values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await casesApi.step(caseDto.id, stepRequest(action, values, comment, caseDto.version));
      await onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        onStale();
        setRefusal({ field: null, message: t('casStale') });
      } else {
        const field = err instanceof ApiError ? fieldOf(err.field, known, 'data.') : null;
        setRefusal({ field, message: errorMessage(err) });
      }
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={ACTION_LABELS[action][lang]} size="lg" data-testid="step-modal">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid={`step-form-${action}`}>
        <Stack>
          {fields.length === 0 && <Text size="sm">{t('casStepNoForm')}</Text>}
          <StepForm
            fields={fields}
            values={values}
            onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
            errors={errors}
          />
          {!formHasComments(action) && (
            <Textarea
              label={t('casStepComment')}
              autosize
              minRows={2}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              error={refusal?.field === 'comment' ? refusal.message : undefined}
              data-autofocus={fields.length === 0 || undefined}
              data-testid="step-comment"
            />
          )}
          {!stillOpen && (
            <Alert color="orange" data-testid="step-no-longer-open">
              {t('casStepNoLongerOpen')}
            </Alert>
          )}
          <FormActions error={refusal && refusal.field === null ? refusal.message : null} onCancel={onClose}>
            <Button type="submit" loading={busy} disabled={!stillOpen} data-testid="step-submit">
              {t('casStepSubmit')}
            </Button>
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
