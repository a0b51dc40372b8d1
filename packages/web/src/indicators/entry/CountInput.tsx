import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { countFromInput } from './entryState.ts';

/** Counts above this are typing mistakes (Vietnam has ~25 million children). */
export const MAX_COUNT = 999_999_999;

/**
 * A box for one count: whole numbers ≥ 0 only, grouped by thousands as written in the current
 * language (1.234 / 1,234), empty = not reported (null, never 0).
 */
export function CountInput({
  value,
  onCount,
  ...rest
}: Omit<NumberInputProps, 'value' | 'onChange'> & { value: number | null; onCount: (v: number | null) => void }) {
  const { lang, t } = useI18n();
  return (
    <NumberInput
      value={value ?? ''}
      onChange={(v) => {
        const n = countFromInput(v);
        if (n !== undefined) onCount(n);
      }}
      allowDecimal={false}
      allowNegative={false}
      min={0}
      max={MAX_COUNT}
      clampBehavior="strict"
      hideControls
      thousandSeparator={lang === 'vi' ? '.' : ','}
      decimalSeparator={lang === 'vi' ? ',' : '.'}
      placeholder={t('entryNotReported')}
      inputMode="numeric"
      {...rest}
    />
  );
}
