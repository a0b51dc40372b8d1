import { Alert, Stack } from '@mantine/core';
import type { BodyResolution, PlanDetailDto } from '@tre/core/plans/plan-api';
import { useState } from 'react';
import { useSession } from '../../session/session.tsx';
import { errorMessage } from '../../api/client.ts';
import type { Agency } from '../../api/types.ts';
import { canManagePlans } from '../access.ts';
import { plansApi } from '../api.ts';
import { BodiesTable } from '../BodiesTable.tsx';
import { UndecidedLeadTasks } from './UndecidedLeadTasks.tsx';

/**
 * The saved plan's body names and what they mean; the standing body fixes the unresolved ones here
 * (one decision applies to the name and its similar names in every task of the plan, and is
 * remembered for the province's next plans). Below, the tasks whose lead is still to be decided.
 */
export function PlanBodiesTab({ plan, agencies, onChanged }: { plan: PlanDetailDto; agencies: Agency[]; onChanged: () => void }) {
  const { user } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const resolve = async (names: string[], resolution: BodyResolution) => {
    const [name] = names;
    if (name === undefined) return;
    try {
      await plansApi.decideBody(plan.id, { name, resolution });
      setError(null);
      setVersion((v) => v + 1);
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Stack>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <BodiesTable
        rows={plan.bodies}
        agencies={agencies}
        onResolve={canManagePlans(user) ? (names, r) => void resolve(names, r) : undefined}
      />
      {plan.undecidedLeadCount > 0 && <UndecidedLeadTasks planId={plan.id} version={version} />}
    </Stack>
  );
}
