import { Alert, Loader, Stack, Tabs } from '@mantine/core';
import type { SubmissionDto } from '@tre/core';
import { useCallback, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import type { SessionUser } from '../../api/types.ts';
import { useRead } from '../../api/useApi.ts';
import { periodName } from '../../format/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { catalogueReads } from '../../indicators/catalogue/api.ts';
import { useSession } from '../../session/session.tsx';
import { canReadBoard } from '../access.ts';
import { ConfirmModal } from '../ConfirmModal.tsx';
import { LeaveModal } from '../LeaveModal.tsx';
import { useLeave } from '../useLeave.ts';
import { ActionBar } from './ActionBar.tsx';
import { ChangesCard } from './ChangesCard.tsx';
import { FiguresSection } from './FiguresSection.tsx';
import { NarrativeSection } from './NarrativeSection.tsx';
import { ReopenModal } from './ReopenModal.tsx';
import { ReturnModal, type PendingComment } from './ReturnModal.tsx';
import { SubmissionHeader } from './SubmissionHeader.tsx';
import { TasksSection } from './TasksSection.tsx';
import { commentsByTarget, WHOLE } from './targets.ts';
import { missingNow } from './edits.ts';
import { useSubmissionActions, useSubmissionData, useSubmissionDraft } from './useSubmission.ts';

type SubmissionTab = 'tasks' | 'figures' | 'narrative';

/** `/reporting/rounds/:id/submissions/:unit`: one body's report for a round — its tasks, figures and text — and its workflow. */
export default function SubmissionPage() {
  const { id = '', unit = '' } = useParams();
  const { user } = useSession();
  const sub = useSubmissionData(id, unit);
  if (sub.error) return <Alert color="red">{sub.error}</Alert>;
  if (!sub.data || !user) return <Loader />;
  return <SubmissionScreen user={user} s={sub.data} setData={sub.setData} reload={sub.reload} />;
}

function SubmissionScreen({
  user,
  s,
  setData,
  reload,
}: {
  user: SessionUser;
  s: SubmissionDto;
  setData: (s: SubmissionDto) => void;
  reload: () => Promise<SubmissionDto>;
}) {
  const { t, lang } = useI18n();
  const catalogue = useRead(catalogueReads.catalogue());
  const d = useSubmissionDraft(s);
  const actions = useSubmissionActions(user, s, d, setData, reload);
  const leave = useLeave(d.dirty, d.discard);
  const [review, setReview] = useState<PendingComment[]>([]);
  const [dialog, setDialog] = useState<'return' | 'accept' | 'reopen' | null>(null);

  const editable = s.actions.includes('save');
  const reviewer = s.actions.includes('return');
  const comments = useMemo(() => commentsByTarget(s.comments), [s.comments]);
  const current = d.cells.state.current;
  const explanations = d.draft.explanations;
  const missing = useMemo(() => missingNow(s, current, explanations), [s, current, explanations]);
  const missingNames = useMemo(
    () => s.missingFigures.map((code) => s.figures.elements.find((e) => e.code === code)?.name[lang] ?? code),
    [s, lang],
  );
  const onComment = useCallback((target: string) => {
    setReview((r) => (r.some((c) => c.target === target) ? r : [...r, { target, text: '' }]));
    setDialog('return');
  }, []);
  const commentHere = reviewer ? onComment : null;
  const [tab, setTab] = useState<SubmissionTab>('tasks');
  const count = (kind: string) => s.comments.filter((c) => c.target.startsWith(`${kind}:`)).length;
  const tasksComments = count('task');
  const figuresComments = count('figure');
  const narrativeComments = count('section');
  const tabLabel = (name: string, n: number | null, commented: number) =>
    `${name}${n === null ? '' : ` (${n})`}${commented > 0 ? ` · ✉ ${t('repCommentCount', { n: commented })}` : ''}`;

  const act = (a: 'save' | 'submit' | 'return' | 'accept' | 'reopen') => {
    if (a === 'save') void actions.save();
    else if (a === 'submit')
      void actions.submit().then((ok) => {
        // what is still missing is on the figures' tab
        if (!ok && missing.length > 0) setTab('figures');
      });
    else setDialog(a);
  };

  return (
    <Stack gap="lg" pb={40} maw={1100}>
      <SubmissionHeader s={s} boardLink={canReadBoard(user)} editable={editable} comments={comments.get(WHOLE)} />
      <ChangesCard s={s} />
      <Tabs value={tab} onChange={(v) => setTab((v ?? 'tasks') as SubmissionTab)} keepMounted>
        <Tabs.List>
          <Tabs.Tab value="tasks" data-testid="tab-tasks">
            {tabLabel(t('repSecTasks'), s.tasks.length, tasksComments)}
          </Tabs.Tab>
          <Tabs.Tab value="figures" data-testid="tab-figures">
            {tabLabel(t('repSecFigures'), null, figuresComments)}
            {missing.length > 0 && ` · ! ${t('repMissingShort', { n: missing.length })}`}
          </Tabs.Tab>
          <Tabs.Tab value="narrative" data-testid="tab-narrative">
            {tabLabel(t('repSecNarrative'), null, narrativeComments)}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="tasks" pt="md">
          <TasksSection
            s={s}
            edits={d.draft.tasks}
            editable={editable}
            comments={comments}
            onTask={d.setTask}
            onComment={commentHere}
          />
        </Tabs.Panel>
        <Tabs.Panel value="figures" pt="md">
          <FiguresSection
            s={s}
            catalogue={catalogue.data}
            state={d.cells.state}
            dispatch={d.cells.dispatch}
            explanations={d.draft.explanations}
            missing={missing}
            editable={editable}
            comments={comments}
            onExplain={d.setExplanation}
            onExplainAll={d.explainAll}
            onComment={commentHere}
          />
        </Tabs.Panel>
        <Tabs.Panel value="narrative" pt="md">
          <NarrativeSection
            narrative={d.draft.narrative}
            editable={editable}
            comments={comments}
            onChange={d.setSection}
            onComment={commentHere}
          />
        </Tabs.Panel>
      </Tabs>
      <ActionBar
        s={s}
        dirty={d.dirty}
        busy={actions.busy}
        done={actions.done}
        error={dialog ? null : actions.error}
        missingNames={missingNames}
        onAction={act}
      />

      {dialog === 'return' && (
        <ReturnModal
          s={s}
          comments={review}
          onChange={setReview}
          onClose={() => setDialog(null)}
          busy={actions.busy === 'return'}
          error={actions.error}
          onReturn={() =>
            void actions
              .returnWith(review.filter((c) => c.text.trim()).map((c) => ({ target: c.target, text: c.text.trim() })))
              .then((ok) => {
                if (!ok) return;
                setReview([]);
                setDialog(null);
              })
          }
        />
      )}
      {dialog === 'accept' && <AcceptModal s={s} onClose={() => setDialog(null)} accept={actions.accept} />}
      {dialog === 'reopen' && (
        <ReopenModal
          onClose={() => setDialog(null)}
          busy={actions.busy === 'reopen'}
          error={actions.error}
          onReopen={(reason) => void actions.reopen(reason).then((ok) => ok && setDialog(null))}
        />
      )}
      <LeaveModal opened={leave.pending} onStay={leave.stay} onLeave={leave.leave} />
    </Stack>
  );
}

function AcceptModal({ s, onClose, accept }: { s: SubmissionDto; onClose: () => void; accept: () => Promise<boolean> }) {
  const { t, lang } = useI18n();
  return (
    <ConfirmModal
      title={t('repAcceptTitle')}
      text={t('repAcceptText', { unit: s.unitName, period: periodName(s.period, lang) })}
      confirm={t('repAccept')}
      color="teal"
      onCancel={onClose}
      onConfirm={async () => {
        // a refusal is shown in the action bar, with the report as it is
        await accept();
        onClose();
      }}
    />
  );
}
