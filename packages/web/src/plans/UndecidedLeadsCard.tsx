import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { plansReads } from './api.ts';

/** The standing body's list of plans with tasks whose lead body is not decided yet, until each is decided. */
export function UndecidedLeadsCard() {
  const { t } = useI18n();
  const leads = useRead(plansReads.undecidedLeads());
  const items = leads.data?.items ?? [];
  return (
    <Card withBorder data-testid="undecided-leads-card">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('planUndecidedLeads')}</Title>
        {items.length > 0 && <Badge color="orange">{items.reduce((n, i) => n + i.taskCount, 0)}</Badge>}
      </Group>
      {leads.error && (
        <Text c="red" size="sm">
          {leads.error}
        </Text>
      )}
      {leads.data && items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('planUndecidedLeadsNone')}
        </Text>
      )}
      <Stack gap="xs">
        {items.map((p) => (
          <div key={p.planId} data-testid="undecided-leads-plan">
            <Group gap="xs" wrap="nowrap">
              <Badge color="orange" variant="light" style={{ flexShrink: 0 }}>
                {t('planUndecidedLeadTasks', { n: p.taskCount })}
              </Badge>
              <Anchor component={Link} to={`/plans/${p.planId}?tab=bodies`} size="sm" lineClamp={1}>
                {p.planTitle}
              </Anchor>
            </Group>
            {p.names.length > 0 && (
              <Text size="xs" c="dimmed">
                {p.names.join('; ')}
              </Text>
            )}
            {p.withoutLead > 0 && (
              <Text size="xs" c="dimmed">
                {t('planWarnWithoutLead', { n: p.withoutLead })}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Card>
  );
}
