import { Alert, Anchor, Button, Group, List, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import {
  ABUSE_FORM_LABELS,
  ACTION_LABELS,
  CASE_ACTIONS,
  CHANNEL_LABELS,
  STATUS_LABELS,
  TRANSITIONS,
  type CaseAction,
  type CaseDto,
} from '@tre/core';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useRead } from '../api/useApi.ts';
import { canReadChildren } from '../children/access.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDayTime } from '../reporting/labels.ts';
import { useSession } from '../session/session.tsx';
import { canGrantCaseAccess, maySeeCaseAccessLog } from './access.ts';
import { casesReads } from './api.ts';
import { ClockLine, StatusBadge, UrgencyBadge } from './badges.tsx';
import { CaseAccessLogPanel, CaseGrantPanel } from './CaseAccessPanels.tsx';
import { stepLabel, stepRows } from './labels.ts';
import { ServicesPanel } from './ServicesPanel.tsx';
import { StepModal } from './StepForm.tsx';
import { SupervisorPanel } from './SupervisorPanel.tsx';

/** Label–value rows of a section, each label a row header. */
function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table withRowBorders={false} verticalSpacing={4}>
      <Table.Tbody>
        {rows.map(([label, value], i) => (
          <Table.Tr key={`${label}-${i}`}>
            <Table.Th scope="row" w={220} fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
              {label}
            </Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * `/cases/:id`: one case — its header with the legal clocks, the report, the steps taken with what
 * each legal form recorded, the actions open to this reader now, the plan's services, and, by the
 * reader's part in the case, the supervisor's reassignment and transfer, who read it, and the
 * administrator's grant. The administrator's grant is offered even when the case itself is not
 * theirs to read: it needs only the case's number.
 */
export function CasePage() {
  const { id: param = '' } = useParams();
  const id = Number(param);
  const valid = Number.isSafeInteger(id) && id > 0;
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const record = useRead(valid ? casesReads.case(id) : null);
  const c = record.data && record.data.id === id ? record.data : undefined;
  return (
    <Stack maw={1200}>
      <Anchor component={Link} to="/cases" size="sm">
        ← {t('casBack')}
      </Anchor>
      {!valid && <Alert color="red">{t('casNotACase')}</Alert>}
      {record.loading && !c && <Loader />}
      {record.error && !c && <Title order={2}>{t('casCaseTitle', { number: `#${id}` })}</Title>}
      {record.error && (
        <Alert color="red" role="alert" data-testid="case-error">
          {record.error}
        </Alert>
      )}
      {c && <CaseRecord c={c} reload={record.reload} onTransferred={() => void navigate('/cases')} />}
      {valid && canGrantCaseAccess(user) && <CaseGrantPanel caseId={id} />}
    </Stack>
  );
}

function CaseRecord({ c, reload, onTransferred }: { c: CaseDto; reload: () => void; onTransferred: () => void }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [action, setAction] = useState<CaseAction | null>(null);
  // the actions in the legal order, whatever order the server sends them in
  const actions = CASE_ACTIONS.filter((a) => c.actions.includes(a));
  const emergencyOpen = c.emergencyRequired && actions.includes('emergency');

  return (
    <Stack data-testid="case-record">
      <Stack gap={6}>
        <Group gap="sm" align="center">
          <Title order={2} data-testid="case-number">
            {t('casCaseTitle', { number: c.number })}
          </Title>
          <StatusBadge status={c.status} />
          <UrgencyBadge urgency={c.urgency} />
        </Group>
        <Text>
          <b>{t('casColChild')}:</b>{' '}
          {canReadChildren(user) ? (
            <Anchor component={Link} to={`/children/${c.childId}`}>
              {c.childName}
            </Anchor>
          ) : (
            c.childName
          )}{' '}
          · <b>{t('casColCommune')}:</b> {c.communeName}
        </Text>
        <Text size="sm">
          {t('casWorkerIs', { name: c.workerName ?? t('casUnassigned') })} ·{' '}
          {t('casSupervisorIs', { name: c.supervisorName ?? t('casUnassigned') })}
        </Text>
        {c.clocks.length > 0 && (
          <Group gap="xl" align="flex-start" data-testid="case-clocks" role="group" aria-label={t('casClocks')}>
            {c.clocks.map((k) => (
              <ClockLine key={k.kind} clock={k} />
            ))}
          </Group>
        )}
      </Stack>

      {emergencyOpen && (
        <Alert color="red" title={t('casEmergencyRequiredTitle')} data-testid="case-emergency-required">
          {t('casEmergencyRequired')}
        </Alert>
      )}

      <Paper withBorder p="md" component="section" aria-labelledby="case-actions">
        <Title order={3} size="h4" id="case-actions" mb="xs">
          {t('casActionsTitle')}
        </Title>
        {actions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {c.status === 'closed' ? t('casActionsClosed') : t('casActionsNone')}
          </Text>
        ) : (
          <Group gap="sm">
            {actions.map((a) => (
              <Button
                key={a}
                variant={a === 'emergency' && emergencyOpen ? 'filled' : TRANSITIONS[a].by === 'supervisor' ? 'light' : 'default'}
                color={a === 'emergency' ? 'red' : undefined}
                onClick={() => setAction(a)}
                data-testid={`case-action-${a}`}
              >
                {ACTION_LABELS[a][lang]}
              </Button>
            ))}
          </Group>
        )}
      </Paper>
      {action && (
        <StepModal
          caseDto={c}
          action={action}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            reload();
          }}
          onStale={reload}
        />
      )}

      <SimpleGrid cols={{ base: 1, md: c.reporter ? 2 : 1 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="case-report">
          <Title order={3} size="h4" id="case-report" mb="xs">
            {t('casReportTitle')}
          </Title>
          <Facts
            rows={[
              [t('casReceivedAt'), formatDayTime(c.receivedAt)],
              [t('casChannel'), CHANNEL_LABELS[c.channel][lang]],
              [t('casAbuseForms'), c.abuseForms.map((f) => ABUSE_FORM_LABELS[f][lang]).join(', ')],
              [t('casFacts'), c.facts],
              [t('casLocation'), c.location ?? '—'],
            ]}
          />
        </Paper>
        {c.reporter && (
          <Paper withBorder p="md" component="section" aria-labelledby="case-reporter" data-testid="case-reporter">
            <Title order={3} size="h4" id="case-reporter" mb="xs">
              {t('casReporterTitle')}
            </Title>
            {c.reporter.anonymous ? (
              <Text size="sm">{t('casReporterAnonymous')}</Text>
            ) : (
              <Facts
                rows={[
                  [t('casReporterName'), c.reporter.name ?? '—'],
                  [t('casReporterPhone'), c.reporter.phone ?? '—'],
                  [t('casReporterRelation'), c.reporter.relation ?? '—'],
                ]}
              />
            )}
            <Text size="xs" c="dimmed" mt="xs">
              {t('casReporterConfidential')}
            </Text>
          </Paper>
        )}
      </SimpleGrid>

      <Paper withBorder p="md" component="section" aria-labelledby="case-steps">
        <Title order={3} size="h4" id="case-steps" mb="xs">
          {t('casStepsTitle')}
        </Title>
        {c.steps.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('casStepsNone')}
          </Text>
        ) : (
          <List type="ordered" spacing="md" data-testid="case-steps">
            {c.steps.map((s) => {
              const rows = stepRows(s, lang);
              return (
                <List.Item key={s.id} data-testid="case-step" data-action={s.action}>
                  <Text fw={600}>
                    {stepLabel(s.action, lang)}{' '}
                    <Text span size="sm" c="dimmed" fw={400}>
                      → {STATUS_LABELS[s.toStatus][lang]}
                    </Text>
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('casStepBy', { who: s.actorName, time: formatDayTime(s.at) })}
                  </Text>
                  {rows.length > 0 && <Facts rows={rows} />}
                  {s.comment && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      <b>{t('casStepComment')}:</b> {s.comment}
                    </Text>
                  )}
                </List.Item>
              );
            })}
          </List>
        )}
      </Paper>

      <ServicesPanel c={c} onChanged={reload} />
      {c.relation.supervisor && c.status !== 'closed' && (
        <SupervisorPanel c={c} onChanged={reload} onTransferred={onTransferred} />
      )}
      {maySeeCaseAccessLog(user, c.relation.supervisor) && <CaseAccessLogPanel caseId={c.id} />}
    </Stack>
  );
}
