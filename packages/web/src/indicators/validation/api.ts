import type { ValidationRunReply } from '@tre/core';
import { api } from '../../api/client.ts';

/** The validation run (server indicators/validation). */
export const validationApi = {
  /** the findings of one period, the province's (what the user may read) or, with `unit`, one unit's */
  run: (period: string, unit?: string) =>
    api<ValidationRunReply>(
      'POST',
      `/api/indicators/validation-run?${new URLSearchParams(unit ? { period, unit } : { period }).toString()}`,
    ),
};
