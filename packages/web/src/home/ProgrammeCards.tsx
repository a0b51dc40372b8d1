import { Anchor, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { communesPermissions, complaintsPermissions, opinionsPermissions } from '@tre/core';
import { Link } from 'react-router';
import { useRead } from '../api/useApi.ts';
import { formatCount } from '../format/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import type { UnitChoice } from '../indicators/UnitPeriodPicker.tsx';
import { useSession } from '../session/session.tsx';
import { can } from '../session/can.ts';
import { communesReads } from '../communes/api.ts';
import { opinionsReads } from '../voices/opinions/api.ts';
import { complaintsReads } from '../voices/complaints/api.ts';

/**
 * The dashboard's row beside the indicators (DashboardExtras): for the unit and year on screen,
 * the child-friendly communes recognised (indicator 1 counted, not typed), the children heard
 * (indicators 22–24's events) and the complaints about children's rights with their clocks. A
 * figure the reader may not see is not asked for; an agency has none of these, so none is shown.
 */
export function ProgrammeCards({ unit, period }: { unit: UnitChoice; period: string }) {
  const { user } = useSession();
  if (unit.kind === 'agency' || !user) return null;
  const year = Number(period.slice(0, 4));
  const commune = unit.kind === 'commune' ? unit.code : undefined;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" data-testid="programme-cards">
      {can(user, communesPermissions, 'communes.read') && <RecognitionCard year={year} commune={commune} />}
      {can(user, opinionsPermissions, 'opinions.statistics') && <HeardCard period={period} commune={commune} />}
      {can(user, complaintsPermissions, 'complaints.statistics') && <ComplaintsCard year={year} commune={commune} />}
    </SimpleGrid>
  );
}

function Tile({ title, to, lines, testId }: { title: MessageKey; to: string; lines: string[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="sm" component="section" data-testid={testId}>
      <Stack gap={2}>
        <Anchor component={Link} to={to} fw={600}>
          {t(title)}
        </Anchor>
        {lines.map((l) => (
          <Text key={l} size="sm">
            {l}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

function RecognitionCard({ year, commune }: { year: number; commune: string | undefined }) {
  const { t, lang } = useI18n();
  const status = useRead(communesReads.status(year));
  if (!status.data) return null;
  const row = commune ? status.data.communes.find((c) => c.communeCode === commune) : undefined;
  const lines = commune
    ? [
        row?.recognised ? t('dashCfcRecognised') : t('dashCfcNotRecognised'),
        t('dashCfcTotal', { total: row?.total ?? '—', threshold: row?.threshold ?? '—' }),
      ]
    : [
        t('dashCfcCount', {
          n: formatCount(status.data.recognisedCount, lang),
          total: formatCount(status.data.communesTotal, lang),
        }),
        t('dashCfcWaiting', { n: formatCount(status.data.communes.filter((c) => c.state === 'submitted').length, lang) }),
      ];
  return <Tile title="dashCfcTitle" to={`/child-friendly?year=${String(year)}`} lines={lines} testId="dash-cfc" />;
}

function HeardCard({ period, commune }: { period: string; commune: string | undefined }) {
  const { t, lang } = useI18n();
  const stats = useRead(opinionsReads.statistics(period, commune));
  if (!stats.data) return null;
  const consulted = stats.data.figures.filter((f) => f.element === 'CHILDREN_7_15_CONSULTED').reduce((n, f) => n + f.value, 0);
  return (
    <Tile
      title="dashVoicesTitle"
      to="/voices/opinions"
      lines={[
        t('dashVoicesEvents', { n: formatCount(stats.data.events, lang) }),
        t('dashVoicesConsulted', { n: formatCount(consulted, lang) }),
      ]}
      testId="dash-voices"
    />
  );
}

function ComplaintsCard({ year, commune }: { year: number; commune: string | undefined }) {
  const { t, lang } = useI18n();
  const stats = useRead(complaintsReads.statistics(year, commune));
  if (!stats.data) return null;
  const overdue = stats.data.acceptance.overdue + stats.data.resolution.overdue;
  return (
    <Tile
      title="dashComplaintsTitle"
      to="/voices/complaints"
      lines={[
        t('dashComplaintsTotal', { n: formatCount(stats.data.total, lang) }),
        overdue > 0 ? `⚠ ${t('dashComplaintsOverdue', { n: formatCount(overdue, lang) })}` : t('dashComplaintsNoneOverdue'),
      ]}
      testId="dash-complaints"
    />
  );
}
