import { Button, Modal, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import type { PlanTaskDto, TaskPatchRequest } from '@tre/core/plans/plan-api';
import { useState, type SubmitEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { Agency } from '../../api/types.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { plansApi } from '../api.ts';
import { guessResolution } from '../bodies.ts';
import { TIMELINE_KINDS, usePlanLabels } from '../labels.ts';

interface Props {
  task: PlanTaskDto;
  agencies: Agency[];
  onClose: () => void;
  onSaved: () => void;
}

/** Corrects a saved task: its text, timeline and bodies (a name keeps its meaning; a new one is matched or left unresolved). */
export function TaskEditModal({ task, agencies, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const labels = usePlanLabels();
  const [text, setText] = useState(task.text);
  const [timeline, setTimeline] = useState(task.timeline);
  const [lead, setLead] = useState(task.bodies.filter((b) => b.role === 'lead').map((b) => b.name));
  const [support, setSupport] = useState(task.bodies.filter((b) => b.role === 'support').map((b) => b.name));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const known = new Map(task.bodies.map((b) => [b.name, b.resolution]));
  const resolutionOf = (name: string) => known.get(name) ?? guessResolution(name, agencies);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const patch: TaskPatchRequest = {
      text,
      timeline,
      bodies: [
        ...lead.map((name) => ({ role: 'lead' as const, name, resolution: resolutionOf(name) })),
        ...support.map((name) => ({ role: 'support' as const, name, resolution: resolutionOf(name) })),
      ],
    };
    try {
      await plansApi.patchTask(task.id, patch);
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  const names = [...new Set([...known.keys(), ...agencies.map((a) => a.shortName)])];
  return (
    <Modal opened onClose={onClose} title={`${t('edit')} — ${task.path ?? task.ref ?? t('planTask')}`} size="xl">
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Textarea
            label={t('planTaskText')}
            required
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <SimpleGrid cols={2}>
            <TagsInput label={t('planLead')} placeholder={t('planLeadHint')} data={names} value={lead} onChange={setLead} />
            <TagsInput
              label={t('planSupport')}
              placeholder={t('planLeadHint')}
              data={names}
              value={support}
              onChange={setSupport}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Select
              label={t('planTimelineKind')}
              data={TIMELINE_KINDS.map((k) => ({ value: k, label: labels.timeline(k) }))}
              value={timeline.kind}
              allowDeselect={false}
              onChange={(v) => v && setTimeline({ ...timeline, kind: v })}
            />
            <TextInput
              label={t('planTimelineText')}
              value={timeline.text ?? ''}
              onChange={(e) => setTimeline({ ...timeline, text: e.currentTarget.value || null })}
            />
            <TextInput
              type="date"
              label={t('planStart')}
              value={timeline.start ?? ''}
              onChange={(e) => setTimeline({ ...timeline, start: e.currentTarget.value || null })}
            />
            <TextInput
              type="date"
              label={t('planEnd')}
              value={timeline.end ?? ''}
              onChange={(e) => setTimeline({ ...timeline, end: e.currentTarget.value || null })}
            />
          </SimpleGrid>
          <FormActions error={error} onCancel={onClose}>
            <Button type="submit" loading={busy}>
              {t('save')}
            </Button>
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
