import {
  Alert,
  Button,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useState, type SubmitEvent } from 'react';
import { accessReads } from '../access/api.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { fetchRead, useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDayTime } from '../reporting/labels.ts';
import { FormActions } from '../ui/FormActions.tsx';
import { TableHead } from '../ui/TableHead.tsx';
import { foldFilter } from '../ui/foldFilter.ts';
import { casesApi, casesReads, type CaseReadDto } from './api.ts';
import { fieldOf } from './form.ts';

type LogState =
  { kind: 'loading' } | { kind: 'hidden' } | { kind: 'failed'; message: string } | { kind: 'ready'; items: CaseReadDto[] };

/**
 * Who read this case, from the read log (refused attempts too, with the reason given): for its
 * supervisor and the administrator. A refusal (403, or 404 when the server does not say the log
 * exists) hides the panel: the web cannot tell every reader's right to it beforehand.
 */
export function CaseAccessLogPanel({ caseId }: { caseId: number }) {
  const { t } = useI18n();
  const [state, setState] = useState<LogState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    fetchRead(casesReads.accessLog(caseId)).then(
      (r) => live && setState({ kind: 'ready', items: r.items }),
      (err: unknown) => {
        if (!live) return;
        const refused = err instanceof ApiError && (err.status === 403 || err.status === 404);
        setState(refused ? { kind: 'hidden' } : { kind: 'failed', message: errorMessage(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [caseId]);
  if (state.kind === 'hidden') return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-readers">
      <Title order={3} size="h4" id="case-readers" mb="xs">
        {t('casReadersTitle')}
      </Title>
      {state.kind === 'loading' && <Loader size="sm" />}
      {state.kind === 'failed' && (
        <Alert color="red" role="alert">
          {state.message}
        </Alert>
      )}
      {state.kind === 'ready' && state.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('casReadersNone')}
        </Text>
      )}
      {state.kind === 'ready' && state.items.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped data-testid="case-readers">
            <TableHead labels={[t('casReadAt'), t('casReadWho'), t('casReadRoute'), t('casReadOutcome'), t('casReadReason')]} />
            <Table.Tbody>
              {state.items.map((r, i) => (
                <Table.Tr key={`${r.at}-${i}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDayTime(r.at)}</Table.Td>
                  <Table.Td>{r.username ?? '—'}</Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {r.route}
                  </Table.Td>
                  <Table.Td>{r.status < 400 ? t('casReadAllowed') : t('casReadRefused', { status: r.status })}</Table.Td>
                  <Table.Td>{r.reason ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

const GRANT_FIELDS = ['userId', 'reason', 'days'];

/**
 * The administrator's grant: someone outside the case's team reads it for a stated reason, for 1 to
 * 30 days; the grant and every read under it are logged. The list of users is the administrator's
 * own user list; when it cannot be read, the user's id is typed.
 */
export function CaseGrantPanel({ caseId }: { caseId: number }) {
  const { t } = useI18n();
  const users = useRead(accessReads.users());
  const [userId, setUserId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [days, setDays] = useState<number | string>(7);
  const [missing, setMissing] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [granted, setGranted] = useState<string | null>(null);
  const err = (field: string) =>
    missing.includes(field)
      ? t(field === 'days' ? 'casGrantDaysRange' : 'casProblemRequired')
      : refusal?.field === field
        ? refusal.message
        : undefined;
  const userList = (users.data?.items ?? []).filter((u) => u.active);

  const reset = () => {
    setUserId(null);
    setReason('');
    setDays(7);
    setMissing([]);
    setRefusal(null);
  };

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setRefusal(null);
    setGranted(null);
    const n = typeof days === 'number' ? days : Number(days);
    const need = [
      !userId?.trim() && 'userId',
      reason.trim() === '' && 'reason',
      !(Number.isInteger(n) && n >= 1 && n <= 30) && 'days',
    ].filter((f): f is string => typeof f === 'string');
    setMissing(need);
    if (need.length > 0 || !userId) return;
    setBusy(true);
    try {
      await casesApi.grant(caseId, { userId: userId.trim(), reason: reason.trim(), days: n });
      const who = userList.find((u) => u.id === userId)?.displayName ?? userId;
      reset();
      setGranted(t('casGranted', { who, days: n }));
    } catch (error) {
      setRefusal({ field: error instanceof ApiError ? fieldOf(error.field, GRANT_FIELDS) : null, message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-grant">
      <Title order={3} size="h4" id="case-grant" mb="xs">
        {t('casGrantTitle')}
      </Title>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="case-grant-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('casGrantHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {users.error ? (
              <TextInput
                label={t('casGrantUserId')}
                required
                value={userId ?? ''}
                onChange={(e) => setUserId(e.currentTarget.value)}
                error={err('userId')}
                data-testid="grant-user"
              />
            ) : (
              <Select
                label={t('casGrantUser')}
                required
                searchable
                filter={foldFilter()}
                data={userList.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
                value={userId}
                onChange={setUserId}
                error={err('userId')}
                data-testid="grant-user"
              />
            )}
            <NumberInput
              label={t('casGrantDays')}
              description={t('casGrantDaysHint')}
              required
              min={1}
              max={30}
              allowDecimal={false}
              w={160}
              value={days}
              onChange={setDays}
              error={err('days')}
              data-testid="grant-days"
            />
          </SimpleGrid>
          <Textarea
            label={t('casGrantReason')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={err('reason')}
            data-testid="grant-reason"
          />
          {granted && (
            <Alert color="teal" role="status" data-testid="grant-done">
              {granted}
            </Alert>
          )}
          <FormActions error={refusal && refusal.field === null ? refusal.message : null} onCancel={reset}>
            <Button type="submit" loading={busy} data-testid="grant-save">
              {t('casGrantSave')}
            </Button>
          </FormActions>
        </Stack>
      </form>
    </Paper>
  );
}
