import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import type { ChildField, CircumstanceGroup, Schooling } from '@tre/core';
import { useState, type SyntheticEvent } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormActions } from '../ui/FormActions.tsx';
import { EMPTY_CHILD, type ChildFormValues } from './form.ts';
import { FIELD_LABELS, GROUP_LABELS, REQUIRED_FIELDS, SCHOOLING_LABELS } from './labels.ts';

/**
 * A child's record typed on the screen, new or changed (values in form.ts); a refusal names its
 * field, which is marked here.
 */

const GROUP_LETTERS = Object.keys(GROUP_LABELS) as CircumstanceGroup[];
const SCHOOLINGS = Object.keys(SCHOOLING_LABELS) as Schooling[];

interface ChildFormProps {
  initial: ChildFormValues;
  /** a commune officer's commune: the record is theirs, the field fixed */
  fixedCommune?: string | null;
  submitLabel: string;
  onSubmit: (values: ChildFormValues) => Promise<void>;
  onCancel: () => void;
}

export function ChildForm({ initial, fixedCommune, submitLabel, onSubmit, onCancel }: ChildFormProps) {
  const { t, lang } = useI18n();
  const [values, setValues] = useState<ChildFormValues>(() =>
    fixedCommune ? { ...initial, communeCode: initial.communeCode || fixedCommune } : initial,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const set = (field: ChildField) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const label = (field: ChildField) => FIELD_LABELS[field][lang];
  const fieldError = (field: ChildField) => (error?.field === field ? error.message : undefined);
  // a refusal of something the form has no field for (the record changed meanwhile) is said at the foot
  const generalError = error && !(error.field && error.field in EMPTY_CHILD) ? error.message : null;
  const text = (field: ChildField, extra: { type?: string; placeholder?: string; description?: string } = {}) => (
    <TextInput
      label={label(field)}
      required={REQUIRED_FIELDS.includes(field)}
      value={values[field]}
      onChange={(e) => set(field)(e.currentTarget.value)}
      error={fieldError(field)}
      data-testid={`child-form-${field}`}
      {...extra}
    />
  );
  const groups = values.groups.split(';').filter((g): g is CircumstanceGroup => GROUP_LETTERS.includes(g as CircumstanceGroup));

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (err) {
      setError({ ...(err instanceof ApiError && err.field ? { field: err.field } : {}), message: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="child-form">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Paper withBorder p="md" component="section">
            <Title order={3} size="h4" mb="xs">
              {t('chdSectionPerson')}
            </Title>
            <Stack gap="xs">
              {text('fullName')}
              {text('birthDate', { type: 'date' })}
              <Select
                label={label('sex')}
                required
                data={[
                  { value: 'Nam', label: lang === 'vi' ? 'Nam' : 'Male' },
                  { value: 'Nữ', label: lang === 'vi' ? 'Nữ' : 'Female' },
                ]}
                value={values.sex || null}
                onChange={(v) => set('sex')(v ?? '')}
                error={fieldError('sex')}
                data-testid="child-form-sex"
              />
              {text('ethnicity', { placeholder: 'Kinh' })}
              {text('personalId', { description: t('chdFormIdHint') })}
              <TextInput
                label={label('communeCode')}
                required
                value={values.communeCode}
                onChange={(e) => set('communeCode')(e.currentTarget.value)}
                disabled={Boolean(fixedCommune)}
                description={t('chdFormCommuneHint')}
                error={fieldError('communeCode')}
                data-testid="child-form-communeCode"
              />
              {text('address')}
              <Select
                label={label('disability')}
                clearable
                data={[
                  { value: 'Có', label: lang === 'vi' ? 'Có' : 'Yes' },
                  { value: 'Không', label: lang === 'vi' ? 'Không' : 'No' },
                ]}
                value={values.disability || null}
                onChange={(v) => set('disability')(v ?? '')}
                error={fieldError('disability')}
              />
              <Select
                label={label('schooling')}
                clearable
                data={SCHOOLINGS.map((s) => ({ value: SCHOOLING_LABELS[s].vi, label: SCHOOLING_LABELS[s][lang] }))}
                value={values.schooling || null}
                onChange={(v) => set('schooling')(v ?? '')}
                error={fieldError('schooling')}
              />
            </Stack>
          </Paper>
          <Stack>
            <Paper withBorder p="md" component="section">
              <Title order={3} size="h4" mb="xs">
                {t('chdSectionFamily')}
              </Title>
              <Stack gap="xs">
                {text('motherName')}
                {text('fatherName')}
                {text('carerName')}
                {text('phone', { type: 'tel' })}
              </Stack>
            </Paper>
            <Paper withBorder p="md" component="section">
              <Title order={3} size="h4" mb="xs">
                {t('chdSectionGroups')}
              </Title>
              <Checkbox.Group
                value={groups}
                onChange={(letters) => set('groups')(GROUP_LETTERS.filter((g) => letters.includes(g)).join(';'))}
                error={fieldError('groups')}
                description={t('chdFormGroupsHint')}
              >
                <Stack gap={4} mt="xs">
                  {GROUP_LETTERS.map((g) => (
                    <Checkbox key={g} value={g} label={`${g}) ${GROUP_LABELS[g][lang]}`} data-testid={`child-form-group-${g}`} />
                  ))}
                </Stack>
              </Checkbox.Group>
              {groups.length > 0 && <Stack mt="xs">{text('identifiedOn', { type: 'date' })}</Stack>}
            </Paper>
          </Stack>
        </SimpleGrid>
        <FormActions error={generalError} onCancel={onCancel}>
          <Group>
            <Button type="submit" loading={busy} data-testid="child-form-submit">
              {submitLabel}
            </Button>
          </Group>
        </FormActions>
      </Stack>
    </form>
  );
}
