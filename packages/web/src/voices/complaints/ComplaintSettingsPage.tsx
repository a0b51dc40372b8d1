import { Alert, Badge, Button, Card, Group, Loader, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { COMPLAINT_KIND_LABELS, type ClockUnit, type ComplaintClockRulesDto, type ComplaintSettingDto } from '@tre/core';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDayTime } from '../../reporting/labels.ts';
import { complaintsApi, complaintsReads } from './api.ts';

/**
 * `/voices/complaints/settings`: the legal clocks of each kind (days to accept and to resolve,
 * calendar or working days, extensions) with their legal source, for the administrator to change
 * when the law or a provincial decision does. A change applies to complaints received afterwards.
 */
export function ComplaintSettingsPage() {
  const { t } = useI18n();
  const settings = useRead(complaintsReads.settings());
  return (
    <Stack maw={820}>
      <Title order={2}>{t('cmpSettingsTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('cmpSettingsHint')}
      </Text>
      {settings.error && <Alert color="red">{settings.error}</Alert>}
      {!settings.data && <Loader />}
      {settings.data?.items.map((s) => (
        <RulesCard key={`${s.kind}-${s.updatedAt ?? ''}`} setting={s} onSaved={settings.reload} />
      ))}
    </Stack>
  );
}

function RulesCard({ setting, onSaved }: { setting: ComplaintSettingDto; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const [rules, setRules] = useState<ComplaintClockRulesDto>({
    acceptanceDays: setting.acceptanceDays,
    acceptanceUnit: setting.acceptanceUnit,
    resolutionDays: setting.resolutionDays,
    resolutionUnit: setting.resolutionUnit,
    remoteResolutionDays: setting.remoteResolutionDays,
    maxExtensions: setting.maxExtensions,
    extensionDays: setting.extensionDays,
    source: setting.source,
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (patch: Partial<ComplaintClockRulesDto>) => setRules((r) => ({ ...r, ...patch }));
  const units = [
    { value: 'calendar', label: t('cmpUnitCalendar') },
    { value: 'working', label: t('cmpUnitWorking') },
  ];
  const unitOf = (v: string | null): ClockUnit => (v === 'working' ? 'working' : 'calendar');
  const whole = (n: string | number) => (typeof n === 'number' ? n : 0);
  async function save() {
    try {
      await complaintsApi.saveSettings(setting.kind, rules);
      setMessage({ ok: true, text: t('cmpSaved') });
      onSaved();
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    }
  }
  return (
    <Card withBorder data-testid={`complaint-settings-${setting.kind}`}>
      <Group justify="space-between">
        <Title order={4}>{COMPLAINT_KIND_LABELS[setting.kind][lang]}</Title>
        {setting.isDefault ? (
          <Badge variant="light">{t('cmpDefault')}</Badge>
        ) : (
          <Text size="xs" c="dimmed">
            {setting.updatedAt ? formatDayTime(setting.updatedAt) : ''} · {setting.updatedBy ?? ''}
          </Text>
        )}
      </Group>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack mt="sm">
          <Group grow>
            <NumberInput
              label={t('cmpAcceptanceDays')}
              min={1}
              max={365}
              allowDecimal={false}
              value={rules.acceptanceDays}
              onChange={(n) => set({ acceptanceDays: whole(n) })}
            />
            <Select
              label={t('cmpUnit')}
              data={units}
              allowDeselect={false}
              value={rules.acceptanceUnit}
              onChange={(v) => set({ acceptanceUnit: unitOf(v) })}
            />
          </Group>
          <Group grow>
            <NumberInput
              label={t('cmpResolutionDays')}
              min={1}
              max={365}
              allowDecimal={false}
              value={rules.resolutionDays}
              onChange={(n) => set({ resolutionDays: whole(n) })}
            />
            <Select
              label={t('cmpUnit')}
              data={units}
              allowDeselect={false}
              value={rules.resolutionUnit}
              onChange={(v) => set({ resolutionUnit: unitOf(v) })}
            />
          </Group>
          <Group grow>
            {setting.kind === 'complaint' && (
              <NumberInput
                label={t('cmpRemoteDays')}
                min={1}
                max={365}
                allowDecimal={false}
                value={rules.remoteResolutionDays ?? ''}
                onChange={(n) => set({ remoteResolutionDays: typeof n === 'number' ? n : null })}
              />
            )}
            <NumberInput
              label={t('cmpMaxExtensions')}
              min={0}
              max={5}
              allowDecimal={false}
              value={rules.maxExtensions}
              onChange={(n) => set({ maxExtensions: whole(n) })}
            />
            <NumberInput
              label={t('cmpExtensionDays')}
              min={1}
              max={365}
              allowDecimal={false}
              value={rules.extensionDays}
              onChange={(n) => set({ extensionDays: whole(n) })}
            />
          </Group>
          <TextInput
            label={t('cmpSource')}
            maxLength={500}
            value={rules.source}
            onChange={(e) => set({ source: e.currentTarget.value })}
          />
          {message && (
            <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </Alert>
          )}
          <Group>
            <Button type="submit" data-testid={`complaint-settings-save-${setting.kind}`}>
              {t('cmpSaveSettings')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
