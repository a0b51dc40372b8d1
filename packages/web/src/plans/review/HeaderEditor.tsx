import { Group, NumberInput, Select, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import type { PlanDocument } from '@tre/core/plans/plan-format';
import type { Dispatch } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ReviewAction } from './reviewState.ts';

const DOC_TYPES: PlanDocument['documentType'][] = ['plan', 'letter', 'other'];

const yearOrNull = (v: string | number): number | null => (typeof v === 'number' ? v : null);

export function HeaderEditor({ doc, dispatch }: { doc: PlanDocument; dispatch: Dispatch<ReviewAction> }) {
  const { t } = useI18n();
  const set = (patch: Partial<PlanDocument>) => dispatch({ type: 'header', patch });
  return (
    <Stack gap="sm">
      <Textarea
        label={t('planTitle')}
        required
        autosize
        minRows={2}
        value={doc.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
      />
      <Group grow align="flex-start">
        <Select
          label={t('planType')}
          data={DOC_TYPES.map((d) => ({ value: d, label: t(`docType_${d}`) }))}
          value={doc.documentType}
          allowDeselect={false}
          onChange={(v) => v && set({ documentType: v })}
        />
        <TextInput
          label={t('planNumber')}
          value={doc.documentNumber ?? ''}
          onChange={(e) => set({ documentNumber: e.currentTarget.value || null })}
        />
      </Group>
      <TextInput
        label={t('planIssuer')}
        value={doc.issuer ?? ''}
        onChange={(e) => set({ issuer: e.currentTarget.value || null })}
      />
      <Group grow>
        <NumberInput
          label={t('planYearFrom')}
          min={1990}
          max={2100}
          value={doc.years.from ?? ''}
          onChange={(v) => set({ years: { ...doc.years, from: yearOrNull(v) } })}
        />
        <NumberInput
          label={t('planYearTo')}
          min={1990}
          max={2100}
          value={doc.years.to ?? ''}
          onChange={(v) => set({ years: { ...doc.years, to: yearOrNull(v) } })}
        />
      </Group>
      <TagsInput label={t('planCitations')} value={doc.citations} onChange={(citations) => set({ citations })} />
    </Stack>
  );
}
