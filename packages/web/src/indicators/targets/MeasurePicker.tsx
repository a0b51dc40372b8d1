import { Select } from '@mantine/core';
import type { CatalogueReply } from '@tre/core/indicators/indicator-api';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { foldFilter } from '../../ui/foldFilter.ts';

/** Any measure of the catalogue, grouped by indicator, found by words typed without diacritics. */
export function MeasurePicker({
  catalogue,
  value,
  onChange,
  label,
  error,
  testId,
}: {
  catalogue: CatalogueReply | undefined;
  value: string | null;
  onChange: (measure: string | null) => void;
  label?: string;
  error?: string | undefined;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const data = useMemo(
    () =>
      (catalogue?.indicators ?? []).map((ind) => ({
        group: `${ind.no !== null ? `${ind.no}. ` : ''}${ind.name[lang]}`,
        items: ind.measures.map((m) => ({ value: m.code, label: `${ind.no !== null ? `${ind.no}. ` : ''}${m.name[lang]}` })),
      })),
    [catalogue, lang],
  );
  const filter = useMemo(() => foldFilter(), []);
  return (
    <Select
      label={label}
      aria-label={label ?? t('targetMeasure')}
      placeholder={t('targetMeasurePick')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      filter={filter}
      limit={60}
      nothingFoundMessage="—"
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
