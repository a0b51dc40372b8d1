import { Alert, Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReportBuildDto } from '@tre/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { reportingApi, type ReportFormat } from '../api.ts';
import { formatDayTime } from '../labels.ts';

const FORMATS: ReportFormat[] = ['docx', 'xlsx', 'pdf'];

/** The documents built for a round, newest first, each downloadable again as it was sent. */
export function BuildsList({
  roundId,
  builds,
  error,
}: {
  roundId: string;
  builds: ReportBuildDto[] | undefined;
  error: string | null;
}) {
  const { t } = useI18n();
  return (
    <Stack gap="xs" data-testid="builds">
      <Title order={4}>{t('repBuilds')}</Title>
      {error && <Alert color="red">{error}</Alert>}
      {builds?.length === 0 && <Text c="dimmed">{t('repNoBuilds')}</Text>}
      {builds && builds.length > 0 && (
        <Table data-testid="builds-table">
          <TableHead labels={[t('repBuildAt'), t('repBuildBy'), t('repBuildKind'), t('repBuildSources'), t('repBuildFiles')]} />
          <Table.Tbody>
            {builds.map((b) => (
              <Table.Tr key={b.id} data-testid="build-row">
                <Table.Td>{formatDayTime(b.builtAt)}</Table.Td>
                <Table.Td>{b.builtBy}</Table.Td>
                <Table.Td>
                  {b.draft ? (
                    <Badge color="orange" variant="light">
                      ! {t('repBuildDraft')}
                    </Badge>
                  ) : (
                    <Badge color="teal" variant="light">
                      ✓ {t('repBuildFinal')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={b.sources.map((s) => s.unitName).join('; ')}>
                    {t('repSources', { n: b.sources.length })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="sm">
                    {FORMATS.filter((f) => b.formats.includes(f)).map((f) => (
                      <Anchor
                        key={f}
                        href={reportingApi.buildHref(roundId, b.id, f)}
                        download
                        aria-label={t('repDownload', { format: `.${f}` })}
                        data-testid={`download-${f}`}
                      >
                        .{f}
                      </Anchor>
                    ))}
                  </Group>
                  {!b.formats.includes('pdf') && b.pdfNote && (
                    <Text size="xs" c="dimmed">
                      {t('repNoPdf', { note: b.pdfNote })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
