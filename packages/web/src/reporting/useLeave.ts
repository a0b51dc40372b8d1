import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { BACK, goBackPastGuard, useLeaveGuard, type LeaveTarget } from '../ui/useLeaveGuard.ts';

/** Leaving a page with unsaved text asks first (ui/useLeaveGuard.ts); leaving anyway drops the edits, then goes. */
export function useLeave(dirty: boolean, discard: () => void) {
  const navigate = useNavigate();
  const [pending, setPending] = useState<LeaveTarget | null>(null);
  const onLink = useCallback((to: LeaveTarget) => setPending(to), []);
  useLeaveGuard(dirty, onLink);
  const leave = () => {
    const to = pending;
    setPending(null);
    if (to === null) return;
    discard();
    if (to === BACK) goBackPastGuard();
    else void navigate(to);
  };
  return { pending: pending !== null, stay: () => setPending(null), leave };
}
