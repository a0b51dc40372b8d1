import { Select } from '@mantine/core';
import { BODY_GROUPS, type BodyResolution } from '@tre/core/plans/plan-api';
import { useMemo } from 'react';
import type { Agency } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { decodeResolution, encodeResolution } from './bodies.ts';
import { agencyKeywords, foldFilter } from '../ui/foldFilter.ts';

interface Props {
  name: string;
  value: BodyResolution;
  agencies: Agency[];
  onChange: (resolution: BodyResolution) => void;
  disabled?: boolean;
}

/** One searchable select for every way a body name can be resolved: an agency, a group, external, not tracked. */
export function BodyResolutionSelect({ name, value, agencies, onChange, disabled }: Props) {
  const { t } = useI18n();
  const data = useMemo(
    () => [
      {
        group: t('planBodyOptAgencies'),
        items: agencies.map((a) => ({
          value: encodeResolution({ kind: 'agency', agencyId: a.id }),
          label: a.active ? a.shortName : t('planBodyInactive', { name: a.shortName }),
        })),
      },
      {
        group: t('planBodyOptGroups'),
        items: BODY_GROUPS.map((g) => ({ value: encodeResolution({ kind: 'group', group: g }), label: t(`group_${g}`) })),
      },
      {
        group: t('planBodyOptOther'),
        items: [
          { value: 'external', label: t('planBodyExternal') },
          { value: 'not_tracked', label: t('planBodyNotTracked') },
          { value: 'unresolved', label: t('planBodyUnresolved') },
        ],
      },
    ],
    [agencies, t],
  );
  // an agency is found by its full name and aliases too ("giao duc" finds Sở GD&ĐT)
  const filter = useMemo(
    () => foldFilter(agencyKeywords(agencies, (id) => encodeResolution({ kind: 'agency', agencyId: id }))),
    [agencies],
  );
  const unresolved = value.kind === 'unresolved';
  return (
    <Select
      aria-label={t('planBodyResolutionOf', { name })}
      data-testid={`body-resolution-${name}`}
      data={data}
      value={encodeResolution(value)}
      searchable
      filter={filter}
      allowDeselect={false}
      disabled={disabled}
      // unresolved is a warning (to be done), not an error: orange, not red
      styles={unresolved ? { input: { borderColor: 'var(--mantine-color-orange-6)' } } : undefined}
      comboboxProps={{ withinPortal: true }}
      onChange={(v) => v && onChange(decodeResolution(v))}
      miw={220}
    />
  );
}
