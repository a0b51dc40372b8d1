import { Anchor, Group, Select, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import type { BoardRowDto } from '@tre/core';
import { foldText } from '@tre/core/text/fold';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { BOARD_STATES, formatDay, useReportingLabels, type BoardState } from '../labels.ts';
import { StateBadge } from '../StateBadge.tsx';

type Kind = 'all' | 'agency' | 'commune';

/**
 * Every body owing the round, filtered by state and kind and searched by name (without diacritics):
 * the names are folded once, the search is deferred, the rows are memoised — a province's 160 bodies
 * stay fast to type against.
 */
export function BoardTable({ roundId, deadline, rows }: { roundId: string; deadline: string; rows: BoardRowDto[] }) {
  const { t } = useI18n();
  const labels = useReportingLabels();
  const [state, setState] = useState<BoardState | 'all'>('all');
  const [kind, setKind] = useState<Kind>('all');
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const folded = useMemo(() => rows.map((r) => ({ row: r, name: foldText(r.name) })), [rows]);
  const shown = useMemo(() => {
    const words = foldText(deferred).trim().split(/\s+/).filter(Boolean);
    return folded
      .filter((f) => (state === 'all' || f.row.state === state) && (kind === 'all' || f.row.unitKind === kind))
      .filter((f) => words.every((w) => f.name.includes(w)))
      .map((f) => f.row);
  }, [folded, state, kind, deferred]);

  return (
    <>
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('repFilterState')}
          data={[{ value: 'all', label: t('repFilterAll') }, ...BOARD_STATES.map((s) => ({ value: s, label: labels.state(s) }))]}
          value={state}
          onChange={(v) => setState(v ?? 'all')}
          allowDeselect={false}
          w={220}
          data-testid="board-filter-state"
        />
        <SegmentedControl
          aria-label={t('repFilterKind')}
          value={kind}
          onChange={(v) => setKind(v)}
          data={[
            { value: 'all', label: t('repFilterAll') },
            { value: 'agency', label: t('repKindAgencies') },
            { value: 'commune', label: t('repKindCommunes') },
          ]}
        />
        <TextInput
          label={t('repSearch')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={260}
          data-testid="board-search"
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('repShown', { n: shown.length, total: rows.length })}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={960}>
        <Table striped highlightOnHover data-testid="board-table">
          <TableHead
            labels={[
              t('repColBody'),
              t('repColState'),
              t('repColSent'),
              t('repColTimeliness'),
              t('repColFigures'),
              t('repColReminders'),
              '',
            ]}
          />
          <Table.Tbody>
            {shown.map((r) => (
              <BoardRow key={`${r.unitKind}|${r.unitCode}`} row={r} roundId={roundId} deadline={deadline} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown.length === 0 && <Text c="dimmed">{t('repNoBodyMatches')}</Text>}
    </>
  );
}

const BoardRow = memo(function BoardRow({ row: r, roundId, deadline }: { row: BoardRowDto; roundId: string; deadline: string }) {
  const { t } = useI18n();
  const labels = useReportingLabels();
  return (
    <Table.Tr data-testid="board-row" data-unit={r.unitCode}>
      <Table.Td>
        <Text size="sm">{r.name}</Text>
        <Text size="xs" c="dimmed">
          {t(r.unitKind === 'agency' ? 'repKindAgency' : 'repKindCommune')}
        </Text>
      </Table.Td>
      <Table.Td>
        <StateBadge state={r.state} />
      </Table.Td>
      <Table.Td>{formatDay(r.submittedOn)}</Table.Td>
      <Table.Td>
        <Text size="sm">{labels.timeliness(r, deadline)}</Text>
        {r.submittedAfterClose && (
          <Text size="xs" c="dimmed">
            {t('repAfterClose')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" title={t('repFiguresTitle', r.figures)}>
          {t('repFiguresCell', r.figures)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {r.reminders.count > 0 ? t('repRemindersCell', { n: r.reminders.count, date: formatDay(r.reminders.lastAt) }) : '–'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/reporting/rounds/${roundId}/submissions/${encodeURIComponent(r.unitCode)}`}
          size="sm"
          aria-label={t('repViewOf', { name: r.name })}
        >
          {t('repView')}
        </Anchor>
      </Table.Td>
    </Table.Tr>
  );
});
