import { Alert, Button, Card, Collapse, Group, NumberInput, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import type { RoundDto, UpdateRoundRequest } from '@tre/core';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { reportingApi } from '../api.ts';
import { ConfirmModal } from '../ConfirmModal.tsx';
import { RoundBodiesModal } from './RoundBodiesModal.tsx';

/** The standing body's settings of a round: title, deadline, reminders; closing or reopening it; who owes it. */
export function RoundSettings({ round, onChanged }: { round: RoundDto; onChanged: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(round.title);
  const [deadline, setDeadline] = useState(round.deadline);
  const [before, setBefore] = useState<number>(round.remindBeforeDays);
  const [every, setEvery] = useState<number>(round.remindEveryDays);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [closing, setClosing] = useState(false);
  const [bodies, setBodies] = useState(false);
  const [open, setOpen] = useState(false);
  const changed =
    title.trim() !== round.title ||
    deadline !== round.deadline ||
    before !== round.remindBeforeDays ||
    every !== round.remindEveryDays;

  const update = async (patch: UpdateRoundRequest, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await reportingApi.updateRound(round.id, patch);
      setMessage({ ok: true, text: done });
      onChanged();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder data-testid="round-settings" py="xs">
      <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="round-settings-toggle">
        <Title order={4}>
          {open ? '▾' : '▸'} {t('repSettings')}
        </Title>
      </UnstyledButton>
      <Collapse expanded={open}>
        <Stack gap="sm" pt="sm">
          <TextInput label={t('repColTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maw={720} />
          <Group align="flex-end" wrap="wrap">
            <TextInput
              type="date"
              label={t('repDeadline')}
              value={deadline}
              onChange={(e) => setDeadline(e.currentTarget.value)}
              w={200}
              data-testid="round-deadline"
            />
            <NumberInput
              label={t('repRemindBefore')}
              value={before}
              onChange={(v) => setBefore(typeof v === 'number' ? v : 0)}
              min={0}
              max={60}
              allowDecimal={false}
              w={220}
            />
            <NumberInput
              label={t('repRemindEvery')}
              value={every}
              onChange={(v) => setEvery(typeof v === 'number' ? v : 0)}
              min={0}
              max={60}
              allowDecimal={false}
              w={240}
            />
            <Button
              disabled={!changed || !deadline || !title.trim()}
              loading={busy}
              onClick={() =>
                void update(
                  { title: title.trim(), deadline, remindBeforeDays: before, remindEveryDays: every },
                  t('repSettingsSaved'),
                )
              }
            >
              {t('repSaveSettings')}
            </Button>
          </Group>
          <Group>
            {round.closedAt ? (
              <Button variant="default" onClick={() => void update({ closed: false }, t('repRoundReopened'))} loading={busy}>
                {t('repReopenRound')}
              </Button>
            ) : (
              <Button variant="default" color="red" onClick={() => setClosing(true)} loading={busy}>
                {t('repCloseRound')}
              </Button>
            )}
            <Button variant="default" onClick={() => setBodies(true)}>
              {t('repBodies')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('repBoardOwed', { n: round.bodies.length })}
            </Text>
          </Group>
          {message && (
            <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </Alert>
          )}
        </Stack>
      </Collapse>
      {closing && (
        <ConfirmModal
          title={t('repCloseRound')}
          text={t('repCloseConfirm')}
          confirm={t('repCloseRound')}
          onCancel={() => setClosing(false)}
          onConfirm={async () => {
            setClosing(false);
            await update({ closed: true }, t('repRoundClosedDone'));
          }}
        />
      )}
      {bodies && (
        <RoundBodiesModal
          round={round}
          onClose={() => setBodies(false)}
          onSaved={() => {
            setBodies(false);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
