import { Alert, Anchor, Button, Group, Table, Text } from '@mantine/core';
import type { BodyResolution } from '@tre/core/plans/plan-api';
import { useState } from 'react';
import type { Agency } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { TableHead } from '../ui/TableHead.tsx';
import { BodyQuestionRow } from './BodyQuestionRow.tsx';
import { bodyQuestions, isOpen, type BodyQuestion, type BodyRow } from './bodyQuestions.ts';
import { usePlanLabels } from './labels.ts';

export type { BodyRow } from './bodyQuestions.ts';

interface Props {
  rows: BodyRow[];
  agencies: Agency[];
  /** absent: read-only (users who may not change the plan); `names` are every similar name of one question */
  onResolve?: (names: string[], resolution: BodyResolution) => void;
}

/** The last decision, so that it can be seen applied to every similar name and undone. */
interface Applied {
  names: string[];
  label: string;
  previous: BodyResolution;
}

/**
 * Each distinct body name of a plan and what it means in Tre. Names written alike (same similar
 * key) are one question; only the questions still open are shown at first, the resolved ones
 * (by an agency, a group with its rule, "not tracked", or a remembered decision) are a click away.
 */
export function BodiesTable({ rows, agencies, onResolve }: Props) {
  const { t } = useI18n();
  const labels = usePlanLabels();
  const [showDecided, setShowDecided] = useState(false);
  const [applied, setApplied] = useState<Applied | null>(null);
  const questions = bodyQuestions(rows);
  const open = questions.filter(isOpen);
  const decided = questions.filter((q) => !isOpen(q));

  const resolver = (q: BodyQuestion) =>
    onResolve &&
    ((resolution: BodyResolution) => {
      onResolve(q.names, resolution);
      setApplied({ names: q.names, label: labels.resolution(resolution, agencies), previous: q.resolution });
    });
  const table = (list: BodyQuestion[], testId: string) => (
    <Table data-testid={testId} verticalSpacing={4}>
      <TableHead labels={[t('planBodyName'), t('planBodyUsage'), t('planBodyResolution')]} />
      <Table.Tbody>
        {list.map((q) => (
          <BodyQuestionRow key={q.key} question={q} agencies={agencies} onResolve={resolver(q)} />
        ))}
      </Table.Tbody>
    </Table>
  );

  return (
    <>
      {open.length > 0 ? (
        <Alert color="orange" py={6} data-testid="unresolved-count">
          {t('planBodiesUnresolved', { n: open.length })}
        </Alert>
      ) : (
        <Text c="teal" size="sm">
          {t('planBodiesAllResolved')}
        </Text>
      )}
      {applied && onResolve && (
        <Alert color="teal" py={6} data-testid="body-applied">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">
              {t('planBodyApplied', { label: applied.label, n: applied.names.length, names: applied.names.join('; ') })}
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                onResolve(applied.names, applied.previous);
                setApplied(null);
              }}
            >
              {t('planBodyUndo')}
            </Button>
          </Group>
        </Alert>
      )}
      {open.length > 0 && table(open, 'bodies-table')}
      {decided.length > 0 && (
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => setShowDecided((v) => !v)}
          data-testid="bodies-toggle-decided"
        >
          {showDecided ? t('planBodiesHideDecided') : t('planBodiesShowDecided', { n: decided.length })}
        </Anchor>
      )}
      {showDecided && decided.length > 0 && table(decided, 'bodies-decided')}
    </>
  );
}
