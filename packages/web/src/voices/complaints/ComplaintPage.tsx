import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import {
  ANSWER_METHODS,
  ANSWER_METHOD_LABELS,
  COMPLAINT_ACTION_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_OUTCOME_LABELS,
  COMPLAINT_STATUS_LABELS,
  type ComplaintAction,
  type ComplaintDto,
} from '@tre/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDayTime, today } from '../../reporting/labels.ts';
import { useSession } from '../../session/session.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { maySeeComplainant, maySeeComplaintAccessLog } from './access.ts';
import { complaintsApi, complaintsReads } from './api.ts';
import { ComplaintClockLine, ComplaintStatusBadge, KindLabel } from './ComplaintClock.tsx';
import {
  STEP_FIELD_LABELS,
  stepDataLines,
  stepFields,
  stepMissing,
  stepRequest,
  stepRequires,
  type Field,
  type StepValues,
} from './steps.ts';

/**
 * `/voices/complaints/:id`: one complaint: its clocks, its content, its timeline, the steps open to
 * this reader (the extension as a dialog that says how many the law still allows), who complained
 * (for the handler and the supervisor only, fetched on demand so every look is in the read log) and,
 * for the supervisor, who read it.
 */
export function ComplaintPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const id = Number(useParams().id);
  const complaint = useRead(Number.isInteger(id) && id > 0 ? complaintsReads.complaint(id) : null);
  const [action, setAction] = useState<ComplaintAction | null>(null);
  const c = complaint.data;
  if (complaint.error)
    return (
      <Alert color="red" role="alert">
        {complaint.error}
      </Alert>
    );
  if (!c) return <Loader />;
  return (
    <Stack>
      <Anchor component={Link} to="/voices/complaints">
        ← {t('cmpBack')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} data-testid="complaint-number">
            {c.number}
          </Title>
          <KindLabel kind={c.kind} />
          <Text size="sm" c="dimmed">
            {COMPLAINT_CHANNEL_LABELS[c.channel][lang]} · {formatDayTime(c.receivedAt)} · {c.body.name}
          </Text>
        </Stack>
        <div data-testid="complaint-status" data-status={c.status}>
          <ComplaintStatusBadge status={c.status} />
        </div>
      </Group>

      <Card withBorder data-testid="complaint-clocks">
        <Title order={4}>{t('cmpClocks')}</Title>
        <Group mt="xs" align="flex-start">
          {c.clocks.map((k) => (
            <ComplaintClockLine key={k.kind} clock={k} />
          ))}
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('cmpRules', { source: c.rules.source })}
        </Text>
      </Card>

      <Card withBorder>
        <Title order={4}>{t('cmpContentSection')}</Title>
        <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-content-text">
          {c.content}
        </Text>
        {c.childName && (
          <Text size="sm" mt="xs">
            {t('cmpChild')}: {c.childName}
          </Text>
        )}
        {c.outcome && (
          <Text size="sm" mt="xs" fw={600}>
            {t('cmpOutcome')}: {COMPLAINT_OUTCOME_LABELS[c.outcome][lang]}
            {c.decisionNumber ? ` · ${c.decisionNumber}` : ''}
          </Text>
        )}
      </Card>

      <Card withBorder>
        <Title order={4}>{t('cmpSteps')}</Title>
        {c.actions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('cmpNoSteps')}
          </Text>
        ) : (
          <Group mt="xs">
            {c.actions.map((a) => (
              <Button
                key={a}
                variant={a === 'close' ? 'default' : 'light'}
                onClick={() => setAction(a)}
                data-testid={`complaint-action-${a}`}
              >
                {COMPLAINT_ACTION_LABELS[a][lang]}
              </Button>
            ))}
          </Group>
        )}
      </Card>
      {action && (
        <StepDialog
          complaint={c}
          action={action}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            complaint.reload();
          }}
        />
      )}

      <Card withBorder>
        <Title order={4}>{t('cmpTimeline')}</Title>
        <Timeline mt="sm" bulletSize={14} data-testid="complaint-timeline">
          {c.steps.map((s) => (
            <Timeline.Item
              key={s.id}
              title={s.action === 'intake' ? COMPLAINT_STATUS_LABELS.received[lang] : COMPLAINT_ACTION_LABELS[s.action][lang]}
            >
              <Text size="xs" c="dimmed">
                {formatDayTime(s.at)} · {s.actorName}
              </Text>
              {stepDataLines(s.data, lang).map(([label, value]) => (
                <Text size="sm" key={label}>
                  {t(label)}: {value}
                </Text>
              ))}
              {s.comment && <Text size="sm">{s.comment}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>

      {maySeeComplainant(user, c.relation) && <ComplainantPanel id={c.id} />}
      {maySeeComplaintAccessLog(user, c.relation.supervisor) && <AccessLogPanel id={c.id} />}
    </Stack>
  );
}

function ComplainantPanel({ id }: { id: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const who = useRead(open ? complaintsReads.complainant(id) : null);
  return (
    <Card withBorder data-testid="complainant-panel">
      <Title order={4}>{t('cmpComplainantPanel')}</Title>
      {!open && (
        <Button mt="xs" variant="light" onClick={() => setOpen(true)} data-testid="complainant-show">
          {t('cmpComplainantShow')}
        </Button>
      )}
      {who.error && (
        <Alert color="red" role="alert">
          {who.error}
        </Alert>
      )}
      {who.data &&
        (who.data.anonymous ? (
          <Text>{t('cmpAnonymous')}</Text>
        ) : (
          <Stack gap={2} mt="xs">
            <Text>
              {t('cmpName')}: {who.data.name}
            </Text>
            <Text>
              {t('cmpAddress')}: {who.data.address ?? '—'}
            </Text>
            <Text>
              {t('cmpContact')}: {who.data.contact ?? '—'}
            </Text>
            <Text>
              {t('cmpIdNumber')}: {who.data.idNumber ?? '—'}
            </Text>
          </Stack>
        ))}
    </Card>
  );
}

function AccessLogPanel({ id }: { id: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const log = useRead(open ? complaintsReads.accessLog(id) : null);
  return (
    <Card withBorder>
      <Title order={4}>{t('cmpAccessLog')}</Title>
      {!open && (
        <Button mt="xs" variant="light" onClick={() => setOpen(true)}>
          {t('cmpAccessLogShow')}
        </Button>
      )}
      {log.data && (
        <Table mt="xs">
          <TableHead labels={[t('cmpAccessAt'), t('cmpAccessWho'), t('cmpAccessResult')]} />
          <Table.Tbody>
            {log.data.items.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>{formatDayTime(r.at)}</Table.Td>
                <Table.Td>{r.username ?? '—'}</Table.Td>
                <Table.Td>{r.status >= 400 ? `${String(r.status)} ${t('cmpRefused')}` : String(r.status)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function StepDialog({
  complaint,
  action,
  onClose,
  onDone,
}: {
  complaint: ComplaintDto;
  action: ComplaintAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const [v, setV] = useState<StepValues>({
    date: today(),
    decisionNumber: '',
    reason: '',
    note: '',
    outcome: null,
    method: null,
    days: complaint.rules.extensionDays,
    complexity: 'complex',
  });
  const [error, setError] = useState<string | null>(null);
  const [errorField, setErrorField] = useState<Field | null>(null);
  // a message of ours names its field already; the server's gets the field's label before it
  const [named, setNamed] = useState(false);
  const [busy, setBusy] = useState(false);
  const fields = stepFields(action);
  const set = (patch: Partial<StepValues>) => setV((x) => ({ ...x, ...patch }));
  // the field's own error, and its required mark, from the step's rules
  const fieldProps = (f: Field) => ({
    required: stepRequires(action, f),
    error: errorField === f ? (error ?? undefined) : undefined,
  });
  async function submit() {
    const missing = stepMissing(action, v);
    if (missing) {
      setErrorField(missing);
      setError(t('cmpFieldRequired', { field: t(STEP_FIELD_LABELS[missing]) }));
      setNamed(true);
      return;
    }
    setBusy(true);
    try {
      await complaintsApi.step(complaint.id, stepRequest(action, v, complaint.version));
      onDone();
    } catch (e) {
      setErrorField(e instanceof ApiError ? (fields.find((f) => f === e.field) ?? null) : null);
      setError(errorMessage(e));
      setNamed(false);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened onClose={onClose} title={action === 'extend' ? t('cmpExtendTitle') : COMPLAINT_ACTION_LABELS[action][lang]}>
      <form
        noValidate
        data-testid={`complaint-step-${action}`}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          {action === 'extend' && (
            <Text size="sm" data-testid="complaint-extend-hint">
              {t('cmpExtendHint', {
                n: complaint.extensions,
                max: complaint.rules.maxExtensions,
                days: complaint.rules.extensionDays,
              })}
            </Text>
          )}
          {fields.includes('date') && (
            <TextInput
              type="date"
              label={t('cmpDate')}
              {...fieldProps('date')}
              value={v.date}
              onChange={(e) => set({ date: e.currentTarget.value })}
            />
          )}
          {fields.includes('decisionNumber') && (
            <TextInput
              label={t('cmpDecisionNumber')}
              {...fieldProps('decisionNumber')}
              maxLength={50}
              value={v.decisionNumber}
              onChange={(e) => set({ decisionNumber: e.currentTarget.value })}
              data-testid="step-decision-number"
            />
          )}
          {fields.includes('outcome') && (
            <Select
              label={t('cmpOutcome')}
              {...fieldProps('outcome')}
              data-testid="step-outcome"
              data={COMPLAINT_OUTCOMES[complaint.kind].map((o) => ({ value: o, label: COMPLAINT_OUTCOME_LABELS[o][lang] }))}
              value={v.outcome}
              onChange={(o) => set({ outcome: COMPLAINT_OUTCOMES[complaint.kind].find((x) => x === o) ?? null })}
            />
          )}
          {fields.includes('method') && (
            <Select
              label={t('cmpMethod')}
              {...fieldProps('method')}
              data-testid="step-method"
              data={ANSWER_METHODS.map((m) => ({ value: m, label: ANSWER_METHOD_LABELS[m][lang] }))}
              value={v.method}
              onChange={(m) => set({ method: ANSWER_METHODS.find((x) => x === m) ?? null })}
            />
          )}
          {fields.includes('days') && (
            <Group grow>
              <NumberInput
                label={t('cmpDays')}
                {...fieldProps('days')}
                min={1}
                max={complaint.rules.extensionDays}
                allowDecimal={false}
                value={v.days}
                onChange={(n) => set({ days: typeof n === 'number' ? n : 0 })}
              />
              <Select
                label={t('cmpComplexity')}
                allowDeselect={false}
                data={[
                  { value: 'complex', label: t('cmpComplex') },
                  { value: 'especially_complex', label: t('cmpEspeciallyComplex') },
                ]}
                value={v.complexity}
                onChange={(x) => set({ complexity: x === 'especially_complex' ? 'especially_complex' : 'complex' })}
              />
            </Group>
          )}
          {fields.includes('reason') && (
            <Textarea
              label={t('cmpReason')}
              {...fieldProps('reason')}
              data-testid="step-reason"
              autosize
              minRows={2}
              maxLength={2000}
              value={v.reason}
              onChange={(e) => set({ reason: e.currentTarget.value })}
            />
          )}
          {fields.includes('note') && (
            <Textarea
              label={t('cmpNote')}
              {...fieldProps('note')}
              data-testid="step-note"
              autosize
              minRows={2}
              maxLength={2000}
              value={v.note}
              onChange={(e) => set({ note: e.currentTarget.value })}
            />
          )}
          {error && (
            <Alert color="red" role="alert">
              {errorField && !named ? `${t(STEP_FIELD_LABELS[errorField])}: ${error}` : error}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy} data-testid="step-submit">
              {t('cmpDo')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('cmpCancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
