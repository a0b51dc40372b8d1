import { Button, Modal, MultiSelect, Stack } from '@mantine/core';
import type { RoundDto } from '@tre/core';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { agencyKeywords, foldFilter } from '../../ui/foldFilter.ts';
import { unitsReads } from '../../units/api.ts';
import { reportingApi } from '../api.ts';

/** Adds agencies or communes to the bodies owing a round, or removes some. */
export function RoundBodiesModal({ round, onClose, onSaved }: { round: RoundDto; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const agencies = useRead(unitsReads.agencies());
  const communes = useRead(unitsReads.allCommunes());
  const [addAgencies, setAddAgencies] = useState<string[]>([]);
  const [addCommunes, setAddCommunes] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const owing = useMemo(() => new Set(round.bodies.map((b) => b.unitCode)), [round]);
  const agencyList = agencies.data?.items ?? [];

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await reportingApi.adjustBodies(round.id, {
        add: [
          ...addAgencies.map((unitCode) => ({ unitKind: 'agency' as const, unitCode })),
          ...addCommunes.map((unitCode) => ({ unitKind: 'commune' as const, unitCode })),
        ],
        remove: round.bodies
          .filter((b) => remove.includes(b.unitCode))
          .map((b) => ({ unitKind: b.unitKind, unitCode: b.unitCode })),
      });
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('repBodies')} size="lg">
      <Stack>
        <MultiSelect
          label={t('repBodiesAddAgencies')}
          data={agencyList.filter((a) => !owing.has(a.id)).map((a) => ({ value: a.id, label: a.shortName }))}
          value={addAgencies}
          onChange={setAddAgencies}
          searchable
          filter={foldFilter(agencyKeywords(agencyList))}
        />
        <MultiSelect
          label={t('repBodiesAddCommunes')}
          data={(communes.data?.items ?? []).filter((c) => !owing.has(c.code)).map((c) => ({ value: c.code, label: c.name }))}
          value={addCommunes}
          onChange={setAddCommunes}
          searchable
          filter={foldFilter()}
        />
        <MultiSelect
          label={t('repBodiesRemove')}
          data={round.bodies.map((b) => ({ value: b.unitCode, label: b.name }))}
          value={remove}
          onChange={setRemove}
          searchable
          filter={foldFilter()}
        />
        <FormActions error={error} onCancel={onClose}>
          <Button
            loading={busy}
            disabled={addAgencies.length + addCommunes.length + remove.length === 0}
            onClick={() => void save()}
          >
            {t('repBodiesApply')}
          </Button>
        </FormActions>
      </Stack>
    </Modal>
  );
}
