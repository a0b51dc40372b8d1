import { Alert, Anchor, Button, Code, FileInput, Group, Loader, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { CHILD_FIELDS, type ChildImportReport } from '@tre/core';
import { useCallback, useEffect, useRef, useState, type ComponentProps } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ImportJobProgress } from '../imports/ImportJobProgress.tsx';
import { useImportJob } from '../imports/useImportJob.ts';
import { useSession } from '../session/session.tsx';
import { canImportChildren } from './access.ts';
import { childrenApi } from './api.ts';
import { ColumnMapping } from './ColumnMapping.tsx';
import { ImportReport } from './ImportReport.tsx';
import { FIELD_LABELS, REQUIRED_FIELDS } from './labels.ts';
import {
  HEADER_SEARCH_ROWS,
  csvRows,
  fileKind,
  initialMapping,
  mappingProblems,
  mappingQuery,
  pickHeaderRow,
  type Mapping,
} from './mapping.ts';
import { xlsxRows } from './xlsxRows.ts';

/** The start of a CSV read for its header row. */
const CSV_HEAD_BYTES = 256 * 1024;
/** A workbook is read whole in the browser up to this size; a larger one goes to the server unmapped. */
const XLSX_READ_MAX_BYTES = 40 * 1024 * 1024;

/** Test id on the hidden file input Mantine renders (playwright sets files on it). */
const fileInputProps = { 'data-testid': 'children-import-file' } as ComponentProps<'input'>;

type Headers =
  | { status: 'reading' }
  | { status: 'read'; headerRow: number; headers: string[]; sample: string[] }
  /** not read in the browser: the server matches the layout's headers by itself */
  | { status: 'unread'; why: 'error' | 'big' | 'none' };

/** The first rows of a register file, as text. */
async function firstRows(file: File): Promise<string[][]> {
  if (fileKind(file.name) === 'csv') {
    const whole = file.size <= CSV_HEAD_BYTES;
    return csvRows(await file.slice(0, CSV_HEAD_BYTES).text(), HEADER_SEARCH_ROWS + 1, whole);
  }
  return xlsxRows(new Uint8Array(await file.arrayBuffer()), HEADER_SEARCH_ROWS + 1);
}

async function readHeaders(file: File): Promise<Headers> {
  if (fileKind(file.name) === 'xlsx' && file.size > XLSX_READ_MAX_BYTES) return { status: 'unread', why: 'big' };
  try {
    const rows = await firstRows(file);
    const picked = pickHeaderRow(rows);
    if (!picked) return { status: 'unread', why: 'none' };
    return { status: 'read', headerRow: picked.index + 1, headers: picked.headers, sample: rows[picked.index + 1] ?? [] };
  } catch {
    return { status: 'unread', why: 'error' };
  }
}

/**
 * `/children/import`: a register file (.xlsx, .csv) in three steps: choose it; check how its
 * columns map to the layout's fields (read from the file in the browser, matched like the server
 * does); import it as a job, followed by its progress bar, then its report. The job stays in the
 * address (`?job=…`), so the user may leave and come back to it.
 */
