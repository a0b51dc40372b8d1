import { Alert, Button, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { roundDeadline } from '@tre/core';
import { useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { yearsOffered } from '../../indicators/UnitPeriodPicker.tsx';
import { plansReads } from '../../plans/api.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { foldFilter } from '../../ui/foldFilter.ts';
import { reportingApi } from '../api.ts';
import { daysLeft, formatDay } from '../labels.ts';

type Part = 'S1' | 'S2' | 'year';

/**
 * Opens a round of a plan for a period: a year and its first or second half, or the whole year. The
 * deadline comes from the plan's reporting regime (core roundDeadline, as the server reads it) and
 * says which sentence it was read from; the officer may enter another, or must when the plan gives none.
 */
export function OpenRoundModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const plans = useRead(plansReads.plans());
  const [planId, setPlanId] = useState<string | null>(null);
  const plan = useRead(planId ? plansReads.plan(planId) : null);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [part, setPart] = useState<Part>('S1');
  const [typed, setTyped] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const period = part === 'year' ? year : `${year}${part}`;
  const fromPlan = plan.data && plan.data.id === planId ? roundDeadline(period, plan.data.reporting) : undefined;
  const deadline = typed ?? fromPlan?.due ?? '';

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!planId) return;
    setBusy(true);
    setError(null);
    try {
      // the plan's own deadline is left to the server, which then records where it came from
      const byHand = typed !== null && typed !== fromPlan?.due;
      const round = await reportingApi.openRound({
        planId,
        period,
        ...(byHand || !fromPlan ? { deadline } : {}),
        ...(title.trim() ? { title: title.trim() } : {}),
      });
      void navigate(`/reporting/rounds/${round.id}`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('repOpenRound')} size="lg">
      <form onSubmit={(e) => void submit(e)} data-testid="open-round-form">
        <Stack>
          <Select
            label={t('repOpenPlan')}
            placeholder={t('repOpenPlanPick')}
            data={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
            value={planId}
            onChange={(v) => {
              setPlanId(v);
              setTyped(null);
            }}
            searchable
            filter={foldFilter()}
            required
            data-testid="open-round-plan"
          />
          <Select
            label={t('repOpenYear')}
            data={yearsOffered().map(String)}
            value={year}
            onChange={(v) => {
              if (v) setYear(v);
              setTyped(null);
            }}
            allowDeselect={false}
            w={160}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="open-round-part">
              {t('repOpenPart')}
            </Text>
            <SegmentedControl
              aria-labelledby="open-round-part"
              value={part}
              onChange={(v) => {
                setPart(v);
                setTyped(null);
              }}
              data={[
                { value: 'S1', label: t('repHalf1') },
                { value: 'S2', label: t('repHalf2') },
                { value: 'year', label: t('repWholeYear') },
              ]}
            />
          </Stack>
          <TextInput
            type="date"
            label={t('repDeadline')}
            value={deadline}
            onChange={(e) => setTyped(e.currentTarget.value)}
            required
            w={220}
            data-testid="open-round-deadline"
          />
          {planId && (
            <Text size="sm" c="dimmed" data-testid="open-round-deadline-source">
              {typed !== null && typed !== fromPlan?.due
                ? t('repDeadlineByHand')
                : fromPlan
                  ? t('repDeadlineFromPlan', { date: formatDay(fromPlan.due), text: fromPlan.from.text ?? fromPlan.from.due })
                  : t('repDeadlineNone')}
            </Text>
          )}
          {deadline && daysLeft(deadline) < 0 && (
            // a plan's date for a half-year already gone: every body would open the round overdue
            <Alert color="orange" data-testid="open-round-past-deadline">
              {t('repDeadlinePast', { n: -daysLeft(deadline) })}
            </Alert>
          )}
          <TextInput
            label={t('repRoundTitle')}
            description={t('repRoundTitleHint')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          {plans.error && <Alert color="red">{plans.error}</Alert>}
          <FormActions error={error} onCancel={onClose}>
            <Button type="submit" loading={busy} disabled={!planId || !deadline} data-testid="open-round-submit">
              {t('repOpen')}
            </Button>
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
