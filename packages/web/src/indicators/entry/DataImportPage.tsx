import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { ImportJobDto } from '@tre/core/imports/import-api';
import { useEffect, useState, type ComponentProps } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../session/session.tsx';
import { errorMessage } from '../../api/client.ts';
import { ImportJobProgress } from '../../imports/ImportJobProgress.tsx';
import { importsApi } from '../../imports/api.ts';
import { useImportJob } from '../../imports/useImportJob.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PeriodSelect, defaultPeriod } from '../UnitPeriodPicker.tsx';
import { canEnterData, templateLinks } from './access.ts';
import { TableHead } from '../../ui/TableHead.tsx';

/** Rejected rows are shown a page at a time (the job carries the first 200; the CSV has them all). */
const PAGE = 50;

/** Test id on the hidden file input Mantine renders (playwright sets files on it). */
const fileInputProps = { 'data-testid': 'import-file' } as ComponentProps<'input'>;

/**
 * `/indicators/import`: the Excel template or a DHIS2 dataValueSets JSON file, read and saved row by
 * row as an import job. The job's id stays in the address (`?job=…`), so the person may leave and
 * come back to its progress or result; recent imports are listed below.
 */
export default function DataImportPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [period, setPeriod] = useState(defaultPeriod);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const { job, error: jobError, setJob } = useImportJob(jobId);
  const [recent, setRecent] = useState<ImportJobDto[]>([]);
  useEffect(() => {
    importsApi
      .mine()
      .then((l) => setRecent(l.items.filter((j) => j.kind === 'data_values').slice(0, 10)))
      .catch(() => setRecent([]));
  }, [job?.status]);

  if (!user) return null;
  if (!canEnterData(user)) {
    return (
      <Stack maw={720}>
        <Title order={2}>{t('importTitle')}</Title>
        <Alert color="gray">{t('importNoAccess')}</Alert>
      </Stack>
    );
  }

  const upload = async (f: File | null) => {
    setFile(f);
    if (!f) return;
    setBusy(true);
    setError(null);
    try {
      const queued = await importsApi.uploadFigures(f);
      setShown(PAGE);
      setParams({ job: queued.id });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      // the same file, corrected, can be chosen again
      setFile(null);
    }
  };

  const r = job?.status === 'done' ? job : null;
  const counts: { label: Parameters<typeof t>[0]; value: number; color?: string }[] = r
    ? [
        { label: 'importRows', value: r.rowsTotal ?? 0 },
        { label: 'importImported', value: r.imported, color: 'teal.8' },
        { label: 'importUpdated', value: r.updated, color: 'teal.8' },
        { label: 'importUnchanged', value: r.unchanged },
        { label: 'importRejected', value: r.rejected, color: r.rejected > 0 ? 'red' : undefined },
      ]
    : [];
  const number = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');

  return (
    <Stack maw={960}>
      <Title order={2}>{t('importTitle')}</Title>

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={600}>{t('importHow')}</Text>
          <List type="ordered" size="sm" spacing={4}>
            <List.Item>{t('importStep1')}</List.Item>
            <List.Item>{t('importStep2')}</List.Item>
            <List.Item>{t('importStep3')}</List.Item>
            <List.Item>{t('importStep4')}</List.Item>
          </List>
          <Text size="xs" c="dimmed">
            {t('importJsonNote')}
          </Text>
          <Group align="flex-end" mt="xs">
            <PeriodSelect value={period} onChange={setPeriod} />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('importTemplates')}
              </Text>
              <Group gap="md">
                {templateLinks(user, period).map((l) => (
                  <Anchor key={l.label} href={l.url} download data-testid={`import-template-${l.label}`}>
                    {t(l.label)}
                  </Anchor>
                ))}
              </Group>
            </Stack>
          </Group>
        </Stack>
      </Paper>

      <FileInput
        label={t('importChooseFile')}
        description={t('importChooseFileHint')}
        accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        placeholder={t('importChoosePlaceholder')}
        disabled={busy}
        onChange={(f) => void upload(f)}
        fileInputProps={fileInputProps}
        maw={480}
      />
      {busy && (
        <Text c="dimmed">
          <Loader size="xs" mr="xs" />
          {t('importReading')}
        </Text>
      )}
      {(error ?? jobError) && (
        <Alert color="red" role="alert" data-testid="import-error">
          {error ?? jobError}
        </Alert>
      )}
      {job && <ImportJobProgress job={job} onChange={setJob} />}

      {r && (
        <Stack data-testid="import-report">
          <Title order={3}>{t('importReportTitle', { name: r.fileName })}</Title>
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            {counts.map((c) => (
              <Paper key={c.label} withBorder p="sm">
                <Text size="xs" c="dimmed">
                  {t(c.label)}
                </Text>
                <Text size="xl" fw={700} c={c.color} data-testid={`import-count-${c.label}`}>
                  {number.format(c.value)}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          {r.rejectedRows.length === 0 ? (
            <Alert color="teal" variant="light">
              {t('importAllGood')}
            </Alert>
          ) : (
            <Stack gap="xs">
              <Text fw={600}>{t('importRejectedTitle')}</Text>
              <Table striped withTableBorder>
                <TableHead
                  labels={[
                    t('importRowNo'),
                    t('importElement'),
                    t('importUnit'),
                    t('importPeriod'),
                    t('importDisaggregation'),
                    t('importReason'),
                  ]}
                />
                <Table.Tbody>
                  {r.rejectedRows.slice(0, shown).map((row, i) => (
                    <Table.Tr key={`${row.row}-${i}`} data-testid="import-rejected-row">
                      <Table.Td>{row.row}</Table.Td>
                      <Table.Td ff="monospace">{row.fields.dataElement ?? '—'}</Table.Td>
                      <Table.Td ff="monospace">{row.fields.orgUnit ?? '—'}</Table.Td>
                      <Table.Td>{row.fields.period ?? '—'}</Table.Td>
                      <Table.Td ff="monospace">{row.fields.categoryOptionCombo ?? '—'}</Table.Td>
                      <Table.Td>{row.reason[lang]}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {r.rejectedRows.length > shown && (
                <Group>
                  <Text size="sm" c="gray.7">
                    {t('importShowing', { shown, total: r.rejectedRows.length })}
                  </Text>
                  <Button variant="default" size="xs" onClick={() => setShown((n) => n + PAGE)}>
                    {t('importShowMore')}
                  </Button>
                </Group>
              )}
              {r.rejected > r.rejectedRows.length && (
                <Text size="sm" c="gray.7">
                  {t('importRejectedShownFirst', {
                    shown: number.format(r.rejectedRows.length),
                    total: number.format(r.rejected),
                  })}
                </Text>
              )}
              <Anchor href={importsApi.rejectionsUrl(r.id)} download data-testid="import-rejections-csv">
                {t('importDownloadRejected')}
              </Anchor>
            </Stack>
          )}
          <Anchor component={Link} to="/indicators/entry">
            {t('importToEntry')}
          </Anchor>
        </Stack>
      )}

      {recent.length > 0 && (
        <Stack gap="xs" data-testid="import-recent">
          <Title order={3}>{t('importRecent')}</Title>
          <Table withTableBorder>
            <TableHead labels={[t('importFile'), t('importWhen'), t('importStatus'), '']} />
            <Table.Tbody>
              {recent.map((j) => (
                <Table.Tr key={j.id}>
                  <Table.Td>{j.fileName}</Table.Td>
                  <Table.Td>{new Date(j.createdAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</Table.Td>
                  <Table.Td>{t(STATUS_LABEL[j.status])}</Table.Td>
                  <Table.Td>
                    {j.id === jobId ? null : (
                      <Anchor component={Link} to={`?job=${j.id}`} aria-label={t('importOpenLabel', { name: j.fileName })}>
                        {t('importOpen')}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}

const STATUS_LABEL = {
  queued: 'importStatusQueued',
  running: 'importStatusRunning',
  done: 'importStatusDone',
  failed: 'importStatusFailed',
} as const;
