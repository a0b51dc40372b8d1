import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { mayTransition, type AssessmentDto } from '@tre/core';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useRead } from '../api/useApi.ts';
import { TextModal } from '../cases/ServicesPanel.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { canAssess, canDecide, canVerify, readsProvince } from './access.ts';
import { communesApi, communesReads } from './api.ts';
import { ResultText, StateBadge, useCategoryLabel } from './badges.tsx';
import { entryStates, formProblems, saveRequest, type EntryProblem, type EntryState } from './form.ts';
import { IndicatorRow } from './IndicatorRow.tsx';
import { ShortfallPanel } from './ShortfallPanel.tsx';
import { CorrectModal, DecisionPanel, VerificationLine } from './VerifyPanels.tsx';
import { yearParam } from './years.ts';

/**
 * `/child-friendly/:code/:year`: a commune's self-assessment of a year. The commune enters it (the
 * figures Tre holds pre-filled with their source, overridable with a reason; the others with
 * evidence files) and submits it; the province accepts or corrects each criterion with a comment,
 * returns it, or records the decision. The score and why it falls short are the server's, shown
 * again after every save.
 */
export function AssessmentPage() {
  const { code = '', year: yearText } = useParams();
  const year = yearParam(yearText);
  const read = useRead(year ? communesReads.assessment(code, year) : null);
  const [a, setA] = useState<AssessmentDto | null>(null);
  useEffect(() => {
    if (read.data) setA(read.data);
  }, [read.data]);
  const { t } = useI18n();
  if (!year) return <Text>{t('notFoundPage')}</Text>;
  return (
    <Stack maw={1100}>
      <Anchor component={Link} to={`/child-friendly?year=${String(year)}`} size="sm">
        ← {t('cfcBack')}
      </Anchor>
      {read.error && (
        <Alert color="red" role="alert">
          {read.error}
        </Alert>
      )}
      {read.loading && !a && <Loader />}
      {a && <Assessment a={a} onChanged={setA} />}
    </Stack>
  );
}

