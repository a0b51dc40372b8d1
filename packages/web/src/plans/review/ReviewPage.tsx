import { Alert, Badge, Button, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import type { PlanSaveRequest } from '@tre/core/plans/plan-api';
import type { ParseNote } from '@tre/core/plans/plan-format';
import { planWarnings } from '@tre/core/plans/warnings';
import { useMemo, useState, type Dispatch } from 'react';
import { useRead } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { unitsReads } from '../../units/api.ts';
import { similarKey } from '@tre/core/plans/body-words';
import { BodiesTable, type BodyRow } from '../BodiesTable.tsx';
import { encodeResolution, guessResolution, usedBodyNames } from '../bodies.ts';
import { bodyQuestions, isOpen } from '../bodyQuestions.ts';
import { SourcePane } from '../SourcePane.tsx';
import { useAgencies } from '../useAgencies.ts';
import { HeaderEditor } from './HeaderEditor.tsx';
import { IndicatorEditor } from './IndicatorEditor.tsx';
import { NotesList } from './NotesList.tsx';
import { ReportingEditor } from './ReportingEditor.tsx';
import { SaveWarnings } from './SaveWarnings.tsx';
import type { ReviewAction, ReviewState } from './reviewState.ts';
import type { Agency } from '../../api/types.ts';
import { TaskList } from './TaskList.tsx';

const NO_NOTES: ParseNote[] = [];
const PANE_HEIGHT = 'calc(100vh - 190px)';

interface Props {
  state: ReviewState;
  dispatch: Dispatch<ReviewAction>;
  saving: boolean;
  error: string | null;
  onSave: (request: PlanSaveRequest) => void;
  onCancel: () => void;
}

/** The table's rows: each name the document uses, the reviewer's decision (or a guess for a typed name) and why. */
function bodyRows(
  counts: Map<string, number>,
  resolutions: ReviewState['resolutions'],
  proposals: ReviewState['proposals'],
  agencies: Agency[],
): BodyRow[] {
  return [...counts].map(([name, count]) => {
    const proposal = proposals[name];
    const resolution = resolutions[name] ?? guessResolution(name, agencies);
    // the rule and the remembered decision say why only while the proposal stands
    const standing = proposal !== undefined && encodeResolution(proposal.resolution) === encodeResolution(resolution);
    return {
      name,
      key: proposal?.key ?? similarKey(name),
      count,
      resolution,
      candidates: proposal?.candidates ?? [],
      suggestedGroup: proposal?.suggestedGroup,
      rule: standing ? proposal.rule : undefined,
      remembered: standing ? proposal.remembered : undefined,
    };
  });
}

/** Source on the left, what Tre read on the right; nothing is stored until "Save plan". */
export function ReviewPage({ state, dispatch, saving, error, onSave, onCancel }: Props) {
  const { t } = useI18n();
  const agencies = useAgencies();
  const { doc, resolutions, proposals, notes } = state;

  const counts = useMemo(() => usedBodyNames(doc), [doc]);
  const rows = useMemo(() => bodyRows(counts, resolutions, proposals, agencies), [counts, resolutions, proposals, agencies]);
  const unresolved = bodyQuestions(rows).filter(isOpen).length;

  // Suggestions for the lead/support inputs; keyed on the names so the memoised task editors
  // are not all re-rendered on every keystroke.
  const namesKey = [...counts.keys()].join('\n');
  const bodyNames = useMemo(
    () => [...new Set([...namesKey.split('\n').filter(Boolean), ...agencies.map((a) => a.shortName)])],
    [namesKey, agencies],
  );
  const used = useMemo(
    () =>
      new Set(
        [...doc.tasks, ...doc.indicators, ...(doc.sections ?? [])]
          .map((x) => x.line)
          .filter((l): l is number => typeof l === 'number'),
      ),
    [doc.tasks, doc.indicators, doc.sections],
  );
  const notesByLine = useMemo(() => {
    const m = new Map<number, ParseNote[]>();
    for (const n of notes) m.set(n.line, [...(m.get(n.line) ?? []), n]);
    return m;
  }, [notes]);
  // lines set aside on purpose are listed, not counted as something to look at
  const doubted = notes.filter((n) => n.kind !== 'skipped-line').length;

  const province = useRead(unitsReads.settings()).data?.province.name;
  const warnings = useMemo(() => {
    const byName = new Map(rows.map((r) => [r.name, r.resolution]));
    return planWarnings(doc, province ?? '', (name) => byName.get(name) ?? guessResolution(name, agencies));
  }, [doc, province, rows, agencies]);
  const [confirming, setConfirming] = useState(false);

  const save = () =>
    onSave({
      document: doc,
      sourceLines: state.lines,
      fileName: state.fileName,
      bodies: rows.map((r) => ({ name: r.name, resolution: r.resolution })),
    });

  return (
    <Stack gap="sm" data-testid="plan-review">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('planReview')}</Title>
          <Text size="sm" c="dimmed">
            {state.fileName} — {t('planReviewHint')}
          </Text>
        </div>
        <Group>
          <Button variant="default" onClick={onCancel}>
            {t('planOtherFile')}
          </Button>
          <Button
            onClick={() => (warnings.length > 0 ? setConfirming(true) : save())}
            loading={saving}
            disabled={!doc.title.trim()}
          >
            {t('planSave')}
          </Button>
        </Group>
      </Group>
      <SaveWarnings
        warnings={warnings}
        issuer={doc.issuer ?? ''}
        province={province ?? ''}
        confirming={confirming}
        onClose={() => setConfirming(false)}
        onSave={() => {
          setConfirming(false);
          save();
        }}
      />
      {unresolved > 0 && (
        <Text size="sm" c="orange.9">
          {t('planSaveWithUnresolved', { n: unresolved })}
        </Text>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder>
            <Text fw={600} px="xs" py={4}>
              {t('planSource')}
            </Text>
            <SourcePane lines={state.lines} used={used} notes={notes} focusLine={state.focusLine} height={PANE_HEIGHT} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Tabs defaultValue="bodies" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="general">{t('planGeneral')}</Tabs.Tab>
              <Tabs.Tab
                value="bodies"
                rightSection={
                  unresolved > 0 ? (
                    <Badge color="orange" size="sm" circle>
                      {unresolved}
                    </Badge>
                  ) : undefined
                }
              >
                {t('planBodies')}
              </Tabs.Tab>
              <Tabs.Tab value="tasks">
                {t('planTasks')} ({doc.tasks.length})
              </Tabs.Tab>
              <Tabs.Tab value="indicators">
                {t('planIndicators')} ({doc.indicators.length})
              </Tabs.Tab>
              <Tabs.Tab value="reporting">
                {t('planReporting')} ({doc.reporting.length})
              </Tabs.Tab>
              <Tabs.Tab
                value="notes"
                rightSection={
                  doubted > 0 ? (
                    <Badge color="yellow" size="sm" circle>
                      {doubted}
                    </Badge>
                  ) : undefined
                }
              >
                {t('planNotes')}
              </Tabs.Tab>
            </Tabs.List>
            <div style={{ height: PANE_HEIGHT, overflowY: 'auto', paddingTop: 8 }}>
              <Tabs.Panel value="general">
                <HeaderEditor doc={doc} dispatch={dispatch} />
              </Tabs.Panel>
              <Tabs.Panel value="bodies">
                <BodiesTable
                  rows={rows}
                  agencies={agencies}
                  onResolve={(names, resolution) => dispatch({ type: 'resolve', names, resolution })}
                />
              </Tabs.Panel>
              <Tabs.Panel value="tasks">
                <TaskList doc={doc} bodyNames={bodyNames} dispatch={dispatch} />
              </Tabs.Panel>
              <Tabs.Panel value="indicators">
                <Stack gap="xs">
                  {doc.indicators.map((indicator, index) => (
                    <IndicatorEditor
                      key={index}
                      index={index}
                      indicator={indicator}
                      notes={(indicator.line && notesByLine.get(indicator.line)) || NO_NOTES}
                      dispatch={dispatch}
                    />
                  ))}
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="reporting">
                <ReportingEditor reporting={doc.reporting} dispatch={dispatch} />
              </Tabs.Panel>
              <Tabs.Panel value="notes">
                <NotesList notes={notes} dispatch={dispatch} />
              </Tabs.Panel>
            </div>
          </Tabs>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
