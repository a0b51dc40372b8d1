import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { plansReads } from './api.ts';
import { formatDate } from './labels.ts';

/** The standing body's first question each morning: which tasks are past due and whose. */
export function OverdueCard() {
  const { t } = useI18n();
  const overdue = useRead(plansReads.overdue());
  return (
    <Card withBorder data-testid="overdue-card">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('planOverdueTasks')}</Title>
        {overdue.data && overdue.data.items.length > 0 && <Badge color="red">{overdue.data.items.length}</Badge>}
      </Group>
      {overdue.error && (
        <Text c="red" size="sm">
          {overdue.error}
        </Text>
      )}
      {overdue.data?.items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('planOverdueNone')}
        </Text>
      )}
      <Stack gap="xs">
        {overdue.data?.items.map((o) => (
          <div key={o.taskId}>
            <Group gap="xs" wrap="nowrap">
              <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
                {t('planDue', { date: formatDate(o.due) })}
              </Badge>
              <Anchor component={Link} to={`/plans/${o.planId}`} size="sm" lineClamp={1}>
                {o.planTitle}
              </Anchor>
            </Group>
            <Text size="sm" lineClamp={2}>
              {(o.path ?? o.ref) && <b>{o.path ?? o.ref} </b>}
              {o.text}
            </Text>
            <Text size="xs" c="dimmed">
              {o.bodies.join('; ')}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
