import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useSession } from '../session/session.tsx';
import { useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { canManagePlans, yearsLabel } from './access.ts';
import { plansReads } from './api.ts';
import { TableHead } from '../ui/TableHead.tsx';

/** Body names still unresolved, and tasks without a decided lead (they reach nobody's list). */
function UnresolvedBadges({ names, leads }: { names: number; leads: number }) {
  const { t } = useI18n();
  return (
    <Group gap={4} wrap="nowrap">
      {names > 0 && (
        <Badge
          color="orange"
          variant="light"
          title={t('planUnresolvedCount', { n: names })}
          aria-label={t('planUnresolvedCount', { n: names })}
        >
          {names}
        </Badge>
      )}
      {leads > 0 && (
        <Badge
          color="red"
          variant="light"
          data-testid="plan-undecided-lead-count"
          title={t('planUndecidedLeadCount', { n: leads })}
          aria-label={t('planUndecidedLeadCount', { n: leads })}
        >
          {t('planUndecidedLeadTasks', { n: leads })}
        </Badge>
      )}
    </Group>
  );
}

export function PlansPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const plans = useRead(plansReads.plans());
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('plans')}</Title>
        {canManagePlans(user) && (
          <Button component={Link} to="/plans/import">
            {t('planImport')}
          </Button>
        )}
      </Group>
      {plans.error && <Alert color="red">{plans.error}</Alert>}
      {plans.data?.items.length === 0 && <Text c="dimmed">{t('planNoPlans')}</Text>}
      {plans.data && plans.data.items.length > 0 && (
        <Table striped highlightOnHover data-testid="plans-table">
          <TableHead
            labels={[
              t('planTitle'),
              t('planNumber'),
              t('planType'),
              t('planYears'),
              t('planTaskCount'),
              t('planIndicatorCount'),
              t('planBodyUnresolved'),
            ]}
          />
          <Table.Tbody>
            {plans.data.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td maw={480}>
                  <Anchor component={Link} to={`/plans/${p.id}`} lineClamp={2}>
                    {p.title}
                  </Anchor>
                  {p.issuer && (
                    <Text size="xs" c="dimmed">
                      {p.issuer}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{p.documentNumber ?? ''}</Table.Td>
                <Table.Td>{t(`docType_${p.documentType}`)}</Table.Td>
                <Table.Td>{yearsLabel(p.yearFrom, p.yearTo)}</Table.Td>
                <Table.Td>{p.taskCount}</Table.Td>
                <Table.Td>{p.indicatorCount}</Table.Td>
                <Table.Td>
                  <UnresolvedBadges names={p.unresolvedBodyCount} leads={p.undecidedLeadCount} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
