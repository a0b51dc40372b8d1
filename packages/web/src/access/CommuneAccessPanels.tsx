import { List, Text, Title } from '@mantine/core';
import { accessPermissions } from '@tre/core';
import { useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { can } from '../session/can.ts';
import { useSession } from '../session/session.tsx';
import { accessReads } from './api.ts';
import { RecordReadsPanel } from './RecordReadsPanel.tsx';

/** What the access module shows on a commune of one's own province: its staff, and who read the commune's records. */
export function CommuneAccessPanels({ code }: { code: string }) {
  const { t, roleLabel } = useI18n();
  const { user } = useSession();
  const staff = useRead(accessReads.communeStaff(code));
  return (
    <>
      {staff.data && (
        <>
          <Title order={5}>{t('staff')}</Title>
          <List size="sm">
            {staff.data.items.length === 0 && <Text c="dimmed">{t('noData')}</Text>}
            {staff.data.items.map((u) => (
              <List.Item key={u.id}>
                {u.displayName} — {roleLabel(u.role)}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {can(user, accessPermissions, 'readLog.read') && <RecordReadsPanel recordId={code} />}
    </>
  );
}
