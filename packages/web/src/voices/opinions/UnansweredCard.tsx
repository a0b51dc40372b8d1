import { Card, List, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { maySeeUnanswered } from './access.ts';
import { opinionsReads } from './api.ts';
import { byUrgency } from './logic.ts';

/**
 * The children's opinions a reporting unit has not answered, shown under its submission of a round
 * (`/reporting/rounds/:id/submissions/:unit`). The reporting module comes before voices and knows
 * nothing of it: the shell composes this card with the submission page on that route.
 */
export function UnansweredCard() {
  const { t } = useI18n();
  const { user } = useSession();
  const unit = useParams().unit ?? '';
  const allowed = unit !== '' && maySeeUnanswered(user, unit);
  const list = useRead(allowed ? opinionsReads.unanswered(unit) : null);
  if (!allowed || !list.data) return null;
  const items = [...list.data.items].sort(byUrgency);
  return (
    <Card withBorder mt="md" data-testid="submission-opinions">
      <Title order={4}>{t('voiRoundCard')}</Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('voiRoundCardNone')}
        </Text>
      ) : (
        <List size="sm">
          {items.map((o) => (
            <List.Item key={o.id}>
              {o.text} — {o.eventTopic}
              {o.daysOverdue > 0 && (
                <Text span c="red" size="sm">
                  {' '}
                  ⚠ {t('voiOverdueMark', { n: o.daysOverdue })}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
