import { Anchor, Badge, Box, Collapse, Group, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import type { EntryFormDto } from '@tre/core/indicators/indicator-api';
import { memo, useState, type Dispatch, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { CountInput } from './CountInput.tsx';
import { TOTAL, enteredParams, partsCheck, rowChanged, type PartCombo, type Row, type Violation } from './entryState.ts';

export type FormElement = EntryFormDto['elements'][number];

export type RowAction =
  | { type: 'set'; element: string; key: string; value: number | null }
  /** text typed in a box that is not a count: kept and shown with why, the figure left as it was */
  | { type: 'unreadable'; element: string; key: string; text: string };

interface Props {
  element: FormElement;
  row: Row | undefined;
  original: Row | undefined;
  /** the element's disaggregation cells; null when the categories could not be loaded */
  combos: PartCombo[] | null;
  /** server errors by disaggregation key ('' = the total) */
  errors: Readonly<Record<string, string>> | undefined;
  /** text typed that is not a count, by disaggregation key */
  unreadable: Readonly<Record<string, string>> | undefined;
  findings: readonly Violation[] | undefined;
  disabled: boolean;
  dispatch: Dispatch<RowAction>;
}

/** One data element of the entry form: its total, its breakdown on demand, who entered it and when. */
export const ElementRow = memo(function ElementRow({
  element,
  row,
  original,
  combos,
  errors,
  unreadable,
  findings,
  disabled,
  dispatch,
}: Props) {
  const { t, lang } = useI18n();
  const total = row?.[TOTAL] ?? null;
  const hasParts = element.categories.length > 0;
  const [open, setOpen] = useState(() => element.parts.length > 0);
  const partKeys = combos?.map((c) => c.key) ?? element.parts.map((p) => p.disaggregation);
  const check = partsCheck(
    total,
    partKeys.map((k) => row?.[k] ?? null),
  );
  const entered = enteredParams(element.enteredBy, element.enteredAt);
  const changed = rowChanged(original, row);
  const fmt = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const set = (key: string) => (value: number | null) => dispatch({ type: 'set', element: element.code, key, value });
  const unread = (key: string) => (text: string) => dispatch({ type: 'unreadable', element: element.code, key, text });
  const partInput = (c: PartCombo, label: string | undefined) => (
    <CountInput
      key={c.key}
      aria-label={`${element.name[lang]} — ${c.options.map((o) => o.name[lang]).join(', ')}`}
      label={label}
      size="xs"
      value={row?.[c.key] ?? null}
      unreadable={unreadable?.[c.key]}
      onCount={set(c.key)}
      onUnreadable={unread(c.key)}
      error={errors?.[c.key]}
      disabled={disabled}
      data-testid={`entry-part-${element.code}-${c.key}`}
    />
  );

  return (
    <Box py="xs" px="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} data-element={element.code}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Group gap={6} wrap="nowrap" align="baseline">
            <Text size="sm" fw={500}>
              {element.name[lang]}
            </Text>
            {changed && (
              <Badge size="xs" color="orange" variant="light" style={{ flexShrink: 0 }}>
                {t('entryChanged')}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            <Text size="xs" c="dimmed" ff="monospace">
              {element.code}
            </Text>
            {entered && (
              <Text size="xs" c="dimmed">
                {t('entryEnteredBy', entered)}
              </Text>
            )}
          </Group>
        </Stack>
        <CountInput
          aria-label={`${element.name[lang]} — ${t('entryTotal')}`}
          w={170}
          value={total}
          unreadable={unreadable?.[TOTAL]}
          onCount={set(TOTAL)}
          onUnreadable={unread(TOTAL)}
          error={errors?.[TOTAL]}
          disabled={disabled}
          data-testid={`entry-value-${element.code}`}
        />
      </Group>

      {findings?.map((f, i) => (
        <Text key={i} size="xs" c={f.severity === 'error' ? 'red' : 'orange.8'} mt={4}>
          {f.severity === 'error' ? t('entryTagError') : t('entryTagWarning')}: {f.message[lang]}
        </Text>
      ))}
      {check.mismatch && (
        <Text size="xs" c="orange.8" mt={4} data-testid={`entry-mismatch-${element.code}`}>
          {t('entryPartsMismatch', { sum: fmt(check.sum ?? 0), total: fmt(total ?? 0) })}
        </Text>
      )}
      {total === null && check.sum !== null && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('entryPartsNoTotal', { sum: fmt(check.sum) })}
        </Text>
      )}

      {hasParts && (
        <Box mt={4}>
          <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid={`entry-parts-${element.code}`}>
            <Text size="xs" c="teal.8">
              {open ? '▾' : '▸'} {t('entryParts')} ({t('entryPartsFilled', { filled: check.filled, of: check.of })})
            </Text>
          </UnstyledButton>
          <Collapse expanded={open} keepMounted={false}>
            <Box pt="xs" pl="md">
              {combos === null ? (
                <Text size="xs" c="dimmed">
                  {t('entryPartsUnavailable')}
                </Text>
              ) : element.categories.length === 2 ? (
                <PartsTable combos={combos} render={(c) => partInput(c, undefined)} />
              ) : (
                <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="xs" maw={720}>
                  {combos.map((c) => partInput(c, c.options.map((o) => o.name[lang]).join(' · ')))}
                </SimpleGrid>
              )}
              {check.sum !== null && check.sum !== total && !disabled && (
                <Anchor component="button" type="button" size="xs" mt={4} onClick={() => set(TOTAL)(check.sum)}>
                  {t('entryUsePartsSum', { sum: fmt(check.sum) })}
                </Anchor>
              )}
            </Box>
          </Collapse>
        </Box>
      )}
    </Box>
  );
});

/** Two categories as a table: options of the first down, of the second across (sex × age group). */
function PartsTable({ combos, render }: { combos: PartCombo[]; render: (c: PartCombo) => ReactNode }) {
  const { lang } = useI18n();
  const rows = [...new Map(combos.map((c) => [c.options[0]?.option, c.options[0]?.name])).entries()];
  const cols = [...new Map(combos.map((c) => [c.options[1]?.option, c.options[1]?.name])).entries()];
  return (
    <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing="xs" w="auto">
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          {cols.map(([code, name]) => (
            <Table.Th key={code}>
              <Text size="xs">{name?.[lang]}</Text>
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([r, rname]) => (
          <Table.Tr key={r}>
            <Table.Td>
              <Text size="xs">{rname?.[lang]}</Text>
            </Table.Td>
            {cols.map(([c]) => {
              const combo = combos.find((x) => x.options[0]?.option === r && x.options[1]?.option === c);
              return (
                <Table.Td key={c} w={130}>
                  {combo && render(combo)}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
