import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { ImportJobDto } from '@tre/core/imports/import-api';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { importsApi } from './api.ts';

/**
 * Where an import job stands: waiting, a progress bar while it runs (rows processed of rows in the
 * file), or why it failed with a retry when it stopped part-way. A finished job is shown by the
 * page that knows its rows.
 */
export function ImportJobProgress({ job, onChange }: { job: ImportJobDto; onChange: (j: ImportJobDto) => void }) {
  const { t, lang } = useI18n();
  const [retrying, setRetrying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const number = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');

  if (job.status === 'failed') {
    const retry = async () => {
      setRetrying(true);
      setError(null);
      try {
        onChange(await importsApi.retry(job.id));
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setRetrying(false);
      }
    };
    return (
      <Alert color="red" role="alert" data-testid="import-error" title={t('importFailedTitle', { name: job.fileName })}>
        <Stack gap="xs">
          <Text size="sm">{job.error?.[lang]}</Text>
          {job.rowsDone > 0 && <Text size="sm">{t('importStoppedPartly', { done: number.format(job.rowsDone) })}</Text>}
          {job.retryable && (
            <Group>
              <Button size="xs" variant="default" loading={retrying} onClick={() => void retry()}>
                {t('importRetry')}
              </Button>
            </Group>
          )}
          {error && <Text size="sm">{error}</Text>}
        </Stack>
      </Alert>
    );
  }
  if (job.status === 'done') return null;
  const total = job.rowsTotal;
  const pct = total ? Math.min(100, (100 * job.rowsDone) / Math.max(1, total)) : 0;
  const label =
    job.status === 'queued'
      ? t('importQueued')
      : total === null
        ? t('importCounting')
        : t('importProgress', { done: number.format(job.rowsDone), total: number.format(total) });
  return (
    <Stack gap={6} maw={640} data-testid="import-progress">
      <Text size="sm" aria-live="polite">
        {label}
      </Text>
      <Progress
        value={pct}
        animated={job.status === 'running'}
        striped={job.status !== 'running' || total === null}
        size="lg"
        aria-label={label}
      />
      <Text size="xs" c="gray.7">
        {t('importLeaveHint')}
      </Text>
    </Stack>
  );
}
