import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { canBuildReport, canReadReports } from '../access.ts';
import { reportingApi, reportingReads } from '../api.ts';
import { ConfirmModal } from '../ConfirmModal.tsx';
import { formatDayTime } from '../labels.ts';
import { LeaveModal } from '../LeaveModal.tsx';
import { useLeave } from '../useLeave.ts';
import { BuildsList } from './BuildsList.tsx';
import { FrontEditor } from './FrontEditor.tsx';
import { SectionsEditor } from './SectionsEditor.tsx';
import { useReportDraft } from './useReportDraft.ts';

/**
 * `/reporting/rounds/:id/report`: the consolidated report. The standing body edits its text (header,
 * each paragraph with the body it came from), saves it, assembles it again from the submissions, and
 * builds the documents; leaders see the documents built.
 */
export default function ReportPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const builds = useRead(canReadReports(user) ? reportingReads.builds(id) : null);
  return (
    <Stack maw={1000} pb={40}>
      <Anchor component={Link} to={`/reporting/rounds/${id}`} size="sm">
        ← {t('repBoard')}
      </Anchor>
      <Title order={2}>{t('repReportTitle')}</Title>
      {canBuildReport(user) && <ReportEditor roundId={id} onBuilt={builds.reload} />}
      <BuildsList roundId={id} builds={builds.data?.items} error={builds.error} />
    </Stack>
  );
}

function ReportEditor({ roundId, onBuilt }: { roundId: string; onBuilt: () => void }) {
  const { t } = useI18n();
  const r = useReportDraft(roundId);
  const leave = useLeave(r.dirty, r.discard);
  const [busy, setBusy] = useState<'save' | 'build' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  if (r.loadError) return <Alert color="red">{r.loadError}</Alert>;
  if (!r.stored || !r.edits) return <Loader />;
  const { stored, edits } = r;

  const run = async (name: 'save' | 'build', act: () => Promise<string>) => {
    setBusy(name);
    setError(null);
    setDone(null);
    try {
      setDone(await act());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  const save = () =>
    run('save', async () => {
      await r.save();
      return t('repReportSaved');
    });
  // the documents are built from the stored text: unsaved edits are saved first
  const build = () =>
    run('build', async () => {
      if (r.dirty) await r.save();
      await reportingApi.build(roundId);
      onBuilt();
      return t('repBuilt');
    });

  return (
    <Stack gap="md">
      {stored.draft && (
        <Alert color="orange" variant="light" data-testid="report-draft-warning">
          ! {t('repDraftWarning')}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('repSources', { n: stored.sources.length })}
        {stored.sources.length > 0 && `: ${stored.sources.map((s) => s.unitName).join('; ')}`}
        {stored.edited && stored.updatedAt && ` · ${t('repEdited', { time: formatDayTime(stored.updatedAt) })}`}
      </Text>
      <FrontEditor front={edits.front} recipients={edits.recipients} onChange={r.setFront} onRecipients={r.setRecipients} />
      <SectionsEditor sections={edits.sections} onChange={r.setSections} />
      <Paper withBorder shadow="sm" p="sm" style={{ position: 'sticky', bottom: 0, zIndex: 5 }} aria-live="polite">
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Button
              onClick={() => void save()}
              loading={busy === 'save'}
              disabled={!r.dirty || busy !== null}
              data-testid="report-save"
            >
              {t('save')}
            </Button>
            <Button variant="default" onClick={() => setConfirming(true)} disabled={busy !== null} data-testid="report-assemble">
              {t('repAssembleAgain')}
            </Button>
            <Button
              color="teal"
              onClick={() => void build()}
              loading={busy === 'build'}
              disabled={busy !== null}
              data-testid="report-build"
            >
              {t('repBuild')}
            </Button>
            <Text size="sm" c={r.dirty ? 'orange.9' : 'dimmed'}>
              {r.dirty ? t('repUnsaved') : t('repNoChanges')}
            </Text>
          </Group>
          {done && !error && (
            <Text size="sm" c="teal.9" data-testid="report-done">
              ✓ {done}
            </Text>
          )}
        </Group>
        {error && (
          <Alert color="red" mt="xs" role="alert">
            {error}
          </Alert>
        )}
      </Paper>
      {confirming && (
        <ConfirmModal
          title={t('repAssembleAgain')}
          text={t('repAssembleConfirm')}
          confirm={t('repAssembleAgain')}
          color="red"
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            await r.assembleAgain();
            setConfirming(false);
            setDone(t('repAssembled'));
          }}
        />
      )}
      <LeaveModal opened={leave.pending} onStay={leave.stay} onLeave={leave.leave} />
    </Stack>
  );
}
