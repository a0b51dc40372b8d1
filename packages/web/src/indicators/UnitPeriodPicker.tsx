import { Group, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { parsePeriod, periodLabel } from '@tre/core/periods/period';
import { useMemo, useState } from 'react';
import { useSession } from '../session/session.tsx';
import type { SessionUser } from '../api/types.ts';
import { useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { indicatorsPermissions } from '@tre/core';
import { scopeFor } from '../session/can.ts';
import { unitsReads } from '../units/api.ts';

/**
 * The unit and period an indicator screen shows. Units: the province itself, one of its communes or
 * one of its agencies, keyed by the code the API takes (statistics-office code, or the agency id).
 * What a user may pick follows what the server lets them read: the standing body and viewers any
 * unit, a commune officer the province and their own commune, an agency reporter the province and
 * their own agency. The server checks again.
 */
export interface UnitChoice {
  kind: 'province' | 'commune' | 'agency';
  code: string;
}

export const canPickAnyUnit = (user: SessionUser | null): boolean =>
  scopeFor(user, indicatorsPermissions, 'values.read') === 'province';

/** The unit a user starts on: their own commune or agency, else the province. */
export function defaultUnit(user: SessionUser): UnitChoice {
  const scope = scopeFor(user, indicatorsPermissions, 'values.read');
  if (scope === 'own_commune' && user.communeCode) return { kind: 'commune', code: user.communeCode };
  if (scope === 'own_agency' && user.agencyId) return { kind: 'agency', code: user.agencyId };
  return { kind: 'province', code: user.provinceCode };
}

/** Years offered: from the programme's start (2021) to next year, newest first. */
export function yearsOffered(now = new Date()): number[] {
  const last = now.getFullYear() + 1;
  return Array.from({ length: last - 2021 + 1 }, (_, i) => last - i);
}

/** Period codes offered: each year, then its two halves (2025, 2025S1, 2025S2). */
export function periodsOffered(now = new Date()): string[] {
  return yearsOffered(now).flatMap((y) => [String(y), `${y}S1`, `${y}S2`]);
}

/** The latest complete year: what a dashboard opens on. */
export const defaultPeriod = (now = new Date()): string => String(now.getFullYear() - 1);

export function PeriodSelect({
  value,
  onChange,
  yearsOnly = false,
}: {
  value: string;
  onChange: (period: string) => void;
  yearsOnly?: boolean;
}) {
  const { t, lang } = useI18n();
  const data = (yearsOnly ? yearsOffered().map(String) : periodsOffered()).map((code) => {
    const p = parsePeriod(code);
    return { value: code, label: p ? periodLabel(p)[lang] : code };
  });
  return (
    <Select
      label={t('period')}
      data={data}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={240}
      data-testid="period-select"
    />
  );
}

/**
 * A searchable choice of the province, its communes (searched on the server, 20 at a time) and its
 * agencies. `kinds` limits what is offered (an entry form for the province data set needs no agency).
 */
export function UnitSelect({
  value,
  onChange,
  kinds = ['province', 'commune', 'agency'],
}: {
  value: UnitChoice;
  onChange: (unit: UnitChoice) => void;
  kinds?: UnitChoice['kind'][];
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const anyUnit = canPickAnyUnit(user);
  const province = useRead(unitsReads.provinces());
  const communeParams = new URLSearchParams({ limit: '20', offset: '0' });
  if (q) communeParams.set('q', q);
  const communes = useRead(kinds.includes('commune') && anyUnit ? unitsReads.communes(communeParams) : null);
  const own = useRead(!anyUnit && user?.communeCode ? unitsReads.commune(user.communeCode) : null);
  // the chosen commune may not be on the current search page: fetch its name once
  const chosen = useRead(value.kind === 'commune' && anyUnit ? unitsReads.commune(value.code) : null);
  const agencies = useRead(kinds.includes('agency') ? unitsReads.agencies() : null);

  const groups = useMemo(() => {
    if (!user) return [];
    const key = (u: UnitChoice) => `${u.kind}:${u.code}`;
    const provinceName = province.data?.items.find((p) => p.code === user.provinceCode)?.name ?? user.provinceCode;
    const out: { group: string; items: { value: string; label: string }[] }[] = [];
    if (kinds.includes('province'))
      out.push({
        group: t('unitProvince'),
        items: [{ value: key({ kind: 'province', code: user.provinceCode }), label: provinceName }],
      });
    if (kinds.includes('commune')) {
      const list = anyUnit
        ? [...(communes.data?.items ?? []), ...(chosen.data ? [chosen.data] : [])]
        : own.data
          ? [own.data]
          : [];
      const unique = [...new Map(list.map((c) => [c.code, c])).values()];
      out.push({
        group: t('unitCommunes'),
        items: unique.map((c) => ({ value: key({ kind: 'commune', code: c.code }), label: `${c.name} (${c.code})` })),
      });
    }
    if (kinds.includes('agency')) {
      const list = (agencies.data?.items ?? []).filter((a) => a.active && (anyUnit || a.id === user.agencyId));
      out.push({
        group: t('unitAgencies'),
        items: list.map((a) => ({ value: key({ kind: 'agency', code: a.id }), label: a.shortName })),
      });
    }
    return out.filter((g) => g.items.length > 0);
  }, [user, kinds, anyUnit, province.data, communes.data, chosen.data, own.data, agencies.data, t]);

  return (
    <Select
      label={t('unit')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={groups}
      value={`${value.kind}:${value.code}`}
      onChange={(v) => {
        if (!v) return;
        const [kind, ...rest] = v.split(':');
        onChange({ kind: kind as UnitChoice['kind'], code: rest.join(':') });
      }}
      allowDeselect={false}
      nothingFoundMessage={t('unitNotFound')}
      w={320}
      data-testid="unit-select"
    />
  );
}

export function UnitPeriodPicker(props: {
  unit: UnitChoice;
  period: string;
  onUnit: (u: UnitChoice) => void;
  onPeriod: (p: string) => void;
  kinds?: UnitChoice['kind'][];
  yearsOnly?: boolean;
}) {
  return (
    <Group align="flex-end">
      <UnitSelect value={props.unit} onChange={props.onUnit} {...(props.kinds ? { kinds: props.kinds } : {})} />
      <PeriodSelect value={props.period} onChange={props.onPeriod} yearsOnly={props.yearsOnly ?? false} />
    </Group>
  );
}
