import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import type { DataSetKind } from '@tre/core';
import type { CatalogueReply, EntryFormDto, SaveValuesReply } from '@tre/core/indicators/indicator-api';
import { useCallback, useMemo, type Dispatch, type RefObject } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../session/session.tsx';
import type { SessionUser } from '../../api/types.ts';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { UnitPeriodPicker, type UnitChoice } from '../UnitPeriodPicker.tsx';
import { catalogueReads } from '../catalogue/api.ts';
import { excelLinks } from '../excel/api.ts';
import { canEnterData, entryKinds } from './access.ts';
import { entryReads } from './api.ts';
import { ElementRow, type RowAction } from './ElementRow.tsx';
import { findingsByElement, groupElements, partCombos, type Findings, type Violation } from './entryState.ts';
import { FindingsPanel } from './FindingsPanel.tsx';
import {
  useEntryCells,
  useEntryForm,
  useEntrySave,
  useEntryTarget,
  useLeaveFlow,
  useUnitCheck,
  type EntryState,
} from './useEntry.ts';

/** `/indicators/entry?unit&period&dataSet`: the figures of one unit and period, entered by hand. */
export default function EntryPage() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  if (!canEnterData(user)) {
    return (
      <Stack maw={720}>
        <Title order={2}>{t('entryTitle')}</Title>
        <Alert color="gray">{t('entryNoAccess')}</Alert>
      </Stack>
    );
  }
  return <EntryScreen user={user} />;
}

