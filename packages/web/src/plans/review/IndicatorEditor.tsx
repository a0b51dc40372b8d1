import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { ParseNote, PlanIndicator, TargetOp } from '@tre/core/plans/plan-format';
import { relativeTargetText } from '@tre/core/indicators/target-text';
import { Fragment, memo, useContext, type Dispatch } from 'react';
import { formatNumber } from '../../format/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { TARGET_UNITS, usePlanLabels } from '../labels.ts';
import type { ReviewAction } from './reviewState.ts';
import { TableHead } from '../../ui/TableHead.tsx';
import { TargetHintContext } from './targetHint.ts';

const OPS: TargetOp[] = ['>=', '>', '=', '<=', '<'];

interface Props {
  index: number;
  indicator: PlanIndicator;
  /** notes on the indicator's line, e.g. targets that could not be read */
  notes: ParseNote[];
  dispatch: Dispatch<ReviewAction>;
}

/** An indicator and its targets by year; a row per (year, measure). */
export const IndicatorEditor = memo(function IndicatorEditor({ index, indicator, notes, dispatch }: Props) {
  const { t, lang } = useI18n();
  const labels = usePlanLabels();
  const hint = useContext(TargetHintContext);
  const focus = () => indicator.line && dispatch({ type: 'focus', line: indicator.line });
  const setTarget = (k: number, patch: Partial<PlanIndicator['targets'][number]>) =>
    dispatch({ type: 'target', indicator: index, index: k, patch });
  return (
    <Paper withBorder p="sm" onFocus={focus} data-testid="indicator-editor">
      <Group gap="xs" mb={4}>
        <Badge>{t('planIndicatorNo', { n: indicator.no })}</Badge>
        {indicator.goal !== null && (
          <Badge variant="outline">
            {t('planGoal')} {indicator.goal}
          </Badge>
        )}
        {indicator.line && (
          <Anchor component="button" type="button" size="xs" onClick={focus}>
            {t('planLine', { n: indicator.line })}
          </Anchor>
        )}
      </Group>
      {notes.map((n, k) => (
        <Text key={k} size="xs" c="orange.9">
          ⚠ {t('planNoteNotUnderstood')}: {n.message[lang]}
        </Text>
      ))}
      <Textarea
        aria-label={t('planIndicatorText')}
        autosize
        minRows={1}
        maxRows={6}
        value={indicator.text}
        onChange={(e) => dispatch({ type: 'indicator', index, patch: { text: e.currentTarget.value } })}
      />
      <Table mt="xs" verticalSpacing={2} withRowBorders={false}>
        <TableHead
          labels={[t('planTargetYear'), t('planTargetOp'), t('planTargetValue'), t('planTargetUnit'), t('planTargetMeasure'), '']}
        />
        <Table.Tbody>
          {indicator.targets.map((target, k) => (
            <Fragment key={k}>
              <Table.Tr>
                <Table.Td>
                  <NumberInput
                    aria-label={t('planTargetYear')}
                    size="xs"
                    w={80}
                    min={1990}
                    max={2100}
                    value={target.year}
                    onChange={(v) => typeof v === 'number' && setTarget(k, { year: v })}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('planTargetOp')}
                    size="xs"
                    w={90}
                    data={OPS}
                    value={target.op}
                    clearable
                    // a comparison chosen here is the reviewer's: the word it was read from no longer decides it
                    onChange={(v) => setTarget(k, { op: OPS.find((op) => op === v) ?? null, opWord: null })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t('planTargetValue')}
                    size="xs"
                    w={90}
                    decimalSeparator=","
                    value={target.value}
                    onChange={(v) => typeof v === 'number' && setTarget(k, { value: v })}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('planTargetUnit')}
                    size="xs"
                    w={150}
                    data={TARGET_UNITS.map((u) => ({ value: u, label: labels.unit(u) }))}
                    value={target.unit}
                    clearable
                    onChange={(v) => setTarget(k, { unit: v })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('planTargetMeasure')}
                    size="xs"
                    value={target.measure ?? ''}
                    onChange={(e) => setTarget(k, { measure: e.currentTarget.value || null })}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('planRemove')}
                    onClick={() => dispatch({ type: 'removeTarget', indicator: index, index: k })}
                  >
                    ✕
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td colSpan={6} pt={0}>
                  {target.kind === 'relative' && target.change && target.reference !== undefined && (
                    <Text size="xs" data-testid="review-relative">
                      {t('reviewRelative', {
                        text: relativeTargetText(
                          {
                            op: target.op ?? '>=',
                            value: target.value,
                            relative: { change: target.change, reference: target.reference, valueTo: target.valueTo ?? null },
                          },
                          (n, l) => formatNumber(n, l),
                        )[lang],
                      })}
                    </Text>
                  )}
                  {hint?.(indicator.no, target)}
                </Table.Td>
              </Table.Tr>
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      {indicator.targets.length === 0 && (
        <Text size="xs" c="orange.9">
          {t('planNoTargets')}
        </Text>
      )}
      <Button size="compact-xs" variant="light" mt={4} onClick={() => dispatch({ type: 'addTarget', indicator: index })}>
        {t('planAddTarget')}
      </Button>
    </Paper>
  );
});
