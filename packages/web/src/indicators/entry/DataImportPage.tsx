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
import type { ImportReportDto } from '@tre/core/indicators/indicator-api';
import { useState, type ComponentProps } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../access/session.tsx';
import { apiUpload, errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PeriodSelect, defaultPeriod } from '../UnitPeriodPicker.tsx';
import { canEnterData, templateLinks } from './access.ts';

/** Rejected rows are shown a page at a time: a whole province's file can reject thousands. */
const PAGE = 200;

/** Test id on the hidden file input Mantine renders (playwright sets files on it). */
const fileInputProps = { 'data-testid': 'import-file' } as ComponentProps<'input'>;

/** `/indicators/import`: the Excel template or a DHIS2 dataValueSets JSON file, read and saved row by row. */
export default function DataImportPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [period, setPeriod] = useState(defaultPeriod);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<{ name: string; report: ImportReportDto } | null>(null);
  const [shown, setShown] = useState(PAGE);

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
    setReport(null);
    try {
      const reply = await apiUpload<ImportReportDto>(`/api/data-values/import-file?fileName=${encodeURIComponent(f.name)}`, f);
      setReport({ name: f.name, report: reply });
      setShown(PAGE);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      // the same file, corrected, can be chosen again
      setFile(null);
    }
  };

  const r = report?.report;
  const counts: { label: Parameters<typeof t>[0]; value: number; color?: string }[] = r
    ? [
        { label: 'importRows', value: r.rows },
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
      {error && (
        <Alert color="red" role="alert" data-testid="import-error">
          {error}
        </Alert>
      )}

      {report && r && (
        <Stack data-testid="import-report">
          <Title order={3}>{t('importReportTitle', { name: report.name })}</Title>
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
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('importRowNo')}</Table.Th>
                    <Table.Th>{t('importElement')}</Table.Th>
                    <Table.Th>{t('importUnit')}</Table.Th>
                    <Table.Th>{t('importPeriod')}</Table.Th>
                    <Table.Th>{t('importReason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.rejectedRows.slice(0, shown).map((row, i) => (
                    <Table.Tr key={`${row.row}-${i}`} data-testid="import-rejected-row">
                      <Table.Td>{row.row}</Table.Td>
                      <Table.Td ff="monospace">{row.dataElement ?? '—'}</Table.Td>
                      <Table.Td ff="monospace">{row.orgUnit ?? '—'}</Table.Td>
                      <Table.Td>{row.period ?? '—'}</Table.Td>
                      <Table.Td>{row.reason[lang]}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {r.rejectedRows.length > shown && (
                <Group>
                  <Text size="sm" c="dimmed">
                    {t('importShowing', { shown, total: r.rejectedRows.length })}
                  </Text>
                  <Button variant="default" size="xs" onClick={() => setShown((n) => n + PAGE)}>
                    {t('importShowMore')}
                  </Button>
                </Group>
              )}
            </Stack>
          )}
          <Anchor component={Link} to="/indicators/entry">
            {t('importToEntry')}
          </Anchor>
        </Stack>
      )}
    </Stack>
  );
}