function EntryScreen({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const { unit, period, dataSet, open } = useEntryTarget(user);
  const form = useEntryForm(entryReads.form({ unit: unit.code, period, dataSet }));
  const catalogue = useRead(catalogueReads.catalogue());
  const { state, dispatch, shown, changes, unreadable, dirty, discard } = useEntryCells(form.data, unit, period);
  const check = useUnitCheck(unit.code, period);
  const saver = useEntrySave({
    unit: unit.code,
    period,
    changes,
    unreadable,
    dispatch,
    reloadForm: form.reload,
    check: check.run,
  });
  const leave = useLeaveFlow(dirty, open, discard);

  return (
    <Stack gap="md" pb={80}>
      <EntryHeader period={period} dataSet={dataSet} unit={unit.code} />
      <UnitPeriodPicker
        unit={unit}
        period={period}
        kinds={entryKinds(user)}
        onUnit={(u: UnitChoice) => leave.go({ unit: u.code, period })}
        onPeriod={(p) => leave.go({ unit: unit.code, period: p })}
      />
      <Text size="sm" c="dimmed" maw={820}>
        {t('entryIntro')}
      </Text>

      {form.error && (
        <Alert color="red" role="alert">
          {form.error}
        </Alert>
      )}
      {!shown && !form.error && <Loader />}

      {shown && (
        <EntryForm
          form={shown}
          period={period}
          catalogue={catalogue.data}
          state={state}
          dispatch={dispatch}
          check={check}
          saving={saver.saving}
        />
      )}

      {shown && (
        <SaveBar
          saver={saver}
          changes={changes.length}
          unreadable={unreadable}
          dirty={dirty}
          checking={check.checking}
          onCheck={() => void check.run()}
        />
      )}

      <Modal opened={leave.pending} onClose={leave.stay} title={t('entryUnsavedTitle')}>
        <Stack>
          <Text size="sm">{t('entryUnsavedText', { n: changes.length })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={leave.stay} data-testid="entry-stay">
              {t('entryStay')}
            </Button>
            <Button color="red" onClick={leave.discardAndGo} data-testid="entry-discard">
              {t('entryDiscard')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** The title, and the other ways in: the Excel template of this unit and period, the file import. */
function EntryHeader({ period, dataSet, unit }: { period: string; dataSet: DataSetKind; unit: string }) {
  const { t } = useI18n();
  return (
    <Group justify="space-between" align="flex-end">
      <Title order={2}>{t('entryTitle')}</Title>
      <Group gap="md">
        <Anchor href={excelLinks.template({ period, dataSet, unit })} download data-testid="entry-template">
          {t('entryDownloadTemplate')}
        </Anchor>
        <Anchor component={Link} to="/indicators/import">
          {t('entryImportFile')}
        </Anchor>
      </Group>
    </Group>
  );
}

/** The form shown: its unit and data set, the findings of the last check, then the elements by indicator. */
function EntryForm({
  form,
  period,
  catalogue,
  state,
  dispatch,
  check,
  saving,
}: {
  form: EntryFormDto;
  period: string;
  catalogue: CatalogueReply | undefined;
  state: EntryState;
  dispatch: Dispatch<RowAction>;
  check: { findings: Findings | null; error: string | null; ref: RefObject<HTMLDivElement | null> };
  saving: boolean;
}) {
  const { t, lang } = useI18n();
  const { findings } = check;
  const groups = useMemo(() => groupElements(form.elements, catalogue?.indicators), [form, catalogue]);
  const combos = useMemo(() => {
    const out = new Map<string, ReturnType<typeof partCombos>>();
    for (const e of form.elements) out.set(e.code, partCombos(e.categories, catalogue?.categories));
    return out;
  }, [form, catalogue]);
  const byElement = useMemo(() => (findings ? findingsByElement(findings) : new Map<string, Violation[]>()), [findings]);
  const nameOf = useCallback((code: string) => form.elements.find((e) => e.code === code)?.name[lang] ?? null, [form, lang]);

  return (
    <>
      <Group gap="xs">
        <Badge variant="light">{t(`entryDataSet_${form.dataSet}`)}</Badge>
        <Text size="sm" fw={500}>
          {form.unit.name}
        </Text>
        <Text size="sm" c="dimmed">
          · {t('entryElementCount', { n: form.elements.length })}
        </Text>
      </Group>

      <div ref={check.ref}>
        {check.error && (
          <Alert color="red" role="alert">
            {t('entryFindingsFailed', { message: check.error })}
          </Alert>
        )}
        {findings && <FindingsPanel findings={findings} period={period} nameOf={nameOf} />}
      </div>

      {form.elements.length === 0 && <Alert color="gray">{t('entryNoElements')}</Alert>}
      {groups.map((g) => (
        <Stack key={g.indicator?.code ?? g.kind} gap={4}>
          <Title order={4}>
            {g.kind === 'common'
              ? t('entryGroupCommon')
              : g.kind === 'other' || !g.indicator
                ? t('entryGroupOther')
                : g.indicator.no === null
                  ? g.indicator.name[lang]
                  : t('entryGroupIndicator', { no: g.indicator.no, name: g.indicator.name[lang] })}
          </Title>
          <Paper withBorder>
            {g.elements.map((e) => (
              <ElementRow
                key={e.code}
                element={e}
                row={state.current[e.code]}
                original={state.original[e.code]}
                combos={combos.get(e.code) ?? null}
                errors={state.errors[e.code]}
                unreadable={state.unreadable[e.code]}
                findings={byElement.get(e.code)}
                disabled={saving}
                dispatch={dispatch}
              />
            ))}
          </Paper>
        </Stack>
      ))}
    </>
  );
}

/** Kept at the bottom of the screen: save, check, how many changes wait, and what the last save did. */
function SaveBar({
  saver,
  changes,
  unreadable,
  dirty,
  checking,
  onCheck,
}: {
  saver: { saving: boolean; result: SaveValuesReply | null; error: string | null; save: () => Promise<void> };
  changes: number;
  unreadable: number;
  dirty: boolean;
  checking: boolean;
  onCheck: () => void;
}) {
  const { t } = useI18n();
  return (
    <Paper withBorder shadow="sm" p="sm" style={{ position: 'sticky', bottom: 0, zIndex: 5 }} aria-live="polite">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="sm">
          <Button
            onClick={() => void saver.save()}
            loading={saver.saving}
            disabled={changes === 0 || unreadable > 0}
            data-testid="entry-save"
          >
            {t('save')}
          </Button>
          <Button variant="default" onClick={onCheck} loading={checking} disabled={saver.saving}>
            {t('entryCheck')}
          </Button>
          <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'}>
            {dirty ? t('entryUnsavedCount', { n: changes }) : t('entryNoChanges')}
          </Text>
          {unreadable > 0 && (
            <Text size="sm" c="red" data-testid="entry-unreadable">
              {t('entryUnreadableCount', { n: unreadable })}
            </Text>
          )}
        </Group>
        {saver.result && !saver.error && (
          <Text size="sm" c="teal.8" data-testid="entry-result">
            {t('entrySavedCounts', { ...saver.result })}
          </Text>
        )}
      </Group>
      {saver.error && (
        <Alert color="red" mt="xs" role="alert" data-testid="entry-error">
          {saver.error}
        </Alert>
      )}
    </Paper>
  );
}
