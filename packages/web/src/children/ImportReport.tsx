import { withoutField } from './reasons.ts';
import { Alert, Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ChildImportReport, ChildRejectionDto } from '@tre/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { MessageKey } from '../i18n/messages.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { TableHead } from '../ui/TableHead.tsx';
import { canReviewDuplicates } from './access.ts';
import { childrenApi } from './api.ts';

/** Refused rows are shown a page at a time; the Excel file has them all. */
const PAGE = 50;

/** The report of a finished children import: its counts, the refused rows and why, the duplicates it found. */
export function ImportReport({
  report: r,
  onRecheck,
  rechecking,
}: {
  report: ChildImportReport;
  onRecheck: () => void;
  rechecking: boolean;
}) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const number = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const counts: { label: MessageKey; value: number; color?: string; testId: string }[] = [
    { label: 'chdCountRows', value: r.rows, testId: 'rows' },
    { label: 'chdCountImported', value: r.imported, color: 'teal.8', testId: 'imported' },
    { label: 'chdCountUpdated', value: r.updated, color: 'teal.8', testId: 'updated' },
    { label: 'chdCountUnchanged', value: r.unchanged, testId: 'unchanged' },
    { label: 'chdCountRejected', value: r.rejected, color: r.rejected > 0 ? 'red.8' : undefined, testId: 'rejected' },
  ];
  return (
    <Stack data-testid="children-import-report">
      <Title order={3}>{t('chdReportTitle', { name: r.file })}</Title>
      {r.error && (
        <Alert color="red" role="alert" title={t('chdImportFailed')}>
          {r.error[lang]}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {counts.map((c) => (
          <Paper key={c.label} withBorder p="sm">
            <Text size="xs" c="dimmed">
              {t(c.label)}
            </Text>
            <Text size="xl" fw={700} c={c.color} data-testid={`children-count-${c.testId}`}>
              {number.format(c.value)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>

      {r.rejections.length === 0 && r.rejected === 0 ? (
        <Alert color="teal" variant="light">
          {t('chdAllRowsGood')}
        </Alert>
      ) : (
        <Stack gap="xs">
          <Title order={4}>{t('chdRejectedTitle')}</Title>
          <RowsTable rows={r.rejections} testId="children-rejections" />
          {r.jobId && (
            <Anchor href={childrenApi.rejectionsHref(r.jobId)} download data-testid="children-rejections-xlsx">
              {t('chdDownloadRejected')}
            </Anchor>
          )}
        </Stack>
      )}

      {r.warnings.length > 0 && (
        <Stack gap="xs">
          <Title order={4}>{t('chdWarningsTitle')}</Title>
          <RowsTable rows={r.warnings} testId="children-warnings" />
        </Stack>
      )}

      <Paper withBorder p="sm" data-testid="children-import-duplicates">
        <Group justify="space-between">
          <Text size="sm">{r.duplicates > 0 ? t('chdDupFound', { n: number.format(r.duplicates) }) : t('chdDupNoneYet')}</Text>
          <Group gap="sm">
            <Button size="xs" variant="default" loading={rechecking} onClick={onRecheck}>
              {t('chdDupRecheck')}
            </Button>
            {canReviewDuplicates(user) && (
              <Anchor component={Link} to="/children/duplicates">
                {t('chdDupReview')}
              </Anchor>
            )}
          </Group>
        </Group>
      </Paper>
    </Stack>
  );
}

/** Rows of a report with the column and the reason in the user's language (every rule a row breaks). */
function RowsTable({ rows, testId }: { rows: readonly ChildRejectionDto[]; testId: string }) {
  const { t, lang } = useI18n();
  const [shown, setShown] = useState(PAGE);
  // a reason starts with its field's header, which the row already shows
  const reason = (p: { field: string; reason: string; reasonEn: string }) =>
    withoutField(lang === 'en' ? p.reasonEn || p.reason : p.reason, p.field);
  return (
    <>
      <Table.ScrollContainer minWidth={600}>
        <Table striped withTableBorder data-testid={testId}>
          <TableHead labels={[t('chdRejRow'), t('chdRejField'), t('chdRejReason')]} />
          <Table.Tbody>
            {rows.slice(0, shown).map((row, i) => (
              <Table.Tr key={`${row.row}-${i}`} data-testid={`${testId}-row`}>
                <Table.Td>{row.row}</Table.Td>
                <Table.Td>{row.problems.length > 1 ? row.problems.map((p) => p.field).join(', ') : row.field}</Table.Td>
                <Table.Td>
                  {row.problems.length > 1 ? (
                    <List size="sm" spacing={2}>
                      {row.problems.map((p, j) => (
                        <List.Item key={j}>
                          <b>{p.field}</b>: {reason(p)}
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    reason(row)
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > shown && (
        <Group>
          <Text size="sm" c="gray.7">
            {t('chdShowing', { shown, total: rows.length })}
          </Text>
          <Button variant="default" size="xs" onClick={() => setShown((n) => n + PAGE)}>
            {t('chdShowMore')}
          </Button>
        </Group>
      )}
    </>
  );
}
