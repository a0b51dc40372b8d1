import { Anchor, Card, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { opinionsPermissions } from '@tre/core';
import { scopeFor } from '../../session/can.ts';
import { canAnswerOpinions } from './access.ts';
import { opinionsReads } from './api.ts';

/** Home: the opinions awaiting the reader's body's answer; else, for the province's readers and the standing body, how many are overdue. */
export function OpinionsHomeCard() {
  const { t } = useI18n();
  const { user } = useSession();
  const answering = canAnswerOpinions(user);
  const inbox = useRead(answering ? opinionsReads.inbox() : null);
  const settings = useRead(opinionsReads.settings());
  // the overdue count: for a reader of the whole province who is not an agency's, or the standing body's users
  const followsOverdue =
    scopeFor(user, opinionsPermissions, 'opinions.overdue') === 'province' &&
    (!user?.agencyId || (settings.data !== undefined && user.agencyId === settings.data.standingBodyId));
  const overdue = useRead(followsOverdue ? opinionsReads.overdue() : null);
  if (inbox.data && inbox.data.items.length > 0) {
    const late = inbox.data.items.filter((o) => o.daysOverdue > 0).length;
    return (
      <Card withBorder data-testid="home-opinions">
        <Title order={4}>{t('voiHomeCard')}</Title>
        <Text size="sm">
          {late > 0 ? '⚠ ' : ''}
          {t('voiHomeCardCount', { n: inbox.data.items.length, late })}
        </Text>
        <Anchor component={Link} to="/voices/inbox" size="sm">
          {t('voiInbox')}
        </Anchor>
      </Card>
    );
  }
  if (overdue.data && overdue.data.opinions.length > 0) {
    return (
      <Card withBorder data-testid="home-opinions">
        <Text size="sm">⚠ {t('voiHomeOverdue', { n: overdue.data.opinions.length })}</Text>
        <Anchor component={Link} to="/voices/overdue" size="sm">
          {t('voiOverdue')}
        </Anchor>
      </Card>
    );
  }
  return null;
}
