import { Alert, FileInput, Loader, Stack, Text, Title } from '@mantine/core';
import type { PlanSaveRequest } from '@tre/core/plans/plan-api';
import { useReducer, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
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
      void navigate(`/plans/${plan.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  if (state) {
    return (
      <ReviewPage
        state={state}
        dispatch={dispatch}
        saving={busy}
        error={error}
        onSave={(r) => void save(r)}
        onCancel={() => dispatch({ type: 'load', state: null })}
      />
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
