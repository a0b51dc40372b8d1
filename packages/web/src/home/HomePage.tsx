import { Card, Stack, Text, Title } from '@mantine/core';
import { scopeKindOf, type Role } from '@tre/core';
import { useSession } from '../session/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { IndicatorsCard } from '../indicators/IndicatorsCard.tsx';
import { OverdueCard } from '../plans/OverdueCard.tsx';
import { UndecidedLeadsCard } from '../plans/UndecidedLeadsCard.tsx';
import { YourTasksCard } from '../plans/YourTasksCard.tsx';
import { ReportingCards } from '../reporting/home/ReportingCards.tsx';
import { plansPermissions } from '@tre/core';
import { can, scopeFor } from '../session/can.ts';
import { useRead } from '../api/useApi.ts';
import { unitsReads } from '../units/api.ts';
import { OpinionsHomeCard } from '../voices/opinions/HomeCard.tsx';
import { HomeComplaintsCard } from '../voices/complaints/HomeComplaintsCard.tsx';
import { CommunesHomeCard } from '../communes/HomeCard.tsx';

const purpose: Record<Role, MessageKey> = {
  admin: 'homeAdmin',
  provincial_officer: 'homeProvincial',
  agency_reporter: 'homeAgency',
  commune_officer: 'homeCommune',
  case_worker: 'homeCommune',
  viewer: 'homeViewer',
};

export function HomePage() {
  const { t, roleLabel } = useI18n();
  const { user } = useSession();
  const settings = useRead(unitsReads.settings());
  // a commune officer's scope by its name, not its code
  const commune = useRead(user?.communeCode ? unitsReads.commune(user.communeCode) : null);
  if (!user) return null;
  const role = user.role;
  const scope = scopeKindOf(role);
  return (
    <Stack maw={760}>
      <Title order={2}>{t('welcome', { name: user.displayName })}</Title>
      <Card withBorder>
        <Text>
          <b>{t('yourRole')}:</b> {roleLabel(role)}
        </Text>
        <Text>
          <b>{t('yourScope')}:</b>{' '}
          {scope === 'province'
            ? t('scopeProvince', { province: settings.data?.province.name ?? user.provinceCode })
            : scope === 'commune'
              ? t('scopeCommune', { name: commune.data?.name ?? '', code: user.communeCode ?? '' })
              : t('scopeAgency')}
        </Text>
        <Text mt="sm">{t(purpose[role])}</Text>
      </Card>
      <ReportingCards user={user} />
      <IndicatorsCard user={user} />
      <OpinionsHomeCard />
      <CommunesHomeCard user={user} />
      {can(user, plansPermissions, 'tasks.overdue') && <OverdueCard />}
      {can(user, plansPermissions, 'leads.undecided') && <UndecidedLeadsCard />}
      {scopeFor(user, plansPermissions, 'tasks.progress') === 'assigned_body' && user.agencyId && (
        <YourTasksCard body={{ agencyId: user.agencyId }} />
      )}
      {scopeFor(user, plansPermissions, 'tasks.progress') === 'assigned_body' && !user.agencyId && user.communeCode && (
        <YourTasksCard body={{ communeCode: user.communeCode }} />
      )}
      <HomeComplaintsCard />
    </Stack>
  );
}
