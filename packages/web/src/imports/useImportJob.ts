import type { ImportJobDto } from '@tre/core/imports/import-api';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { importsApi } from './api.ts';

const POLL_MS = 1000;

/** Follows an import job: read now, then every second while it waits or runs. */
export function useImportJob(id: string | null) {
  const [job, setJob] = useState<ImportJobDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setJob(null);
    setError(null);
    if (!id) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        const j = await importsApi.job(id);
        if (stopped) return;
        setJob(j);
        if (j.status === 'queued' || j.status === 'running') timer = setTimeout(() => void read(), POLL_MS);
      } catch (err) {
        if (!stopped) setError(errorMessage(err));
      }
    };
    void read();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id]);
  return { job, error, setJob };
}
