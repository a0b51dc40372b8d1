import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Radio,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { COMPLAINT_CHANNELS, COMPLAINT_CHANNEL_LABELS, COMPLAINT_KINDS, COMPLAINT_KIND_LABELS } from '@tre/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useRead } from '../../api/useApi.ts';
import { vietnamDayTimeInput } from '../../cases/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { unitsReads } from '../../units/api.ts';
import { intakeScopeOf } from './access.ts';
import { complaintsApi, complaintsReads } from './api.ts';
import { intakeRequest, type IntakeValues } from './intake.ts';

/**
 * `/voices/complaints/new`: a complaint or denunciation received, keyboard only (Tab from field to
 * field, the child found as typed). The anonymous switch appears for a denunciation only; a
 * complaint names its complainant. The body is the officer's own commune or agency, or any of the
 * province for the province's officers.
 */
export function ComplaintIntakePage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const scope = intakeScopeOf(user);
  const [values, setValues] = useState<IntakeValues>(() => ({
    kind: 'complaint',
    channel: 'letter',
    receivedAt: vietnamDayTimeInput(new Date()),
    content: '',
    anonymous: false,
    name: '',
    address: '',
    contact: '',
    idNumber: '',
    childId: null,
    bodyKind: scope === 'own_agency' ? 'agency' : 'commune',
    bodyId: scope === 'own_commune' ? (user?.communeCode ?? '') : scope === 'own_agency' ? (user?.agencyId ?? '') : '',
    remoteArea: false,
    handlerId: null,
    supervisorId: null,
  }));
  const [childQuery, setChildQuery] = useState('');
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<IntakeValues>) => setValues((v) => ({ ...v, ...patch }));

  const communes = useRead(scope === 'province' && values.bodyKind === 'commune' ? unitsReads.allCommunes() : null);
  const agencies = useRead(scope === 'province' && values.bodyKind === 'agency' ? unitsReads.agencies() : null);
  const team = useRead(values.bodyId ? complaintsReads.team({ kind: values.bodyKind, id: values.bodyId }) : null);
  const childCommune = values.bodyKind === 'commune' ? values.bodyId : null;
  const children = useRead(
    childQuery.trim().length >= 2 && (scope !== 'own_agency' || childCommune)
      ? complaintsReads.children(childQuery.trim(), childCommune)
      : null,
  );
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  async function save() {
    const made = intakeRequest(values);
    if (!made.ok) {
      setError({ field: made.field, message: t(made.message) });
      return;
    }
    setSaving(true);
    try {
      const { id } = await complaintsApi.create(made.body);
      await navigate(`/voices/complaints/${String(id)}`);
    } catch (e) {
      setError({ field: e instanceof ApiError ? (e.field ?? null) : null, message: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  }

  const anonymous = values.kind === 'denunciation' && values.anonymous;
  const others = (team.data?.items ?? []).filter((m) => m.id !== user?.id);
  return (
    <Stack maw={820}>
      <Title order={2}>{t('cmpIntakeTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('cmpIntakeIntro')}
      </Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack>
          <Radio.Group
            label={t('cmpKind')}
            value={values.kind}
            onChange={(v) => set({ kind: v === 'denunciation' ? 'denunciation' : 'complaint', anonymous: false })}
          >
            <Group>
              {COMPLAINT_KINDS.map((k) => (
                <Radio key={k} value={k} label={COMPLAINT_KIND_LABELS[k][lang]} data-testid={`complaint-kind-${k}`} />
              ))}
            </Group>
          </Radio.Group>
          <Group grow>
            <Select
              label={t('cmpChannel')}
              data={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: COMPLAINT_CHANNEL_LABELS[c][lang] }))}
              value={values.channel}
              allowDeselect={false}
              onChange={(v) => {
                const channel = COMPLAINT_CHANNELS.find((c) => c === v);
                if (channel) set({ channel });
              }}
            />
            <TextInput
              label={t('cmpReceivedAt')}
              value={values.receivedAt}
              onChange={(e) => set({ receivedAt: e.currentTarget.value })}
              error={fieldError('receivedAt')}
              data-testid="complaint-received-at"
            />
          </Group>
          <Textarea
            label={t('cmpContent')}
            required
            autosize
            minRows={4}
            maxLength={5000}
            value={values.content}
            onChange={(e) => set({ content: e.currentTarget.value })}
            error={fieldError('content')}
            data-testid="complaint-content"
          />

          <Fieldset legend={t('cmpComplainant')}>
            <Stack>
              {values.kind === 'denunciation' && (
                <>
                  <Switch
                    label={t('cmpAnonymousSwitch')}
                    checked={values.anonymous}
                    onChange={(e) => set({ anonymous: e.currentTarget.checked })}
                    data-testid="complaint-anonymous"
                  />
                  {values.anonymous && <Alert color="yellow">{t('cmpAnonymousNote')}</Alert>}
                </>
              )}
              {fieldError('anonymous') && (
                <Text c="red" size="sm" role="alert">
                  {fieldError('anonymous')}
                </Text>
              )}
              {!anonymous && (
                <>
                  <TextInput
                    label={t('cmpName')}
                    required
                    maxLength={100}
                    value={values.name}
                    onChange={(e) => set({ name: e.currentTarget.value })}
                    error={fieldError('complainant.name') ?? fieldError('body.complainant.name')}
                    data-testid="complaint-name"
                  />
                  <TextInput
                    label={t('cmpAddress')}
                    required={values.kind === 'complaint'}
                    maxLength={300}
                    value={values.address}
                    onChange={(e) => set({ address: e.currentTarget.value })}
                    error={fieldError('complainant.address')}
                    data-testid="complaint-address"
                  />
                  <Group grow>
                    <TextInput
                      label={t('cmpContact')}
                      maxLength={100}
                      value={values.contact}
                      onChange={(e) => set({ contact: e.currentTarget.value })}
                    />
                    <TextInput
                      label={t('cmpIdNumber')}
                      maxLength={12}
                      inputMode="numeric"
                      value={values.idNumber}
                      onChange={(e) => set({ idNumber: e.currentTarget.value })}
                      error={fieldError('body.complainant.idNumber')}
                    />
                  </Group>
                </>
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('cmpBodyKind')}>
            <Stack>
              {scope === 'province' && (
                <>
                  <Radio.Group
                    value={values.bodyKind}
                    onChange={(v) =>
                      set({ bodyKind: v === 'agency' ? 'agency' : 'commune', bodyId: '', handlerId: null, supervisorId: null })
                    }
                  >
                    <Group>
                      <Radio value="commune" label={t('cmpBodyCommune')} />
                      <Radio value="agency" label={t('cmpBodyAgency')} />
                    </Group>
                  </Radio.Group>
                  <Select
                    searchable
                    label={values.bodyKind === 'commune' ? t('cmpBodyCommune') : t('cmpBodyAgency')}
                    data={
                      values.bodyKind === 'commune'
                        ? (communes.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))
                        : (agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.shortName }))
                    }
                    value={values.bodyId || null}
                    onChange={(v) => set({ bodyId: v ?? '', handlerId: null, supervisorId: null })}
                    error={fieldError('body')}
                    data-testid="complaint-body"
                  />
                </>
              )}
              {values.kind === 'complaint' && (
                <Checkbox
                  label={t('cmpRemote')}
                  checked={values.remoteArea}
                  onChange={(e) => set({ remoteArea: e.currentTarget.checked })}
                />
              )}
              <Group grow>
                <Select
                  label={t('cmpHandler')}
                  data={[
                    { value: '', label: t('cmpHandlerSelf') },
                    ...others.map((m) => ({ value: m.id, label: m.displayName })),
                  ]}
                  value={values.handlerId ?? ''}
                  onChange={(v) => set({ handlerId: v ? v : null })}
                  error={fieldError('handlerId')}
                  data-testid="complaint-handler"
                />
                <Select
                  label={t('cmpSupervisor')}
                  required
                  data={(team.data?.items ?? [])
                    .filter((m) => m.canSupervise)
                    .map((m) => ({ value: m.id, label: m.displayName }))}
                  value={values.supervisorId}
                  onChange={(v) => set({ supervisorId: v })}
                  error={fieldError('supervisorId')}
                  data-testid="complaint-supervisor"
                />
              </Group>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('cmpChild')}>
            <Stack gap="xs">
              <TextInput
                label={t('cmpChildSearch')}
                value={childQuery}
                onChange={(e) => setChildQuery(e.currentTarget.value)}
                data-testid="complaint-child-search"
              />
              <Radio.Group
                value={values.childId === null ? '' : String(values.childId)}
                onChange={(v) => set({ childId: v ? Number(v) : null })}
                error={fieldError('childId')}
              >
                <Stack gap={4}>
                  <Radio value="" label={t('cmpChildNone')} />
                  {(children.data?.items ?? []).map((c) => (
                    <Radio
                      key={c.id}
                      value={String(c.id)}
                      label={`${c.fullName} · ${c.birthDate} · ${c.communeName}${c.personalIdMasked ? ` · ${c.personalIdMasked}` : ''}`}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            </Stack>
          </Fieldset>

          {error && error.field === null && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          {error && error.field !== null && (
            <Text c="red" size="sm" role="alert">
              {error.message}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={saving} data-testid="complaint-save">
              {t('cmpSave')}
            </Button>
            <Button variant="default" onClick={() => void navigate('/voices/complaints')}>
              {t('cmpCancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
