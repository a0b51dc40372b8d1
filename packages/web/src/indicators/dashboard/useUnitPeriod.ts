import { isPeriodCode } from '@tre/core/periods/period';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../session/session.tsx';
import { defaultPeriod, defaultUnit, type UnitChoice } from '../UnitPeriodPicker.tsx';

/** The kind of a unit code as the API takes it: the province's code, a 5-digit commune, else an agency id. */
export function unitFromCode(code: string, provinceCode: string): UnitChoice {
  if (code === provinceCode) return { kind: 'province', code };
  if (/^\d{5}$/.test(code)) return { kind: 'commune', code };
  return { kind: 'agency', code };
}

/** `unit=…&period=…` for links that keep the unit and period. */
export function unitPeriodQuery(unit: string, period: string): string {
  return new URLSearchParams({ unit, period }).toString();
}

/**
 * The unit and period of an indicator screen, kept in the URL (`?unit=40&period=2025`) so a link can
 * be shared; without them, the user's own unit and the latest complete year. Each change is a new
 * history entry, so Back returns from a commune to the province.
 */
export function useUnitPeriod() {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const provinceCode = user?.provinceCode ?? '';
  const unitParam = params.get('unit');
  const periodParam = params.get('period');
  const unit = useMemo<UnitChoice>(
    () =>
      unitParam ? unitFromCode(unitParam, provinceCode) : user ? defaultUnit(user) : { kind: 'province', code: provinceCode },
    [unitParam, provinceCode, user],
  );
  const period = periodParam && isPeriodCode(periodParam) ? periodParam : defaultPeriod();

  const set = useCallback(
    (next: { unit?: string; period?: string }) =>
      setParams((prev) => {
        const p = new URLSearchParams(prev);
        p.set('unit', next.unit ?? prev.get('unit') ?? unit.code);
        p.set('period', next.period ?? prev.get('period') ?? period);
        return p;
      }),
    [setParams, unit.code, period],
  );
  const setUnit = useCallback((u: UnitChoice | string) => set({ unit: typeof u === 'string' ? u : u.code }), [set]);
  const setPeriod = useCallback((p: string) => set({ period: p }), [set]);
  return { unit, period, provinceCode, setUnit, setPeriod, query: unitPeriodQuery(unit.code, period) };
}
