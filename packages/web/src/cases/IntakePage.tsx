import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import {
  ABUSE_FORMS,
  ABUSE_FORM_LABELS,
  CHANNEL_LABELS,
  REPORT_CHANNELS,
  URGENCIES,
  URGENCY_LABELS,
  type AbuseForm,
  type ReportChannel,
  type Urgency,
} from '@tre/core';
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../api/client.ts';
import { useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { formatDayTime } from '../reporting/labels.ts';
import { LeaveModal } from '../reporting/LeaveModal.tsx';
import { useLeave } from '../reporting/useLeave.ts';
import { useSession } from '../session/session.tsx';
import { FormActions } from '../ui/FormActions.tsx';
import { foldFilter } from '../ui/foldFilter.ts';
import { unitsReads } from '../units/api.ts';
import { intakeCommuneOf, intakeReachesProvince } from './access.ts';
import { casesApi, casesReads } from './api.ts';
import { ChildPicker } from './ChildPicker.tsx';
import { fieldOf } from './form.ts';
import {
  INTAKE_FIELDS,
  emptyIntake,
  intakeRequest,
  type IntakeField,
  type IntakeProblem,
  type IntakeProblems,
  type IntakeValues,
  type NewChildValues,
} from './intake.ts';
import { dayTimeToIso, hoursAfter } from './time.ts';

const PROBLEM_TEXT: Readonly<Record<IntakeProblem, MessageKey>> = {
  required: 'casProblemRequired',
  invalid: 'casProblemInvalid',
  future: 'casProblemFuture',
  nameOrPhone: 'casProblemNameOrPhone',
};

const isChannel = (v: string): v is ReportChannel => (REPORT_CHANNELS as readonly string[]).includes(v);
const isUrgency = (v: string): v is Urgency => (URGENCIES as readonly string[]).includes(v);

/** Puts the cursor in the first field that needs attention, so a keyboard user lands where to type. */
function focusField(field: IntakeField) {
  const el = document.querySelector<HTMLElement>(`[data-field="${field}"]`);
  const target = el?.matches('input, textarea, button') ? el : el?.querySelector<HTMLElement>('input, textarea, button');
  target?.focus();
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="xs">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/**
 * `/cases/new`: a report taken down while the caller is on the line (Mẫu 01). One column in the order
 * a call goes — when, how, who calls, which child, what happened, how urgent — so Tab walks it from
 * top to bottom; the time is already now (Vietnam time), the hotline already 111. An immediate
 * report says the 12-hour clock starts at the time received. The case opens once it is saved.
 */
export function IntakePage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const ownCommune = intakeCommuneOf(user);
  const picksCommune = intakeReachesProvince(user);
  const [initial] = useState<IntakeValues>(() => emptyIntake(new Date(), ownCommune));
  const [values, setValues] = useState<IntakeValues>(initial);
  const [problems, setProblems] = useState<IntakeProblems>({});
  const [refusal, setRefusal] = useState<{ field: IntakeField | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const communes = useRead(picksCommune ? unitsReads.allCommunes() : null);
  const commune = useRead(ownCommune ? unitsReads.commune(ownCommune) : null);
  const team = useRead(values.communeCode ? casesReads.team(values.communeCode) : null);
  const members = team.data?.items ?? [];
  const supervisors = members.filter((m) => m.canSupervise);
  // a commune with a single supervisor: that one, unless another is chosen
  const supervisorId = values.supervisorId ?? (supervisors.length === 1 ? (supervisors[0]?.id ?? null) : null);

  // a report half taken down is not lost to a stray click on the menu, Back or closing the tab
  const leave = useLeave(!busy && JSON.stringify(values) !== JSON.stringify(initial), () => undefined);
  const set = (change: Partial<IntakeValues>) => setValues((v) => ({ ...v, ...change }));
  const setChild = (change: Partial<NewChildValues>) => setValues((v) => ({ ...v, newChild: { ...v.newChild, ...change } }));
  const fieldError = (field: IntakeField): string | undefined => {
    const p = problems[field];
    if (p) return t(PROBLEM_TEXT[p]);
    return refusal?.field === field ? refusal.message : undefined;
  };
  const receivedIso = dayTimeToIso(values.receivedAt);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setRefusal(null);
    const result = intakeRequest({ ...values, supervisorId }, new Date());
    if (!result.ok) {
      setProblems(result.problems);
      const first = INTAKE_FIELDS.find((f) => result.problems[f]);
      if (first) focusField(first);
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      const { id } = await casesApi.create(result.body);
      await navigate(`/cases/${id}`);
    } catch (err) {
      const field = err instanceof ApiError ? (fieldOf(err.field, INTAKE_FIELDS) as IntakeField | null) : null;
      setRefusal({ field, message: errorMessage(err) });
      if (field) focusField(field);
      setBusy(false);
    }
  }

  const communeLabel = (code: string) => {
    const c = communes.data?.items.find((x) => x.code === code);
    return c ? `${c.name} (${c.code})` : code;
  };
  const problemCount = Object.keys(problems).length;

  return (
    <Stack maw={860}>
      <Anchor component={Link} to="/cases" size="sm">
        ← {t('casBack')}
      </Anchor>
      <Title order={2}>{t('casIntakeTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('casIntakeIntro')}
      </Text>
      <LeaveModal opened={leave.pending} onStay={leave.stay} onLeave={leave.leave} />
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="intake-form">
        <Stack>
          <Section id="intake-call" title={t('casIntakeSectionCall')}>
            <TextInput
              label={t('casReceivedAt')}
              description={t('casReceivedAtHint')}
              placeholder="dd/mm/yyyy hh:mm"
              required
              autoFocus
              maxLength={40}
              w={360}
              value={values.receivedAt}
              onChange={(e) => set({ receivedAt: e.currentTarget.value })}
              error={fieldError('receivedAt')}
              data-field="receivedAt"
              data-testid="intake-received-at"
            />
            <Radio.Group
              label={t('casChannel')}
              required
              value={values.channel}
              onChange={(v) => isChannel(v) && set({ channel: v })}
              error={fieldError('channel')}
              data-field="channel"
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
                {REPORT_CHANNELS.map((c) => (
                  <Radio key={c} value={c} label={CHANNEL_LABELS[c][lang]} data-testid={`intake-channel-${c}`} />
                ))}
              </SimpleGrid>
            </Radio.Group>
            {picksCommune ? (
              <Select
                label={t('casCommune')}
                description={t('casCommunePickHint')}
                required
                searchable
                filter={foldFilter()}
                w={360}
                data={(communes.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
                value={values.communeCode || null}
                onChange={(v) => set({ communeCode: v ?? '', supervisorId: null, workerId: null })}
                error={fieldError('communeCode')}
                data-field="communeCode"
                data-testid="intake-commune"
              />
            ) : (
              <Text size="sm" data-field="communeCode">
                <b>{t('casCommune')}:</b> {commune.data ? `${commune.data.name} (${commune.data.code})` : (ownCommune ?? '—')}
                {fieldError('communeCode') && (
                  <Text span c="red" size="sm" ml="xs" role="alert">
                    {fieldError('communeCode')}
                  </Text>
                )}
              </Text>
            )}
          </Section>

          <Section id="intake-reporter" title={t('casIntakeSectionReporter')}>
            <Checkbox
              label={t('casAnonymous')}
              description={t('casAnonymousHint')}
              checked={values.anonymous}
              onChange={(e) => set({ anonymous: e.currentTarget.checked })}
              data-testid="intake-anonymous"
            />
            {!values.anonymous && (
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label={t('casReporterName')}
                  maxLength={200}
                  value={values.reporterName}
                  onChange={(e) => set({ reporterName: e.currentTarget.value })}
                  error={fieldError('reporter.name')}
                  data-field="reporter.name"
                  data-testid="intake-reporter-name"
                />
                <TextInput
                  type="tel"
                  label={t('casReporterPhone')}
                  maxLength={30}
                  value={values.reporterPhone}
                  onChange={(e) => set({ reporterPhone: e.currentTarget.value })}
                  error={fieldError('reporter.phone')}
                  data-field="reporter.phone"
                  data-testid="intake-reporter-phone"
                />
                <TextInput
                  label={t('casReporterRelation')}
                  placeholder={t('casReporterRelationExample')}
                  maxLength={100}
                  value={values.reporterRelation}
                  onChange={(e) => set({ reporterRelation: e.currentTarget.value })}
                  error={fieldError('reporter.relation')}
                  data-field="reporter.relation"
                  data-testid="intake-reporter-relation"
                />
              </SimpleGrid>
            )}
            <Text size="xs" c="dimmed">
              {t('casReporterConfidential')}
            </Text>
          </Section>

          <Section id="intake-child" title={t('casIntakeSectionChild')}>
            <Radio.Group
              label={t('casChildMode')}
              value={values.childMode}
              onChange={(v) => set({ childMode: v === 'new' ? 'new' : 'register' })}
            >
              <Group mt={6}>
                <Radio value="register" label={t('casChildModeRegister')} data-testid="intake-child-mode-register" />
                <Radio value="new" label={t('casChildModeNew')} data-testid="intake-child-mode-new" />
              </Group>
            </Radio.Group>
            {values.childMode === 'register' ? (
              <ChildPicker
                commune={ownCommune}
                value={values.child}
                onPick={(child) =>
                  setValues((v) => ({
                    ...v,
                    child,
                    // a province operator who has not said the commune yet: the child's own
                    ...(child && !v.communeCode ? { communeCode: child.communeCode, supervisorId: null, workerId: null } : {}),
                  }))
                }
                error={fieldError('child')}
              />
            ) : (
              <NewChildFields values={values.newChild} set={setChild} error={fieldError} />
            )}
            {values.childMode === 'new' && (
              <Text size="xs" c="dimmed">
                {values.communeCode
                  ? t('casNewChildCommune', {
                      commune: picksCommune ? communeLabel(values.communeCode) : (commune.data?.name ?? values.communeCode),
                    })
                  : t('casNewChildCommunePending')}
              </Text>
            )}
          </Section>

          <Section id="intake-report" title={t('casIntakeSectionReport')}>
            <Checkbox.Group
              label={t('casAbuseForms')}
              description={t('casAbuseFormsHint')}
              required
              value={values.abuseForms}
              onChange={(v) => set({ abuseForms: ABUSE_FORMS.filter((f): f is AbuseForm => v.includes(f)) })}
              error={fieldError('abuseForms')}
              data-field="abuseForms"
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
                {ABUSE_FORMS.map((f) => (
                  <Checkbox key={f} value={f} label={ABUSE_FORM_LABELS[f][lang]} data-testid={`intake-abuse-${f}`} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Radio.Group
              label={t('casUrgency')}
              description={t('casUrgencyHint')}
              required
              value={values.urgency}
              onChange={(v) => isUrgency(v) && set({ urgency: v })}
              error={fieldError('urgency')}
              data-field="urgency"
            >
              <Stack gap={6} mt={6}>
                {URGENCIES.map((u) => (
                  <Radio
                    key={u}
                    value={u}
                    label={u === 'immediate' ? <b>{URGENCY_LABELS[u][lang]}</b> : URGENCY_LABELS[u][lang]}
                    color={u === 'immediate' ? 'red' : undefined}
                    data-testid={`intake-urgency-${u}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
            {values.urgency === 'immediate' && (
              <Alert color="red" variant="light" title={t('casEmergencyClockTitle')} data-testid="intake-emergency-clock">
                {receivedIso
                  ? t('casEmergencyClock', { due: formatDayTime(hoursAfter(receivedIso, 12)) })
                  : t('casEmergencyClockNoTime')}
              </Alert>
            )}
            <Textarea
              label={t('casFacts')}
              description={t('casFactsHint')}
              required
              autosize
              minRows={4}
              maxLength={5000}
              value={values.facts}
              onChange={(e) => set({ facts: e.currentTarget.value })}
              error={fieldError('facts')}
              data-field="facts"
              data-testid="intake-facts"
            />
            <TextInput
              label={t('casLocation')}
              maxLength={300}
              value={values.location}
              onChange={(e) => set({ location: e.currentTarget.value })}
              error={fieldError('location')}
              data-field="location"
              data-testid="intake-location"
            />
          </Section>

          <Section id="intake-team" title={t('casIntakeSectionTeam')}>
            {!values.communeCode && (
              <Text size="sm" c="dimmed">
                {t('casTeamNeedsCommune')}
              </Text>
            )}
            {team.error && (
              <Alert color="red" role="alert">
                {team.error}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('casSupervisor')}
                description={t('casSupervisorHint')}
                required
                searchable
                filter={foldFilter()}
                disabled={!values.communeCode}
                data={supervisors.map((m) => ({ value: m.id, label: m.displayName }))}
                value={supervisorId}
                onChange={(v) => set({ supervisorId: v })}
                error={fieldError('supervisorId')}
                data-field="supervisorId"
                data-testid="intake-supervisor"
              />
              <Select
                label={t('casWorker')}
                description={t('casWorkerHint')}
                searchable
                clearable
                filter={foldFilter()}
                disabled={!values.communeCode}
                data={members.map((m) => ({ value: m.id, label: m.displayName }))}
                value={values.workerId}
                onChange={(v) => set({ workerId: v })}
                error={fieldError('workerId')}
                data-field="workerId"
                data-testid="intake-worker"
              />
            </SimpleGrid>
          </Section>

          <FormActions
            error={
              refusal && !refusal.field ? refusal.message : problemCount > 0 ? t('casProblemsCount', { n: problemCount }) : null
            }
            onCancel={() => void navigate('/cases')}
          >
            <Button type="submit" loading={busy} data-testid="intake-submit">
              {t('casIntakeSubmit')}
            </Button>
          </FormActions>
        </Stack>
      </form>
    </Stack>
  );
}

/** A child not in the register: the few fields a call gives; the register's own checks apply when it is saved. */
function NewChildFields({
  values,
  set,
  error,
}: {
  values: NewChildValues;
  set: (change: Partial<NewChildValues>) => void;
  error: (field: IntakeField) => string | undefined;
}) {
  const { t } = useI18n();
  const text = (key: Exclude<keyof NewChildValues, 'sex' | 'birthDate'>, label: MessageKey, required = false) => (
    <TextInput
      label={t(label)}
      required={required}
      maxLength={200}
      value={values[key]}
      onChange={(e) => set({ [key]: e.currentTarget.value })}
      error={error(`child.new.${key}` as const)}
      data-field={`child.new.${key}`}
      data-testid={`intake-new-${key}`}
    />
  );
  return (
    <Stack gap="sm" data-testid="intake-new-child">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {text('fullName', 'casNewChildName', true)}
        <TextInput
          type="date"
          label={t('casNewChildBirthDate')}
          required
          value={values.birthDate}
          onChange={(e) => set({ birthDate: e.currentTarget.value })}
          error={error('child.new.birthDate')}
          data-field="child.new.birthDate"
          data-testid="intake-new-birthDate"
        />
        <Radio.Group
          label={t('casNewChildSex')}
          required
          value={values.sex}
          onChange={(v) => set({ sex: v === 'Nam' || v === 'Nữ' ? v : '' })}
          error={error('child.new.sex')}
          data-field="child.new.sex"
        >
          <Group mt={6}>
            <Radio value="Nam" label={t('casSexMale')} data-testid="intake-new-sex-male" />
            <Radio value="Nữ" label={t('casSexFemale')} data-testid="intake-new-sex-female" />
          </Group>
        </Radio.Group>
      </SimpleGrid>
      {text('address', 'casNewChildAddress')}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('motherName', 'casNewChildMother')}
        {text('fatherName', 'casNewChildFather')}
        {text('carerName', 'casNewChildCarer')}
        {text('phone', 'casNewChildPhone')}
      </SimpleGrid>
    </Stack>
  );
}
