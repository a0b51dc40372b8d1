import { Alert, Stack } from '@mantine/core';
import type { BodyResolution, PlanDetailDto } from '@tre/core/plans/plan-api';
import { useState } from 'react';
import { useSession } from '../../session/session.tsx';
import { errorMessage } from '../../api/client.ts';
import type { Agency } from '../../api/types.ts';
import { useRead } from '../../api/useApi.ts';
import { canManagePlans } from '../access.ts';
import { plansApi, plansReads } from '../api.ts';
import { BodiesTable, type BodyRow } from '../BodiesTable.tsx';

/**
 * The saved plan's body names and what they mean; the standing body fixes the unresolved ones here
 * (one decision per name applies to every task of the plan that names it).
 */
export function PlanBodiesTab({ plan, agencies, onChanged }: { plan: PlanDetailDto; agencies: Agency[]; onChanged: () => void }) {
  const { user } = useSession();
  // The detail has no body list of its own: every task's bodies, unfiltered, give it.
  const tasks = useRead(plansReads.tasks(plan.id));
  const [error, setError] = useState<string | null>(null);

  const rows = new Map<string, BodyRow>();
  const add = (name: string, resolution: BodyResolution) => {
    const row = rows.get(name);
    if (row) row.count += 1;
    else rows.set(name, { name, resolution, count: 1, candidates: [] });
  };
  for (const task of tasks.data?.items ?? []) for (const b of task.bodies) add(b.name, b.resolution);
  for (const a of plan.assignments) add(a.agency, a.resolution);

  const resolve = async (name: string, resolution: BodyResolution) => {
    try {
      await plansApi.decideBody(plan.id, { name, resolution });
      setError(null);
      tasks.reload();
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Stack>
      {(error ?? tasks.error) && (
        <Alert color="red" role="alert">
          {error ?? tasks.error}
        </Alert>
      )}
      <BodiesTable
        rows={[...rows.values()]}
        agencies={agencies}
        onResolve={canManagePlans(user) ? (name, r) => void resolve(name, r) : undefined}
      />
    </Stack>
  );
}
