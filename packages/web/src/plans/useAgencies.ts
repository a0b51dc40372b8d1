import type { Agency } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';

/**
 * The province's agencies including inactive ones: older plans name bodies (Sở LĐTBXH) that are
 * kept inactive, and a plan must still be able to point at them.
 */
export function useAgencies(): Agency[] {
  const res = useApi<{ items: Agency[] }>('/api/agencies?includeInactive=true');
  return res.data?.items ?? [];
}
