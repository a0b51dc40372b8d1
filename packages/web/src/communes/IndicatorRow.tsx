import { Anchor, Badge, Checkbox, Group, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { IndicatorEntryDto, ValueKind } from '@tre/core';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { communesApi } from './api.ts';
import { valueText, type EntryProblem, type EntryState, type ValueInputs } from './form.ts';

/** The inputs of one value: numerator and denominator of a rate, a count, or yes/no. */
export function ValueFields({
  code,
  kind,
  inputs,
  onChange,
  error,
  disabled = false,
  label,
}: {
  code: string;
  kind: ValueKind;
  inputs: ValueInputs;
  onChange: (next: ValueInputs) => void;
  error?: string | undefined;
  disabled?: boolean;
  /** the indicator's name, for the inputs' accessible names */
  label: string;
}) {
  const { t } = useI18n();
  if (kind === 'boolean') {
    return (
      <Radio.Group
        label={`${label}: ${t('cfcValue')}`}
        value={inputs.yes}
        onChange={(v) => onChange({ ...inputs, yes: v === 'yes' ? 'yes' : v === 'no' ? 'no' : '' })}
        error={error}
        data-testid={`cfc-input-${code}-yes`}
      >
        <Group gap="md" mt={4}>
          <Radio value="yes" label={t('cfcYes')} disabled={disabled} />
          <Radio value="no" label={t('cfcNo')} disabled={disabled} />
        </Group>
      </Radio.Group>
    );
  }
  if (kind === 'count') {
    return (
      <TextInput
        label={`${label}: ${t('cfcCount')}`}
        inputMode="numeric"
        w={220}
        value={inputs.count}
        onChange={(e) => onChange({ ...inputs, count: e.currentTarget.value })}
        error={error}
        disabled={disabled}
        data-testid={`cfc-input-${code}-count`}
      />
    );
  }
  return (
    <Group align="flex-start" gap="sm">
      <TextInput
        label={t('cfcNumerator')}
        aria-label={`${label}: ${t('cfcNumerator')}`}
        inputMode="numeric"
        w={180}
        value={inputs.numerator}
        onChange={(e) => onChange({ ...inputs, numerator: e.currentTarget.value })}
        error={error}
        disabled={disabled}
        data-testid={`cfc-input-${code}-numerator`}
      />
      <TextInput
        label={t('cfcDenominator')}
        aria-label={`${label}: ${t('cfcDenominator')}`}
        inputMode="numeric"
        w={180}
        value={inputs.denominator}
        onChange={(e) => onChange({ ...inputs, denominator: e.currentTarget.value })}
        disabled={disabled}
        data-testid={`cfc-input-${code}-denominator`}
      />
    </Group>
  );
}

/**
 * One indicator of a criterion: what earns its points, the figure Tre holds with its source (kept
 * unless overridden with a reason), the value entered by hand with its evidence files, the points
 * it scores and why it lost some. Editable only while the commune may still change its assessment.
 */
export function IndicatorRow({
  e,
  state,
  problem,
  editable,
  onChange,
}: {
  e: IndicatorEntryDto;
  state: EntryState | undefined;
  problem: EntryProblem | undefined;
  editable: boolean;
  onChange: (next: EntryState) => void;
}) {
  const { t, lang } = useI18n();
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const name = `${e.code}. ${e.name[lang]}`;
  const lost = e.maxPoints - e.points;

  async function upload(files: FileList | null) {
    const file = files?.[0];
    if (!file || !state) return;
    setUploading(true);
    setUploadError(null);
    try {
      const stored = await communesApi.uploadEvidence(file);
      onChange({ ...state, evidence: [...state.evidence, stored] });
    } catch (err) {
      setUploadError(errorMessage(err));
    } finally {
      setUploading(false);
    }
  }

  const source = e.prefill
    ? e.prefill.module === 'indicators'
      ? t('cfcFromIndicators', { source: e.prefill.elements.join(' / ') })
      : e.prefill.module === 'children'
        ? t('cfcFromRegister', { source: e.prefill.elements.join(', ') })
        : t('cfcFromCases', { source: e.prefill.elements.join(', ') })
    : null;
  const evidence = state?.evidence ?? e.evidence;

  return (
    <Stack
      gap={6}
      py="sm"
      data-testid="cfc-indicator"
      data-indicator={e.code}
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={0}>
          <Text fw={600}>{name}</Text>
          <Text size="xs" c="dimmed">
            {e.requirement[lang]}
          </Text>
        </Stack>
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="cfc-indicator-points">
          {lost > 0 && <span aria-hidden="true">▼ </span>}
          {t('cfcPoints', { points: e.points, max: e.maxPoints })}
        </Text>
      </Group>

      {e.prefill && source && (
        <Text size="sm" data-testid="cfc-prefill">
          <Badge variant="outline" color="gray" mr={6} styles={{ root: { textTransform: 'none' } }}>
            {source}
          </Badge>
          {e.prefill.detail} → {valueText(e.prefill.value, lang, t('cfcNoFigure'))}
        </Text>
      )}
      {!e.prefill && !editable && (
        <Text size="sm">
          {t('cfcValue')}: {valueText(e.entered, lang, t('cfcNoFigure'))}
        </Text>
      )}
      {e.prefill && !editable && e.entered && (
        <Text size="sm" data-testid="cfc-overridden">
          {t('cfcValue')}: {valueText(e.entered, lang, t('cfcNoFigure'))} —{' '}
          {t('cfcOverridden', { reason: e.overrideReason ?? '' })}
        </Text>
      )}

      {editable && state && (
        <Stack gap={6}>
          {state.prefilled && (
            <Checkbox
              label={t('cfcOverride')}
              checked={state.override}
              onChange={(ev) => onChange({ ...state, override: ev.currentTarget.checked })}
              data-testid={`cfc-override-${e.code}`}
            />
          )}
          {(!state.prefilled || state.override) && (
            <ValueFields
              code={e.code}
              kind={state.kind}
              inputs={state.inputs}
              label={name}
              onChange={(inputs) => onChange({ ...state, inputs })}
              error={problem === 'value' ? t('cfcValueInvalid') : undefined}
            />
          )}
          {state.prefilled && state.override && (
            <Textarea
              label={t('cfcOverrideReason')}
              required
              autosize
              minRows={1}
              maxLength={2000}
              value={state.reason}
              onChange={(ev) => onChange({ ...state, reason: ev.currentTarget.value })}
              error={problem === 'reason' ? t('cfcOverrideReasonRequired') : undefined}
              data-testid={`cfc-reason-${e.code}`}
            />
          )}
        </Stack>
      )}

      {e.corrected && (
        <Text size="sm" fw={600} data-testid="cfc-corrected">
          <span aria-hidden="true">✎ </span>
          {t('cfcCorrectedValue', { value: valueText(e.corrected, lang, t('cfcNoFigure')) })}
        </Text>
      )}
      {e.shortfall && (
        <Text size="sm" c="orange.9">
          <span aria-hidden="true">▼ </span>
          {e.shortfall[lang]}
        </Text>
      )}

      {(evidence.length > 0 || editable) && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('cfcEvidence')}
          </Text>
          {evidence.map((f) => (
            <Group key={f.id} gap="xs">
              <Anchor href={communesApi.evidenceHref(f.id)} size="sm" data-testid="cfc-evidence-file">
                {f.fileName}
              </Anchor>
              {editable && state && (
                <Anchor
                  component="button"
                  type="button"
                  size="xs"
                  c="red.8"
                  onClick={() => onChange({ ...state, evidence: state.evidence.filter((x) => x.id !== f.id) })}
                >
                  {t('cfcEvidenceRemove', { name: f.fileName })}
                </Anchor>
              )}
            </Group>
          ))}
          {editable && state && (
            <label style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
              {t('cfcEvidenceAdd')}:{' '}
              <input
                type="file"
                disabled={uploading}
                onChange={(ev) => {
                  const input = ev.currentTarget;
                  void upload(input.files).then(() => {
                    input.value = '';
                  });
                }}
                data-testid={`cfc-evidence-${e.code}`}
              />
              {uploading && ` ${t('cfcEvidenceUploading')}`}
            </label>
          )}
          {uploadError && (
            <Text size="sm" c="red.8" role="alert">
              {uploadError}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
