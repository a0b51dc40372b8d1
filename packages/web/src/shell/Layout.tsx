import { AppShell, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { useState } from 'react';
import { ChangePasswordModal } from '../access/ChangePasswordModal.tsx';
import { useSession } from '../session/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { accessPermissions, indicatorsPermissions } from '@tre/core';
import { can, scopeFor } from '../session/can.ts';
import type { SessionUser } from '../api/types.ts';
import { mayUseReporting } from '../reporting/access.ts';
import { canReadChildren } from '../children/access.ts';
import { mayUseCases } from '../cases/access.ts';
import { mayUseComplaints } from '../voices/complaints/access.ts';
import { canReadCommunes } from '../communes/access.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { canAnswerOpinions, canReadOpinions, canSeeOverdueOpinions } from '../voices/opinions/access.ts';

interface Item {
  to: string;
  label: MessageKey;
  /** shown only to those the permission tables allow */
  may?: (user: SessionUser) => boolean;
  /** shown under a group's heading (Tiếng nói trẻ em / Children's voices) */
  group?: MessageKey;
}

const items: Item[] = [
  { to: '/', label: 'home' },
  { to: '/plans', label: 'plans' },
  { to: '/indicators', label: 'indicators' },
  { to: '/indicators/entry', label: 'dataEntry', may: (u) => can(u, indicatorsPermissions, 'values.write') },
  {
    to: '/indicators/validation',
    label: 'validation',
    may: (u) => scopeFor(u, indicatorsPermissions, 'values.read') === 'province',
  },
  { to: '/reporting', label: 'reporting', may: mayUseReporting },
  { to: '/children', label: 'children', may: canReadChildren },
  { to: '/cases', label: 'cases', may: mayUseCases },
  { to: '/child-friendly', label: 'cfcMenu', may: canReadCommunes },
  // children's voices: opinions and forums (issue 17)
  { to: '/voices/opinions', label: 'voiOpinions', group: 'voices', may: canReadOpinions },
  { to: '/voices/inbox', label: 'voiInbox', group: 'voices', may: canAnswerOpinions },
  { to: '/voices/overdue', label: 'voiOverdue', group: 'voices', may: canSeeOverdueOpinions },
  { to: '/voices/complaints', label: 'complaints', may: mayUseComplaints, group: 'voices' },
  // after the voices group, so its items stay together for every role (the heading follows its first visible item)
  { to: '/communes', label: 'communes' },
  { to: '/admin/users', label: 'users', may: (u) => can(u, accessPermissions, 'users.manage') },
  { to: '/admin/agencies', label: 'agencies' },
  { to: '/admin/indicators', label: 'localIndicators', may: (u) => can(u, indicatorsPermissions, 'catalogue.edit') },
  { to: '/admin/audit', label: 'audit', may: (u) => can(u, accessPermissions, 'audit.read') },
  { to: '/admin/access-log', label: 'accessLog', may: (u) => can(u, accessPermissions, 'readLog.read') },
];

export function Layout() {
  const { t, roleLabel } = useI18n();
  const { user, signOut } = useSession();
  const [opened, { toggle }] = useDisclosure();
  const [changingPassword, setChangingPassword] = useState(false);
  const location = useLocation();
  if (!user) return null;
  const visible = items.filter((i) => !i.may || i.may(user));
  // the longest matching link is the active one (/indicators/entry, not also /indicators)
  const activeTo = visible
    .filter((i) => (i.to === '/' ? location.pathname === '/' : location.pathname.startsWith(i.to)))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="menu" />
            <Title order={3}>{t('appName')}</Title>
            <Text c="dimmed" size="sm" visibleFrom="sm">
              {t('appTagline')}
            </Text>
          </Group>
          <Group>
            <NotificationBell />
            <LanguageSwitch />
            <Text size="sm" data-testid="current-user">
              {user.displayName} · {roleLabel(user.role)}
            </Text>
            <Button variant="subtle" size="xs" onClick={() => setChangingPassword(true)} data-testid="change-password">
              {t('changeOwnPassword')}
            </Button>
            <Button variant="subtle" size="xs" onClick={() => void signOut()}>
              {t('signOut')}
            </Button>
            {changingPassword && <ChangePasswordModal onClose={() => setChangingPassword(false)} />}
          </Group>
        </Group>
      </AppShell.Header>
      {/* the menu scrolls on its own when it is taller than the window (a short laptop screen) */}
      <AppShell.Navbar p="xs" style={{ overflowY: 'auto' }}>
        <Stack gap={2}>
          {visible.map((i, n) => {
            const link = (x: Item) => (
              <NavLink key={x.to} component={RouterLink} to={x.to} end label={t(x.label)} active={x.to === activeTo} />
            );
            if (!i.group) return link(i);
            // a group's heading where its first visible item is, its items under it
            if (visible.findIndex((x) => x.group === i.group) !== n) return null;
            return (
              <NavLink key={i.group} label={t(i.group)} defaultOpened childrenOffset="sm" data-testid={`nav-group-${i.group}`}>
                {visible.filter((x) => x.group === i.group).map(link)}
              </NavLink>
            );
          })}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