export default function ChildImportPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const [file, setFile] = useState<File | null>(null);
  const [headers, setHeaders] = useState<Headers | null>(null);
  const [mapping, setMapping] = useState<Mapping>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { job, error: jobError, setJob } = useImportJob(jobId);
  const [report, setReport] = useState<ChildImportReport | null>(null);
  const [reportError, setReportError] = useState<string | null>(null);
  const [rechecking, setRechecking] = useState(false);
  /** the file being read: a file chosen meanwhile wins over one still being read */
  const reading = useRef<File | null>(null);

  const done = job?.status === 'done' && job.id === jobId;
  const loadReport = useCallback(async (id: string) => {
    try {
      setReport(await childrenApi.report(id));
      setReportError(null);
    } catch (err) {
      setReportError(errorMessage(err));
    }
  }, []);
  useEffect(() => {
    setReport(null);
    if (done && jobId) void loadReport(jobId);
  }, [done, jobId, loadReport]);

  if (!user) return null;
  if (!canImportChildren(user)) return <Navigate to="/children" replace />;

  const choose = async (f: File | null) => {
    setFile(f);
    setError(null);
    setHeaders(null);
    reading.current = f;
    if (!f) return;
    if (!fileKind(f.name)) {
      setError(t('chdWrongKind'));
      setFile(null);
      return;
    }
    setHeaders({ status: 'reading' });
    const read = await readHeaders(f);
    if (reading.current !== f) return;
    setHeaders(read);
    setMapping(read.status === 'read' ? initialMapping(read.headers) : []);
  };

  const map = headers?.status === 'read' ? mappingQuery(headers.headers, mapping) : null;
  const problems = mappingProblems(mapping);
  const blocked =
    headers?.status === 'reading' ||
    (headers?.status === 'read' && (map === null || problems.missing.length > 0 || problems.repeated.length > 0));

  const start = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const queued = await childrenApi.upload(file, headers?.status === 'read' ? map : null);
      setParams({ job: queued.jobId });
      setFile(null);
      setHeaders(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    reading.current = null;
    setFile(null);
    setHeaders(null);
    setError(null);
    setParams({});
  };

  const step = jobId ? (done ? 3 : 2) : file && headers ? 1 : 0;
  const recheck = async () => {
    if (!jobId) return;
    setRechecking(true);
    await loadReport(jobId);
    setRechecking(false);
  };

  return (
    <Stack maw={1000}>
      <Anchor component={Link} to="/children" size="sm">
        ← {t('chdBack')}
      </Anchor>
      <Title order={2}>{t('chdImportTitle')}</Title>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('chdStepFile')} />
        <Stepper.Step label={t('chdStepMap')} />
        <Stepper.Step label={t('chdStepRun')} />
      </Stepper>

      {!jobId && (
        <>
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Text size="sm">{t('chdImportHow')}</Text>
              <Text size="sm" fw={500}>
                {t('chdImportLayout')}
              </Text>
              <Group gap={6}>
                {CHILD_FIELDS.map((f) => (
                  <Code key={f}>
                    {FIELD_LABELS[f].vi}
                    {REQUIRED_FIELDS.includes(f) ? ' *' : ''}
                  </Code>
                ))}
              </Group>
              <Text size="xs" c="dimmed">
                * {t('chdRequired')}
              </Text>
            </Stack>
          </Paper>
          <FileInput
            label={t('chdChooseFile')}
            description={t('chdChooseFileHint')}
            placeholder={t('chdChoosePlaceholder')}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            disabled={busy}
            clearable
            onChange={(f) => void choose(f)}
            fileInputProps={fileInputProps}
            maw={480}
          />
          {headers?.status === 'reading' && (
            <Text c="dimmed" size="sm">
              <Loader size="xs" mr="xs" />
              {t('chdReadingHeaders')}
            </Text>
          )}
          {headers?.status === 'unread' && (
            <Alert color="yellow" data-testid="children-headers-unread">
              {headers.why === 'big'
                ? t('chdTooBigToRead', { size: Math.round((file?.size ?? 0) / 1024 / 1024) })
                : headers.why === 'none'
                  ? `${t('chdNoHeaderRow')} ${t('chdHeadersUnread')}`
                  : t('chdHeadersUnread')}
            </Alert>
          )}
          {headers?.status === 'read' && (
            <ColumnMapping
              headerRow={headers.headerRow}
              headers={headers.headers}
              sample={headers.sample}
              mapping={mapping}
              onChange={setMapping}
            />
          )}
          {headers?.status === 'read' && map === null && (
            <Alert color="orange" role="alert">
              {t('chdMapTooLong')}
            </Alert>
          )}
          {error && (
            <Alert color="red" role="alert" data-testid="children-import-error">
              {error}
            </Alert>
          )}
          {file && headers && headers.status !== 'reading' && (
            <Group>
              <Button onClick={() => void start()} loading={busy} disabled={blocked} data-testid="children-import-start">
                {t('chdStartImport')}
              </Button>
              <Button variant="default" onClick={again} disabled={busy}>
                {t('chdChooseOther')}
              </Button>
            </Group>
          )}
          {busy && (
            <Text c="dimmed" size="sm" aria-live="polite">
              {t('chdUploading')}
            </Text>
          )}
        </>
      )}

      {jobId && (
        <>
          {jobError && (
            <Alert color="red" role="alert" data-testid="children-import-error">
              {jobError}
            </Alert>
          )}
          {job && <ImportJobProgress job={job} onChange={setJob} />}
          {reportError && (
            <Alert color="red" role="alert">
              {reportError}
            </Alert>
          )}
          {done && !report && !reportError && <Loader />}
          {report && <ImportReport report={report} onRecheck={() => void recheck()} rechecking={rechecking} />}
          {(done || job?.status === 'failed' || jobError) && (
            <Group>
              <Button variant="default" onClick={again}>
                {t('chdImportAnother')}
              </Button>
              <Anchor component={Link} to="/children">
                {t('chdToList')}
              </Anchor>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