function Assessment({ a: saved, onChanged }: { a: AssessmentDto; onChanged: (next: AssessmentDto) => void }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const category = useCategoryLabel();
  const editable = canAssess(user) && mayTransition(saved.state, 'save');
  const verifying = canVerify(user) && mayTransition(saved.state, 'verify');
  const deciding = canDecide(user) && mayTransition(saved.state, 'decision');
  const [states, setStates] = useState<Record<string, EntryState>>(() => entryStates(saved));
  // the server's scores, again after every save (live scoring waits for core's scorer to be zod-free: see live.ts)
  const a = saved;
  const [problems, setProblems] = useState<Record<string, EntryProblem>>({});
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'save' | 'submit' | 'accept' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const numbers = useMemo(() => new Map(a.criteria.map((c, i) => [c.code, i + 1])), [a.criteria]);

  /** the server's reply becomes the page: scores, shortfall, version; the form starts again from it */
  function take(next: AssessmentDto, note: string | null) {
    onChanged(next);
    setStates(entryStates(next));
    setProblems({});
    setDirty(false);
    setMessage(note);
    setError(null);
  }

  async function save(): Promise<AssessmentDto | null> {
    const found = formProblems(states);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setError(t('cfcFixProblems'));
      return null;
    }
    return communesApi.save(saved.communeCode, saved.year, saveRequest(saved, states));
  }

  async function run(kind: 'save' | 'submit' | 'accept', work: () => Promise<void>) {
    setBusy(kind);
    setError(null);
    setMessage(null);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  const onSave = () =>
    run('save', async () => {
      const next = await save();
      if (next) take(next, t('cfcSaved'));
    });
  const onSubmit = () =>
    run('submit', async () => {
      // what is on the screen is what is sent: saved first when changed
      const current = dirty || !saved.exists ? await save() : saved;
      if (!current) return;
      take(await communesApi.submit(saved.communeCode, saved.year, { version: current.version }), t('cfcSubmitted'));
    });
  const accept = (criterion: string) =>
    run('accept', async () => {
      take(await communesApi.verify(a.communeCode, a.year, { version: a.version, criterion, outcome: 'accepted' }), null);
    });

  const pending = a.criteria.filter((c) => !c.verification).map((c) => c.code);
  /** every criterion not verified yet accepted in turn, each on the version the previous one gave */
  const acceptRest = () =>
    run('accept', async () => {
      let current = a;
      for (const criterion of pending) {
        current = await communesApi.verify(a.communeCode, a.year, { version: current.version, criterion, outcome: 'accepted' });
        onChanged(current);
      }
      take(current, t('cfcAcceptedRest', { n: pending.length }));
    });

  const correctingCriterion = a.criteria.find((c) => c.code === correcting);

  return (
    <Stack data-testid="cfc-assessment" data-state={a.state}>
      <Stack gap={4}>
        <Title order={2}>{t('cfcAssessmentTitle', { year: a.year })}</Title>
        <Group gap="sm">
          <Text fw={700} size="lg" data-testid="cfc-commune-name">
            {a.communeName}
          </Text>
          <StateBadge state={a.exists ? a.state : 'none'} />
        </Group>
        <Text size="sm" c="dimmed">
          {category(a.type)} · {t('cfcColThreshold')} {a.threshold} · {t('cfcRuleSet', { version: a.ruleSet.version })} —{' '}
          {a.ruleSet.title[lang]}
        </Text>
        {!a.exists && !editable && <Text c="dimmed">{t('cfcNotStarted')}</Text>}
      </Stack>

      {a.returnComment && a.state === 'returned' && (
        <Alert color="grape" title={t('cfcReturnTitle')} data-testid="cfc-return-comment">
          {t('cfcReturnedComment', { comment: a.returnComment })}
        </Alert>
      )}
      {a.decision && (
        <Paper withBorder p="md" data-testid="cfc-decision">
          <Text fw={600}>
            {t('cfcDecisionLine', {
              number: a.decision.number,
              date: a.decision.date.split('-').reverse().join('/'),
              result: a.decision.recognised ? t('cfcRecognised') : t('cfcNotRecognised'),
            })}
          </Text>
          <ResultText decided recognised={a.decision.recognised} />
        </Paper>
      )}

      <ShortfallPanel a={a} />

      {verifying && (
        <Alert color="blue" variant="light" title={t('cfcVerifyTitle')}>
          {t('cfcVerifyHint')}
        </Alert>
      )}
      {!editable && canAssess(user) && a.state === 'submitted' && <Text c="dimmed">{t('cfcReadOnly')}</Text>}

      {a.criteria.map((c) => {
        const no = numbers.get(c.code) ?? 0;
        const zero = c.points <= 0;
        return (
          <Paper
            key={c.code}
            withBorder
            p="md"
            component="section"
            aria-labelledby={`cfc-criterion-${c.code}`}
            data-testid="cfc-criterion"
            data-criterion={c.code}
            data-zero={zero || undefined}
            style={zero ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Title order={3} size="h5" id={`cfc-criterion-${c.code}`}>
                {t('cfcCriterion', { no })}. {c.name[lang]}
              </Title>
              <Stack gap={0} align="flex-end">
                <Text fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="cfc-criterion-points">
                  {t('cfcPoints', { points: c.points, max: c.maxPoints })}
                </Text>
                {zero && (
                  <Text size="sm" fw={700} c="red.9" data-testid="cfc-zero-mark">
                    <span aria-hidden="true">✕ </span>
                    {t('cfcZeroMark')}
                  </Text>
                )}
              </Stack>
            </Group>
            {(c.verification || a.state !== 'draft') && <VerificationLine c={c} />}
            {c.indicators.map((e) => (
              <IndicatorRow
                key={e.code}
                e={e}
                state={states[e.code]}
                problem={problems[e.code]}
                editable={editable}
                onChange={(next) => {
                  setStates((all) => ({ ...all, [e.code]: next }));
                  setDirty(true);
                }}
              />
            ))}
            {verifying && (
              <Group mt="xs">
                <Button
                  variant="light"
                  size="xs"
                  loading={busy === 'accept'}
                  onClick={() => void accept(c.code)}
                  data-testid={`cfc-accept-${c.code}`}
                >
                  <span aria-hidden="true">✓&nbsp;</span>
                  {t('cfcAccept')}
                </Button>
                <Button variant="default" size="xs" onClick={() => setCorrecting(c.code)} data-testid={`cfc-correct-${c.code}`}>
                  <span aria-hidden="true">✎&nbsp;</span>
                  {t('cfcCorrect')}
                </Button>
              </Group>
            )}
          </Paper>
        );
      })}

      {message && (
        <Alert color="teal" role="status" data-testid="cfc-message">
          {message}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert" data-testid="cfc-error">
          {error}
        </Alert>
      )}

      {editable && (
        <Group style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)' }} py="sm">
          <Button variant="default" onClick={() => void onSave()} loading={busy === 'save'} data-testid="cfc-save">
            {t('cfcSave')}
          </Button>
          <Button onClick={() => void onSubmit()} loading={busy === 'submit'} data-testid="cfc-submit">
            {t('cfcSubmit')}
          </Button>
          {dirty && (
            <Text size="sm" c="dimmed">
              {t('cfcUnsaved')}
            </Text>
          )}
        </Group>
      )}

      {verifying && (
        <Group>
          {pending.length > 0 && (
            <Button variant="light" loading={busy === 'accept'} onClick={() => void acceptRest()} data-testid="cfc-accept-rest">
              <span aria-hidden="true">✓&nbsp;</span>
              {t('cfcAcceptRest', { n: pending.length })}
            </Button>
          )}
          <Button variant="default" color="grape" onClick={() => setReturning(true)} data-testid="cfc-return">
            <span aria-hidden="true">↩&nbsp;</span>
            {t('cfcReturn')}
          </Button>
        </Group>
      )}
      {deciding && <DecisionPanel a={a} pending={pending.length} onSaved={(next) => take(next, t('cfcDecided'))} />}

      {readsProvince(user) && a.history.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="cfc-history">
          <Title order={3} size="h5" id="cfc-history" mb="xs">
            {t('cfcHistory')}
          </Title>
          <Stack gap={2}>
            {a.history.map((h, i) => (
              <Text key={i} size="sm">
                {new Date(h.at).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })} · {h.byName}{' '}
                · {t(HISTORY_LABEL[h.action])}
                {h.comment ? ` — ${h.comment}` : ''}
              </Text>
            ))}
          </Stack>
        </Paper>
      )}

      {correctingCriterion && (
        <CorrectModal
          a={a}
          c={correctingCriterion}
          no={numbers.get(correctingCriterion.code) ?? 0}
          onClose={() => setCorrecting(null)}
          onSaved={(next) => {
            setCorrecting(null);
            take(next, null);
          }}
        />
      )}
      {returning && (
        <TextModal
          title={t('cfcReturnTitle')}
          label={t('cfcReturnReason')}
          submitLabel={t('cfcReturn')}
          onClose={() => setReturning(false)}
          onSubmit={async (comment) => {
            const next = await communesApi.returnToCommune(a.communeCode, a.year, { version: a.version, comment });
            setReturning(false);
            take(next, null);
          }}
        />
      )}
    </Stack>
  );
}

const HISTORY_LABEL = {
  create: 'cfcHistCreate',
  save: 'cfcHistSave',
  submit: 'cfcHistSubmit',
  verify: 'cfcHistVerify',
  return: 'cfcHistReturn',
  decision: 'cfcHistDecision',
} as const;
