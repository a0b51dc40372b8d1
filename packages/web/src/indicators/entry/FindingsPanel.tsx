import { Alert, Anchor, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Findings, Violation } from './entryState.ts';

/** Focuses the total box of an element (the form lists every element of the data set). */
export function focusElement(code: string): void {
  const input = document.querySelector<HTMLInputElement>(`[data-testid="entry-value-${CSS.escape(code)}"]`);
  if (!input) return;
  input.scrollIntoView({ block: 'center' });
  input.focus();
}

/**
 * A validation run's findings about the unit shown: errors to fix (a numerator above its
 * denominator …), required figures still missing, and warnings to review (outliers).
 */
export function FindingsPanel({
  findings,
  period,
  nameOf,
}: {
  findings: Findings;
  period: string;
  nameOf: (code: string) => string | null;
}) {
  const { t, lang } = useI18n();
  const [showMissing, setShowMissing] = useState(false);
  const { errors, missing, warnings } = findings;
  const none = errors.length + missing.length + warnings.length === 0;
  const item = (v: Violation, i: number) => {
    const target = v.elements.find((e) => nameOf(e) !== null);
    return (
      <List.Item key={i}>
        <Text size="sm" span>
          {v.message[lang]}
        </Text>
        {target && (
          <Anchor component="button" type="button" size="xs" ml="xs" onClick={() => focusElement(target)}>
            {t('entryGoTo')}
          </Anchor>
        )}
      </List.Item>
    );
  };
  return (
    <Stack gap="xs" data-testid="entry-findings">
      <Text fw={600}>{t('entryFindingsTitle', { period })}</Text>
      {none && (
        <Alert color="teal" variant="light">
          {t('entryFindingsNone')}
        </Alert>
      )}
      {errors.length > 0 && (
        <Alert color="red" variant="light" title={t('entryFindingsErrors', { n: errors.length })}>
          <List size="sm" spacing={2}>
            {errors.map(item)}
          </List>
        </Alert>
      )}
      {missing.length > 0 && (
        <Alert color="red" variant="light" title={t('entryFindingsMissing', { n: missing.length })}>
          <Anchor component="button" type="button" size="sm" onClick={() => setShowMissing((s) => !s)}>
            {showMissing ? '▾' : '▸'} {t('details')}
          </Anchor>
          {showMissing && (
            <Group gap="xs" mt="xs">
              {missing.flatMap((v) =>
                v.elements.map((e) => (
                  <Anchor key={e} component="button" type="button" size="xs" onClick={() => focusElement(e)}>
                    {nameOf(e) ?? e}
                  </Anchor>
                )),
              )}
            </Group>
          )}
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert color="orange" variant="light" title={t('entryFindingsWarnings', { n: warnings.length })}>
          <List size="sm" spacing={2}>
            {warnings.map(item)}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
