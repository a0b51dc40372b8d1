import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { AssessmentDto, CommunesStatusDto } from '@tre/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { SessionUser } from '../api/types.ts';
import { fetchRead, useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ownCommuneOf, readsProvince } from './access.ts';
import { communesReads } from './api.ts';
import { StateBadge } from './badges.tsx';
import { vietnamYear } from './years.ts';

/**
 * The home page's child-friendly commune card: for a commune, its recognition status of this year
 * (or last year's when it has not started this one) and its gaps in short — total against the
 * threshold, criteria at 0; for the province, the communes recognised and those awaiting
 * verification. Nothing for a role that reads neither.
 */
export function CommunesHomeCard({ user }: { user: SessionUser }) {
  const own = ownCommuneOf(user);
  if (own) return <CommuneCard code={own} />;
  if (readsProvince(user)) return <ProvinceCard />;
  return null;
}

function CommuneCard({ code }: { code: string }) {
  const { t } = useI18n();
  const [a, setA] = useState<AssessmentDto | null>(null);
  useEffect(() => {
    const alive = { current: true };
    const year = vietnamYear();
    void (async () => {
      try {
        const now = await fetchRead(communesReads.assessment(code, year));
        const shown = now.exists ? now : await fetchRead(communesReads.assessment(code, year - 1)).catch(() => now);
        if (alive.current) setA(shown.exists ? shown : now);
      } catch {
        // the card is a summary: the page itself says what went wrong
      }
    })();
    return () => {
      alive.current = false;
    };
  }, [code]);
  if (!a) return null;
  const zero = a.criteria.map((c, i) => ({ no: i + 1, c })).filter((x) => x.c.points <= 0);
  return (
    <Card withBorder data-testid="home-communes">
      <Title order={3} size="h4">
        {t('cfcHomeTitle', { year: a.year })}
      </Title>
      <Group gap="sm" mt="xs">
        <StateBadge state={a.exists ? a.state : 'none'} />
        <Text fw={600}>{t('cfcHomeCommuneLine', { total: a.total, threshold: a.threshold })}</Text>
      </Group>
      {a.meetsStandard ? (
        <Text size="sm" c="teal.9">
          <span aria-hidden="true">✓ </span>
          {t('cfcMeetsThreshold')}
        </Text>
      ) : (
        <Stack gap={0}>
          {a.shortfall.missing > 0 && (
            <Text size="sm">{t('cfcShortPoints', { n: a.shortfall.missing, threshold: a.threshold })}</Text>
          )}
          {zero.length > 0 && (
            <Text size="sm" fw={700} c="red.9">
              <span aria-hidden="true">✕ </span>
              {t('cfcHomeZero', { list: zero.map((z) => String(z.no)).join(', ') })}
            </Text>
          )}
        </Stack>
      )}
      <Anchor component={Link} to={`/child-friendly/${a.communeCode}/${String(a.year)}`} size="sm" mt="xs">
        {t('cfcHomeOpen')}
      </Anchor>
    </Card>
  );
}

function ProvinceCard() {
  const { t } = useI18n();
  const year = vietnamYear();
  const status = useRead<CommunesStatusDto>(communesReads.status(year));
  const d = status.data;
  if (!d) return null;
  const awaiting = d.communes.filter((c) => c.state === 'submitted').length;
  return (
    <Card withBorder data-testid="home-communes">
      <Title order={3} size="h4">
        {t('cfcHomeTitle', { year })}
      </Title>
      <Text mt="xs">{t('cfcHomeProvince', { recognised: d.recognisedCount, total: d.communesTotal, awaiting })}</Text>
      <Anchor component={Link} to={`/child-friendly?year=${String(year)}`} size="sm" mt="xs">
        {t('cfcHomeOpen')}
      </Anchor>
    </Card>
  );
}
