import { Badge, Button, Menu, ScrollArea, Stack, Text } from '@mantine/core';
import type { NotificationDto } from '@tre/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { appLink, badgeCount, bellLabel, formatWhen } from './labels.ts';
import { useNotifications } from './useNotifications.ts';

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The header's bell: the unread count on it (and in its accessible name), a menu of the latest
 * notifications, each opening its page and marked read as it is opened, and "mark all read". An
 * unread one is told by a dot, bold text and the word "chưa đọc", not by colour alone.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const { items, unread, error, refresh, markRead, markAllRead } = useNotifications();
  const [opened, setOpened] = useState(false);
  const label = bellLabel(t, unread);
  return (
    <Menu
      opened={opened}
      onChange={(next) => {
        setOpened(next);
        if (next) void refresh();
      }}
      position="bottom-end"
      width={380}
      shadow="md"
    >
      <Menu.Target>
        <Button variant="subtle" size="xs" px={6} aria-label={label} title={label} data-testid="notification-bell">
          <BellIcon />
          {unread > 0 && (
            <Badge size="sm" circle={unread < 10} color="red" ml={2} aria-hidden="true" data-testid="notification-count">
              {badgeCount(unread)}
            </Badge>
          )}
        </Button>
      </Menu.Target>
      <Menu.Dropdown data-testid="notification-menu">
        <Menu.Label>{t('ntfTitle')}</Menu.Label>
        {error && (
          <Text size="sm" c="red" px="sm" role="alert">
            {t('ntfLoadFailed', { message: error })}
          </Text>
        )}
        {items.length === 0 && !error && (
          <Text size="sm" c="dimmed" px="sm" py={4}>
            {t('ntfNone')}
          </Text>
        )}
        {items.length > 0 && (
          <ScrollArea.Autosize mah={420} type="auto">
            {items.map((n) => (
              <NotificationItem key={n.id} notification={n} onOpen={() => void markRead(n)} />
            ))}
          </ScrollArea.Autosize>
        )}
        <Menu.Divider />
        <Menu.Item
          disabled={unread === 0}
          closeMenuOnClick={false}
          onClick={() => void markAllRead()}
          data-testid="notifications-read-all"
        >
          {t('ntfMarkAllRead')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function NotificationItem({ notification: n, onOpen }: { notification: NotificationDto; onOpen: () => void }) {
  const { t, lang } = useI18n();
  const unread = n.readAt === null;
  const link = appLink(n.link);
  const body = (
    <Stack gap={0}>
      <Text size="sm" fw={unread ? 700 : 400} lineClamp={3}>
        {n.title[lang]}
      </Text>
      <Text size="xs" c="dimmed">
        {formatWhen(t, n.createdAt, new Date())}
        {unread && ` · ${t('ntfUnread')}`}
      </Text>
    </Stack>
  );
  const marker = (
    <Text c={unread ? 'teal' : 'transparent'} fw={700} aria-hidden="true" w={10}>
      ●
    </Text>
  );
  const common = { leftSection: marker, onClick: onOpen, 'data-testid': 'notification-item', 'data-unread': unread };
  return link ? (
    <Menu.Item component={Link} to={link} {...common}>
      {body}
    </Menu.Item>
  ) : (
    <Menu.Item {...common}>{body}</Menu.Item>
  );
}
