import { Anchor, Card, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { SessionUser } from '../api/types.ts';
import { useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { countStatuses, periodName, STATUS_ORDER } from '../format/format.ts';
import { StatusBadge } from './dashboard/StatusBadge.tsx';
import { defaultPeriod, defaultUnit } from './UnitPeriodPicker.tsx';
import { valuesReads } from './values/api.ts';
import { indicatorsPermissions } from '@tre/core';
import { can } from '../session/can.ts';

/**
 * The home page's line on indicators: how many measures of the user's unit (their commune or agency,
 * else the province) stand where for the last complete year, each count opening the dashboard.
 */
export function IndicatorsCard({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  // case workers have no part in statistics (core indicators/permissions.ts)
  const readsFigures = can(user, indicatorsPermissions, 'values.read');
  const unit = defaultUnit(user);
  const period = defaultPeriod();
  const query = new URLSearchParams({ unit: unit.code, period }).toString();
  const values = useRead(readsFigures ? valuesReads.values(unit.code, period) : null);
  if (!readsFigures) return null;
  const counts = countStatuses((values.data?.values ?? []).map((v) => v.status));
  return (
    <Card withBorder data-testid="indicators-card">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('homeIndicators', { unit: values.data?.unit.name ?? '', period: periodName(period, lang) })}</Text>
        <Anchor component={Link} to={`/indicators?${query}`}>
          {t('homeIndicatorsOpen')}
        </Anchor>
      </Group>
      {values.error && <Text c="red.8">{values.error}</Text>}
      <Group gap="sm">
        {STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => (
          <Group key={s} gap={4} wrap="nowrap">
            <StatusBadge status={s} size="sm" />
            <Text fw={600}>{counts[s]}</Text>
          </Group>
        ))}
      </Group>
      {can(user, indicatorsPermissions, 'values.write') && (
        <Anchor component={Link} to={`/indicators/entry?${query}`} mt="xs" size="sm">
          {t('homeIndicatorsEnter')}
        </Anchor>
      )}
    </Card>
  );
}
