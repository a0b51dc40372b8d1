import { Alert, Button, FileInput, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import type { PlanSaveRequest } from '@tre/core/plans/plan-api';
import { useReducer, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { BACK, goBackPastGuard, useLeaveGuard, type LeaveTarget } from '../ui/useLeaveGuard.ts';
import { plansApi } from './api.ts';
import { ReviewPage } from './review/ReviewPage.tsx';
import { initReview, reviewReducer, type ReviewAction, type ReviewState } from './review/reviewState.ts';

/** The reducer needs a state before a file is read; `null` means "no file yet". */
function reducer(state: ReviewState | null, action: ReviewAction | { type: 'load'; state: ReviewState | null }) {
  if (action.type === 'load') return action.state;
  return state && reviewReducer(state, action);
}

/** Choose a file → the server reads it (nothing stored) → review → save. */
export function ImportPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [state, dispatch] = useReducer(reducer, null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A parsed plan under review is work not yet stored: leaving by a link, Back or closing the tab asks first.
  const [leavingTo, setLeavingTo] = useState<LeaveTarget | null>(null);
  const [saved, setSaved] = useState(false);
  useLeaveGuard(state !== null && !saved, setLeavingTo);
  const leave = () => {
    const to = leavingTo;
    setLeavingTo(null);
    dispatch({ type: 'load', state: null });
    if (to === BACK) goBackPastGuard();
    else if (to !== null) void navigate(to);
  };

  const read = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const reply = await plansApi.parse(file);
      dispatch({ type: 'load', state: initReview(file.name, reply) });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const save = async (request: PlanSaveRequest) => {
    setBusy(true);
    setError(null);
    try {
      const plan = await plansApi.create(request);
      setSaved(true);
      void navigate(`/plans/${plan.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  if (state) {
    return (
      <>
        <ReviewPage
          state={state}
          dispatch={dispatch}
          saving={busy}
          error={error}
          onSave={(r) => void save(r)}
          onCancel={() => dispatch({ type: 'load', state: null })}
        />
        <Modal opened={leavingTo !== null} onClose={() => setLeavingTo(null)} title={t('planLeaveTitle')}>
          <Stack>
            <Text size="sm">{t('planLeaveText')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setLeavingTo(null)} data-testid="plan-leave-stay">
                {t('planLeaveStay')}
              </Button>
              <Button color="red" onClick={leave} data-testid="plan-leave-discard">
                {t('planLeaveDiscard')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      </>
    );
  }
  return (
    <Stack maw={640}>
      <Title order={2}>{t('planImport')}</Title>
      <FileInput
        label={t('planChooseFile')}
        description={t('planChooseFileHint')}
        accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
        clearable
        disabled={busy}
        onChange={(f) => void read(f)}
      />
      {busy && (
        <Text c="dimmed">
          <Loader size="xs" mr="xs" />
          {t('planReading')}
        </Text>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
