import { Box, Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { CatalogueReply, SubmissionCommentDto, SubmissionDto } from '@tre/core';
import { memo, useMemo, useState, type Dispatch } from 'react';
import { periodName } from '../../format/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ElementRow, type FormElement, type RowAction } from '../../indicators/entry/ElementRow.tsx';
import { groupElements, partCombos, TOTAL, type Row } from '../../indicators/entry/entryState.ts';
import type { EntryState } from '../../indicators/entry/useEntry.ts';
import { CommentButton, CommentList } from './CommentList.tsx';
import { figureTarget } from './targets.ts';

interface Props {
  s: SubmissionDto;
  catalogue: CatalogueReply | undefined;
  state: EntryState;
  dispatch: Dispatch<RowAction>;
  explanations: Record<string, string>;
  missing: readonly string[];
  editable: boolean;
  comments: Map<string, SubmissionCommentDto[]>;
  onExplain: (code: string, text: string) => void;
  onExplainAll: (codes: readonly string[], text: string) => void;
  onComment: ((target: string) => void) | null;
}

/**
 * The body's figures for the round's period, with the entry form's own rows (same boxes, breakdowns
 * and checks); under each figure not entered, why it is missing. One reason may be given for all the
 * figures still missing at once.
 */
export function FiguresSection(p: Props) {
  const { t, lang } = useI18n();
  const { s, catalogue, state } = p;
  const [onlyMissing, setOnlyMissing] = useState(false);
  const groups = useMemo(() => groupElements(s.figures.elements, catalogue?.indicators), [s, catalogue]);
  const combos = useMemo(
    () => new Map(s.figures.elements.map((e) => [e.code, partCombos(e.categories, catalogue?.categories)])),
    [s, catalogue],
  );
  const visible = (e: FormElement) => !onlyMissing || e.value === null;

  return (
    <Stack gap="sm" data-testid="figures-section">
      <Title order={3}>{t('repSecFigures')}</Title>
      <Text size="sm" c="dimmed">
        {t('repFiguresIntro', { period: periodName(s.period, lang) })}
      </Text>
      <Text size="sm" fw={500} c={p.missing.length > 0 ? 'orange.9' : 'teal.8'} data-testid="missing-count" aria-live="polite">
        {p.missing.length > 0 ? `! ${t('repMissingCount', { n: p.missing.length })}` : `✓ ${t('repAllFiguresDone')}`}
      </Text>
      {p.editable && p.missing.length > 0 && <ExplainAll missing={p.missing} onApply={p.onExplainAll} />}
      <Checkbox label={t('repOnlyMissing')} checked={onlyMissing} onChange={(e) => setOnlyMissing(e.currentTarget.checked)} />
      {s.figures.elements.length === 0 && <Text c="dimmed">{t('entryNoElements')}</Text>}
      {groups.map((g) => {
        const elements = g.elements.filter(visible);
        if (elements.length === 0) return null;
        return (
          <Stack key={g.indicator?.code ?? g.kind} gap={4}>
            <Title order={5}>
              {g.kind === 'common'
                ? t('entryGroupCommon')
                : g.kind === 'other' || !g.indicator
                  ? t('entryGroupOther')
                  : g.indicator.no === null
                    ? g.indicator.name[lang]
                    : t('entryGroupIndicator', { no: g.indicator.no, name: g.indicator.name[lang] })}
            </Title>
            <Paper withBorder>
              {elements.map((e) => (
                <FigureBlock
                  key={e.code}
                  element={e}
                  row={state.current[e.code]}
                  original={state.original[e.code]}
                  combos={combos.get(e.code) ?? null}
                  errors={state.errors[e.code]}
                  unreadable={state.unreadable[e.code]}
                  editable={p.editable}
                  dispatch={p.dispatch}
                  explanation={p.explanations[e.code] ?? ''}
                  onExplain={p.onExplain}
                  comments={p.comments.get(figureTarget(e.code))}
                  onComment={p.onComment}
                />
              ))}
            </Paper>
          </Stack>
        );
      })}
    </Stack>
  );
}

/** One reason for every figure still missing, each editable afterwards. */
function ExplainAll({
  missing,
  onApply,
}: {
  missing: readonly string[];
  onApply: (codes: readonly string[], text: string) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('repExplainAll')}
          description={t('repExplainAllHint')}
          placeholder={t('repExplainAllPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: '1 1 360px' }}
          data-testid="explain-all-text"
        />
        <Button
          variant="light"
          disabled={!text.trim()}
          onClick={() => {
            onApply(missing, text.trim());
            setText('');
          }}
          data-testid="explain-all-apply"
        >
          {t('repExplainAllApply', { n: missing.length })}
        </Button>
      </Group>
    </Paper>
  );
}

const FigureBlock = memo(function FigureBlock({
  element,
  row,
  original,
  combos,
  errors,
  unreadable,
  editable,
  dispatch,
  explanation,
  onExplain,
  comments,
  onComment,
}: {
  element: FormElement;
  row: Row | undefined;
  original: Row | undefined;
  combos: ReturnType<typeof partCombos>;
  errors: Readonly<Record<string, string>> | undefined;
  unreadable: Readonly<Record<string, string>> | undefined;
  editable: boolean;
  dispatch: Dispatch<RowAction>;
  explanation: string;
  onExplain: (code: string, text: string) => void;
  comments: SubmissionCommentDto[] | undefined;
  onComment: ((target: string) => void) | null;
}) {
  const { t, lang } = useI18n();
  const missing = (row?.[TOTAL] ?? null) === null;
  const name = element.name[lang];
  const target = figureTarget(element.code);
  return (
    <Box data-figure={element.code} data-testid="figure-block">
      <ElementRow
        element={element}
        row={row}
        original={original}
        combos={combos}
        errors={errors}
        unreadable={unreadable}
        findings={undefined}
        disabled={!editable}
        dispatch={dispatch}
      />
      {(missing || comments?.length || onComment) && (
        <Stack gap={4} px="sm" py={6} bg="gray.0" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <CommentList target={target} comments={comments} />
          {missing && editable && (
            <Group gap="xs" wrap="nowrap">
              <Text size="xs" fw={500} style={{ flexShrink: 0 }}>
                {t('repExplanation')}:
              </Text>
              <TextInput
                size="xs"
                placeholder={t('repExplain')}
                aria-label={t('repExplainOf', { name })}
                value={explanation}
                onChange={(e) => onExplain(element.code, e.currentTarget.value)}
                style={{ flex: 1 }}
                data-testid={`explain-${element.code}`}
              />
            </Group>
          )}
          {missing && !editable && explanation && (
            <Text size="xs" data-testid={`explanation-${element.code}`}>
              <b>{t('repExplanation')}:</b> {explanation}
            </Text>
          )}
          <CommentButton target={target} name={name} onComment={onComment} />
        </Stack>
      )}
    </Box>
  );
});
