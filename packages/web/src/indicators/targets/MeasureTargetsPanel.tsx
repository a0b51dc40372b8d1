import { Alert, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { indicatorsPermissions } from '@tre/core';
import type { MappedTargetDto, PlanMeasureTargetsDto, UnmappedTargetDto } from '@tre/core/indicators/indicator-api';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useRead } from '../../api/useApi.ts';
import { formatTarget } from '../../format/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { canManagePlans } from '../../plans/access.ts';
import { can } from '../../session/can.ts';
import { useSession } from '../../session/session.tsx';
import { catalogueReads } from '../catalogue/api.ts';
import { targetsApi, targetsReads } from './api.ts';
import { BaselineModal } from './BaselineModal.tsx';
import { MeasureTargetsTable } from './MeasureTargetsTable.tsx';
import { TargetModal, type TargetModalMode } from './TargetModal.tsx';
import { UnmappedTargets } from './UnmappedTargets.tsx';

/**
 * The plan's targets as the dashboard uses them: mapped to measures, by measure, with each
 * measure's baseline (the start of the straight line progress is judged against) and how each
 * comparison was found; then every target left unmapped, with the reason and a one-click choice of
 * measure. The plan's editors add, correct and remove targets, pick measures and set baselines;
 * every change is audited on the server and the dashboard follows; `onChanged` lets the plan's page
 * read the plan again.
 */
export function MeasureTargetsPanel({ planId, onChanged }: { planId: string; onChanged?: () => void }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const manageBaselines = canManagePlans(user);
  const editTargets = can(user, indicatorsPermissions, 'targets.edit');
  const reply = useRead(targetsReads.measureTargets(planId));
  const catalogue = useRead(editTargets ? catalogueReads.catalogue() : null);
  const [baseline, setBaseline] = useState<PlanMeasureTargetsDto | null>(null);
  const [targetForm, setTargetForm] = useState<TargetModalMode | null>(null);
  const [removing, setRemoving] = useState<{ target: MappedTargetDto; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      reply.reload();
      onChanged?.();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const choose = (u: UnmappedTargetDto, measure: string) => void run(() => targetsApi.patchTarget(planId, u.id, { measure }));
  const edit = (entry: PlanMeasureTargetsDto, target: MappedTargetDto) =>
    setTargetForm({ kind: 'edit', target: { ...target, op: target.writtenOp }, measure: entry.measure });

  const body = () => {
    if (reply.error) return <Alert color="red">{t('baselineLoadError', { message: reply.error })}</Alert>;
    if (!reply.data) return <Loader size="sm" />;
    const { measures, unmapped } = reply.data;
    return (
      <Stack gap="md">
        {measures.length === 0 ? (
          <Text c="dimmed">{t('baselineNoMeasures')}</Text>
        ) : (
          <MeasureTargetsTable
            measures={measures}
            manageBaselines={manageBaselines}
            onBaseline={setBaseline}
            onEdit={editTargets ? edit : undefined}
            onRemove={
              editTargets
                ? (entry, target) =>
                    setRemoving({ target, text: `${target.year}: ${formatTarget(target, entry.unit, lang, false)}` })
                : undefined
            }
          />
        )}
        <UnmappedTargets
          items={unmapped}
          catalogue={catalogue.data}
          manage={editTargets}
          onChoose={choose}
          onCorrect={(target, measure) => setTargetForm({ kind: 'edit', target, measure })}
        />
      </Stack>
    );
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={5}>{t('baselineSection')}</Title>
        {editTargets && (
          <Button size="xs" variant="light" onClick={() => setTargetForm({ kind: 'add' })} data-testid="target-add">
            {t('targetAdd')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('baselineSectionHint')}
      </Text>
      {error && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {body()}
      {baseline && (
        <BaselineModal
          planId={planId}
          entry={baseline}
          onClose={() => setBaseline(null)}
          onSaved={() => {
            setBaseline(null);
            reply.reload();
          }}
        />
      )}
      {targetForm && (
        <TargetModal
          planId={planId}
          mode={targetForm}
          catalogue={catalogue.data}
          onClose={() => setTargetForm(null)}
          onSaved={() => {
            setTargetForm(null);
            reply.reload();
            onChanged?.();
          }}
        />
      )}
      {removing && (
        <Modal opened onClose={() => setRemoving(null)} title={t('targetRemove')}>
          <Stack>
            <Text>{t('targetRemoveConfirm', { target: removing.text })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)}>
                {t('cancel')}
              </Button>
              <Button
                color="red"
                data-testid="target-remove-confirm"
                onClick={() => {
                  const id = removing.target.id;
                  setRemoving(null);
                  void run(() => targetsApi.removeTarget(planId, id));
                }}
              >
                {t('targetRemove')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
