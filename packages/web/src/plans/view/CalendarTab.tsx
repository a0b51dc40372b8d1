import { Alert, Badge, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { CalendarEventDto, PlanDetailDto } from '@tre/core/plans/plan-api';
import { useState } from 'react';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { plansReads } from '../api.ts';
import { formatDate } from '../labels.ts';
import { planYears } from './years.ts';

/** The plan's dated events of one year, month by month: task deadlines and report deadlines. */
export function CalendarTab({ plan }: { plan: PlanDetailDto }) {
  const { t } = useI18n();
  const years = planYears(plan);
  const [year, setYear] = useState(years.current);
  const cal = useRead(plansReads.calendar(plan.id, year));
  const months = new Map<number, CalendarEventDto[]>();
  for (const e of [...(cal.data?.events ?? [])].sort((a, b) => a.date.localeCompare(b.date))) {
    const m = Number(e.date.slice(5, 7));
    months.set(m, [...(months.get(m) ?? []), e]);
  }
  return (
    <Stack>
      <Select
        label={t('planFilterYear')}
        data={years.all.map(String)}
        value={String(year)}
        allowDeselect={false}
        w={110}
        onChange={(v) => v && setYear(Number(v))}
      />
      {cal.error && <Alert color="red">{cal.error}</Alert>}
      {cal.data && months.size === 0 && <Text c="dimmed">{t('planCalendarEmpty', { year })}</Text>}
      <Stack data-testid="plan-calendar">
        {[...months].map(([month, events]) => (
          <Card key={month} withBorder padding="sm">
            <Title order={5} mb={4}>
              {t('planMonth', { month, year })}
            </Title>
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {events.map((e, k) => (
                  <Table.Tr key={k}>
                    <Table.Td w={190}>
                      <Text size="sm" fw={600}>
                        {formatDate(e.date)}
                        {e.endDate && e.endDate !== e.date && ` – ${formatDate(e.endDate)}`}
                      </Text>
                      {e.lunar && (
                        <Text size="xs" c="grape">
                          {e.lunar}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap" align="flex-start">
                        <Badge variant="light" color={e.kind === 'report' ? 'indigo' : 'teal'} style={{ flexShrink: 0 }}>
                          {e.kind === 'report' ? t('planEventReport') : t('planEventTask')}
                        </Badge>
                        {e.overdue && (
                          <Badge color="red" style={{ flexShrink: 0 }}>
                            {t('planOverdue')}
                          </Badge>
                        )}
                        <Text size="sm" lineClamp={3}>
                          {e.title}
                        </Text>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
