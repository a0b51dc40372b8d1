import { Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { OpinionDto } from '@tre/core';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { canAnswerOpinions, canRecordOpinions } from './access.ts';
import { opinionsApi } from './api.ts';
import { nextStep } from './logic.ts';
import { BodyInput } from './parts.tsx';

/**
 * The one next step of an opinion, as a small form: send (the body may be corrected: a name not
 * resolved must be), answer (the addressed body's users), fed back to the children.
 */
export function OpinionActions({ o, onDone }: { o: OpinionDto; onDone: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const step = nextStep(o.state);
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState(o.sentTo.kind === 'unresolved' ? o.sentTo.name : '');
  const [text, setText] = useState('');
  const [by, setBy] = useState('');
  const [on, setOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ text: boolean; by: boolean }>({ text: false, by: false });
  const addressedToMe = o.sentTo.id !== null && (user?.agencyId === o.sentTo.id || user?.communeCode === o.sentTo.id);
  const allowed =
    step === 'send' || step === 'feedBack'
      ? canRecordOpinions(user)
      : step === 'answer' && canAnswerOpinions(user) && addressedToMe;
  if (!step || !allowed) return null;
  const label = step === 'send' ? t('voiSend') : step === 'answer' ? t('voiAnswer') : t('voiFeedBack');

  async function submit() {
    setError(null);
    if (step === 'answer') {
      const gaps = { text: text.trim() === '', by: by.trim() === '' };
      setMissing(gaps);
      if (gaps.text || gaps.by) {
        const names = [gaps.text ? t('voiAnswerText') : null, gaps.by ? t('voiAnsweredBy') : null].filter((x) => x !== null);
        setError(t('voiFixFields', { fields: names.join(', ') }));
        return;
      }
    }
    const day = on === '' ? {} : step === 'send' ? { sentOn: on } : { on };
    try {
      if (step === 'send') await opinionsApi.send(o.id, { ...day, ...(body.trim() ? { sentTo: { name: body.trim() } } : {}) });
      else if (step === 'answer') await opinionsApi.answer(o.id, { text: text.trim(), by: by.trim(), ...day });
      else await opinionsApi.feedBack(o.id, day);
      setOpen(false);
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  if (!open) {
    return (
      <Button size="compact-xs" variant="default" onClick={() => setOpen(true)} data-testid={`opinion-${step}`}>
        {label}
      </Button>
    );
  }
  return (
    <form
      noValidate
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap={4} miw={260}>
        {step === 'send' && <BodyInput size="xs" value={body} onChange={setBody} />}
        {step === 'answer' && (
          <>
            <Textarea
              size="xs"
              label={t('voiAnswerText')}
              required
              error={missing.text ? t('voiRequired', { field: t('voiAnswerText') }) : undefined}
              data-autofocus
              autosize
              minRows={2}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <TextInput
              size="xs"
              label={t('voiAnsweredBy')}
              required
              error={missing.by ? t('voiRequired', { field: t('voiAnsweredBy') }) : undefined}
              value={by}
              onChange={(e) => setBy(e.currentTarget.value)}
            />
          </>
        )}
        <TextInput
          size="xs"
          type="date"
          label={step === 'send' ? t('voiSentOn') : step === 'answer' ? t('voiAnsweredOn') : t('voiFedBackOn')}
          value={on}
          onChange={(e) => setOn(e.currentTarget.value)}
        />
        {error && (
          <Text c="red" size="xs" role="alert">
            {error}
          </Text>
        )}
        <Group gap={4}>
          <Button size="compact-xs" type="submit" data-testid="opinion-submit">
            {label}
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => setOpen(false)} data-testid="opinion-cancel">
            {t('voiCancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
