import type { Agency } from '../api/types.ts';
import { useRead } from '../api/useApi.ts';
import { unitsReads } from '../units/api.ts';

/**
 * The province's agencies including inactive ones: older plans name bodies (Sở LĐTBXH) that are
 * kept inactive, and a plan must still be able to point at them.
 */
export function useAgencies(): Agency[] {
  const res = useRead(unitsReads.agencies(true));
  return res.data?.items ?? [];
}
