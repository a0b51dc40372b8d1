import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatCountInput, readCountInput } from './entryState.ts';

/**
 * A box for one count. What is typed stays as typed: text that is a count (core counts.ts: `1234`,
 * `1.234`, `1 234`) sets the figure, empty text is "not reported" (null, never 0), and anything
 * else (`12,5`, `-3`, `1e3`) is reported with `onUnreadable` and explained beside the box — never
 * silently turned into another number, as a number input that drops the characters it does not
 * allow would (`12,5` → 125, `-3` → 3). The form is not saved while a box holds such text.
 */
export function CountInput({
  value,
  unreadable,
  onCount,
  onUnreadable,
  error,
  ...rest
}: Omit<TextInputProps, 'value' | 'onChange'> & {
  value: number | null;
  /** the text typed here that is not a count, kept by the form (undefined when none) */
  unreadable: string | undefined;
  onCount: (v: number | null) => void;
  onUnreadable: (text: string) => void;
}) {
  const { lang, t } = useI18n();
  // what was last typed, shown while it still reads as the figure (so 1234 is not regrouped mid-typing)
  const [typed, setTyped] = useState<string | null>(null);
  const typedReading = typed === null ? null : readCountInput(typed);
  const shown =
    unreadable ??
    (typed !== null && typedReading && 'value' in typedReading && typedReading.value === value
      ? typed
      : formatCountInput(value, lang));
  const reading = unreadable === undefined ? null : readCountInput(unreadable);
  const problem = reading && 'problem' in reading ? reading.problem[lang] : undefined;
  return (
    <TextInput
      value={shown}
      onChange={(e) => {
        const text = e.currentTarget.value;
        setTyped(text);
        const r = readCountInput(text);
        if ('value' in r) onCount(r.value);
        else onUnreadable(text);
      }}
      error={problem ? t('entryNotACount', { problem }) : error}
      placeholder={t('entryNotReported')}
      inputMode="numeric"
      autoComplete="off"
      {...rest}
    />
  );
}
