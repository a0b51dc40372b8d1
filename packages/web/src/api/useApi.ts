import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from './client.ts';

/**
 * A GET a module's typed client describes (web/<module>/api.ts): its URL with the reply type bound to
 * it, so a page names the read, never a URL string or a reply type of its own choosing.
 */
export interface Read<T> {
  url: string;
  /** never set: carries the reply type */
  readonly reply?: T;
}

export const read = <T>(url: string): Read<T> => ({ url });

/** GETs a typed read whenever its URL changes; null waits (nothing to read yet); `reload` fetches it again after a write. */
export function useRead<T>(r: Read<T> | null) {
  const url = r?.url ?? null;
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!url) return;
    let live = true;
    setLoading(true);
    api<T>('GET', url)
      .then((d) => {
        if (live) {
          setData(d);
          setError(null);
        }
      })
      .catch((e: unknown) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [url, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}

/** A typed read awaited once, outside useRead: a form fetched again after a save, a card gathering several reads. */
export const fetchRead = <T>(r: Read<T>): Promise<T> => api<T>('GET', r.url);
