import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { canReadComplaints } from './access.ts';
import { complaintsReads } from './api.ts';
import { ComplaintClockLine } from './ComplaintClock.tsx';
import { nearTheirClock } from './clocks.ts';

/** The home page's card: the reader's complaints near or past their clock, nearest first (none: said so). */
export function HomeComplaintsCard() {
  const { t } = useI18n();
  const { user } = useSession();
  const list = useRead(canReadComplaints(user) ? complaintsReads.list() : null);
  if (!canReadComplaints(user) || !list.data) return null;
  const due = nearTheirClock(list.data.items).slice(0, 5);
  return (
    <Card withBorder data-testid="home-complaints">
      <Title order={4}>{t('cmpHomeTitle')}</Title>
      {due.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cmpHomeNone')}
        </Text>
      ) : (
        <Stack gap="xs" mt="xs">
          {due.map((c) => (
            <Stack key={c.id} gap={0}>
              <Anchor component={Link} to={`/voices/complaints/${String(c.id)}`} fw={600}>
                {c.number} · {c.body.name}
              </Anchor>
              {c.nearest && <ComplaintClockLine clock={c.nearest} />}
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}
