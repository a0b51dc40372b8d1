import { Alert, Anchor, Badge, Button, Group, List, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ChildDto, ChildField, GroupMembershipDto } from '@tre/core';
import { useCallback, useEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDayTime } from '../reporting/labels.ts';
import { useSession } from '../session/session.tsx';
import { TableHead } from '../ui/TableHead.tsx';
import { canEditChildren, canImportChildren, canSeeReaders, ownCommuneOf } from './access.ts';
import { ChildForm } from './ChildForm.tsx';
import { childBody, formValuesOf } from './form.ts';
import { MembershipModal } from './MembershipModal.tsx';
import { ReadersPanel } from './ReadersPanel.tsx';
import { childrenApi } from './api.ts';
import { VerificationBadge } from './badges.tsx';
import {
  FIELD_LABELS,
  GROUP_LABELS,
  SCHOOLING_LABELS,
  SEX_LABELS,
  formatDate,
  historyActionLabel,
  historyFieldLabel,
  historyValue,
  sourceText,
  yesNo,
} from './labels.ts';
import { ReasonModal } from './ReasonModal.tsx';
import { recordReducer } from './reasonFlow.ts';

/** Reads a record; asks for a reason when the server wants one, and reads it again with it. */
function useChildRecord(id: number) {
  const [state, dispatch] = useReducer(recordReducer, { kind: 'loading' });
  const current = useRef(id);
  const reason = useRef<string | undefined>(undefined);
  useEffect(() => {
    reason.current = undefined;
    current.current = id;
    let live = true;
    dispatch({ type: 'load' });
    childrenApi.child(id).then(
      (child) => live && dispatch({ type: 'loaded', child }),
      (error: unknown) => live && dispatch({ type: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  const giveReason = useCallback(
    (given: string) => {
      reason.current = given;
      dispatch({ type: 'submitReason' });
      childrenApi.child(id, given).then(
        (child) => current.current === id && dispatch({ type: 'loaded', child }),
        (error: unknown) => current.current === id && dispatch({ type: 'failed', error }),
      );
    },
    [id],
  );
  const decline = useCallback(() => dispatch({ type: 'decline' }), []);
  const askAgain = useCallback(() => dispatch({ type: 'askAgain' }), []);
  /** Reads the record again after a change, with the reason already given (a change is not a new look). */
  const reload = useCallback(async () => {
    const child = await childrenApi.child(id, reason.current);
    if (current.current === id) dispatch({ type: 'loaded', child });
  }, [id]);
  return { state, giveReason, decline, askAgain, reload };
}

/**
 * `/children/:id`: one child's record, personal ID whole: the child, family, groups with their
 * dates and support, the check against the population database, where the record came from, and
 * its history. A record outside the reader's commune opens only with a stated reason.
 */
export function ChildPage() {
  const { id: param = '' } = useParams();
  const id = Number(param);
  const { t } = useI18n();
  const { state, giveReason, decline, askAgain, reload } = useChildRecord(Number.isSafeInteger(id) && id > 0 ? id : 0);
  const back = (
    <Anchor component={Link} to="/children" size="sm">
      ← {t('chdBack')}
    </Anchor>
  );
  return (
    <Stack maw={1100}>
      {back}
      {state.kind === 'loading' && <Loader />}
      {state.kind === 'failed' && (
        <Alert color="red" role="alert" data-testid="child-error">
          {state.error}
        </Alert>
      )}
      {(state.kind === 'reason' || state.kind === 'declined') && <Title order={2}>{t('chdRecordTitle')}</Title>}
      {state.kind === 'reason' && <ReasonModal busy={state.busy} error={state.error} onCancel={decline} onSubmit={giveReason} />}
      {state.kind === 'declined' && (
        <Alert color="gray" data-testid="child-declined">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('chdReasonDeclined')}</Text>
            <Button size="xs" variant="default" onClick={askAgain}>
              {t('chdReasonGive')}
            </Button>
          </Stack>
        </Alert>
      )}
      {state.kind === 'ready' && <ChildRecord child={state.child} reload={reload} />}
    </Stack>
  );
}

/** Label–value rows of a section, each label a row header. */
function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table withRowBorders={false} verticalSpacing={4}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w={220} fw={500} c="dimmed">
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const orDash = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

function ChildRecord({ child: c, reload }: { child: ChildDto; reload: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [editing, setEditing] = useState(false);
  const [membership, setMembership] = useState<GroupMembershipDto | null>(null);
  const mayEdit = canEditChildren(user) && c.mergedInto === null;
  if (editing) {
    return (
      <Stack data-testid="child-edit">
        <Title order={2}>{t('chdEditTitle', { name: c.fullName })}</Title>
        <ChildForm
          initial={formValuesOf(c)}
          fixedCommune={ownCommuneOf(user)}
          submitLabel={t('save')}
          onCancel={() => setEditing(false)}
          onSubmit={async (values) => {
            await childrenApi.update(c.id, childBody(values), c.version);
            await reload();
            setEditing(false);
          }}
        />
      </Stack>
    );
  }
  const field = (f: ChildField) => FIELD_LABELS[f][lang];
  const latest = c.verifications[0] ?? null;
  const mismatchLabel = (m: string) => (m in FIELD_LABELS ? FIELD_LABELS[m as ChildField][lang] : historyFieldLabel(m, lang));

  return (
    <Stack data-testid="child-record">
      <Group gap="sm" align="center">
        <Title order={2} data-testid="child-name">
          {c.fullName}
        </Title>
        <VerificationBadge status={latest?.status ?? null} />
        {mayEdit && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)} data-testid="child-edit-button">
            {t('chdEdit')}
          </Button>
        )}
        {!c.active && (
          <Badge color="gray" variant="outline" style={{ textTransform: 'none' }}>
            {t('chdOver16')}
          </Badge>
        )}
      </Group>
      {c.mergedInto !== null && (
        <Alert color="orange" data-testid="child-merged">
          {t('chdMergedInto', { id: c.mergedInto })}{' '}
          <Anchor component={Link} to={`/children/${c.mergedInto}`}>
            {t('chdOpenKept')}
          </Anchor>
        </Alert>
      )}
      {!c.active && <Text size="sm">{t('chdInactiveNote')}</Text>}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="child-person">
          <Title order={3} size="h4" id="child-person" mb="xs">
            {t('chdSectionPerson')}
          </Title>
          <Facts
            rows={[
              [t('chdRecordNo'), `#${c.id}`],
              [field('fullName'), c.fullName],
              [field('birthDate'), formatDate(c.birthDate)],
              [field('sex'), SEX_LABELS[c.sex][lang]],
              [
                field('ethnicity'),
                c.ethnicity ? `${c.ethnicity}${c.ethnicityListed ? '' : ` ${t('chdEthnicityUnlisted')}`}` : '—',
              ],
              [
                field('personalId'),
                <Text key="id" span ff="monospace" data-testid="child-personal-id">
                  {c.personalId ?? t('chdNoId')}
                </Text>,
              ],
              [t('chdBirthRegistered'), yesNo(c.birthRegistered, lang)],
              [t('chdCommune'), `${c.communeName} (${c.communeCode})`],
              [field('address'), orDash(c.address)],
              [field('disability'), yesNo(c.disability, lang)],
              [field('schooling'), c.schooling ? SCHOOLING_LABELS[c.schooling][lang] : '—'],
            ]}
          />
        </Paper>
        <Stack>
          <Paper withBorder p="md" component="section" aria-labelledby="child-family">
            <Title order={3} size="h4" id="child-family" mb="xs">
              {t('chdSectionFamily')}
            </Title>
            <Facts
              rows={[
                [field('motherName'), orDash(c.motherName)],
                [field('fatherName'), orDash(c.fatherName)],
                [field('carerName'), orDash(c.carerName)],
                [field('phone'), orDash(c.phone)],
              ]}
            />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="child-source">
            <Title order={3} size="h4" id="child-source" mb="xs">
              {t('chdSectionSource')}
            </Title>
            <Text size="sm" data-testid="child-source">
              {sourceText(c.source, t)}
            </Text>
            {c.source.kind === 'import' && c.source.jobId && canImportChildren(user) && (
              <Anchor component={Link} to={`/children/import?job=${encodeURIComponent(c.source.jobId)}`} size="sm">
                {t('chdSourceJob')}
              </Anchor>
            )}
          </Paper>
        </Stack>
      </SimpleGrid>

      <Paper withBorder p="md" component="section" aria-labelledby="child-groups">
        <Title order={3} size="h4" id="child-groups" mb="xs">
          {t('chdSectionGroups')}
        </Title>
        {c.groups.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('chdNoGroups')}
          </Text>
        ) : (
          <Table data-testid="child-groups">
            <TableHead
              labels={[
                t('chdGroupLetter'),
                t('chdGroupStarted'),
                t('chdGroupEnded'),
                t('chdGroupSupport'),
                ...(mayEdit ? [t('chdActions')] : []),
              ]}
            />
            <Table.Tbody>
              {c.groups.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    <b>{g.group})</b> {GROUP_LABELS[g.group][lang]}
                  </Table.Td>
                  <Table.Td>{formatDate(g.startedOn)}</Table.Td>
                  <Table.Td>{g.endedOn ? formatDate(g.endedOn) : t('chdGroupOngoing')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{orDash(g.support)}</Table.Td>
                  {mayEdit && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => setMembership(g)}
                        data-testid={`membership-edit-${g.group}`}
                      >
                        {t('chdGroupEdit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      {membership && (
        <MembershipModal
          childId={c.id}
          membership={membership}
          onClose={() => setMembership(null)}
          onSaved={async () => {
            await reload();
            setMembership(null);
          }}
        />
      )}

      <Paper withBorder p="md" component="section" aria-labelledby="child-verification">
        <Title order={3} size="h4" id="child-verification" mb="xs">
          {t('chdSectionVerification')}
        </Title>
        {c.verifications.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('chdNeverVerified')}
          </Text>
        ) : (
          <List spacing="xs" listStyleType="none" data-testid="child-verifications">
            {c.verifications.map((v) => (
              <List.Item key={v.id}>
                <Group gap="xs">
                  <VerificationBadge status={v.status} />
                  <Text size="sm">{t('chdVerifiedAt', { time: formatDayTime(v.checkedAt) })}</Text>
                </Group>
                {v.mismatches.length > 0 && (
                  <Text size="sm">{t('chdMismatches', { fields: v.mismatches.map(mismatchLabel).join(', ') })}</Text>
                )}
                {v.residence && <Text size="sm">{t('chdResidence', { address: v.residence.address })}</Text>}
              </List.Item>
            ))}
          </List>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="child-history">
        <Title order={3} size="h4" id="child-history" mb="xs">
          {t('chdSectionHistory')}
        </Title>
        {c.history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('chdNoHistory')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table striped data-testid="child-history">
              <TableHead labels={[t('chdHistWhen'), t('chdHistWho'), t('chdHistAction'), t('chdHistChanges')]} />
              <Table.Tbody>
                {c.history.map((h) => (
                  <Table.Tr key={h.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDayTime(h.at)}</Table.Td>
                    <Table.Td>{h.actorName}</Table.Td>
                    <Table.Td>
                      {historyActionLabel(h.action, lang)}
                      {h.childId !== c.id && (
                        <Text size="xs" c="dimmed">
                          {t('chdHistOtherRecord', { id: h.childId })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <List size="sm" spacing={2}>
                        {Object.entries(h.changes).map(([col, [before, after]]) => (
                          <List.Item key={col}>
                            <b>{historyFieldLabel(col, lang)}</b>: {historyValue(col, before, lang)} →{' '}
                            {historyValue(col, after, lang)}
                          </List.Item>
                        ))}
                      </List>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {canSeeReaders(user) && <ReadersPanel childId={c.id} />}
    </Stack>
  );
}
