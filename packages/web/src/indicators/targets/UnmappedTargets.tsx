import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { CatalogueReply, UnmappedTargetDto } from '@tre/core/indicators/indicator-api';
import { relativeTargetText } from '@tre/core/indicators/target-text';
import { formatNumber, OP_SIGN } from '../../format/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { MeasurePicker } from './MeasurePicker.tsx';

/** Reasons whose wording must be corrected before the target can map: a choice opens the form. */
const NEEDS_CORRECTION = new Set<UnmappedTargetDto['reason']>(['complement', 'opposite_direction', 'duplicate']);

const UNIT_SIGN = { '%': ' %', per1000: ' ‰', per100000: '/100.000', count: '' } as const;

/** The target as the plan wrote it: "2030: ≥ 100 %", or its change. */
function useTargetText() {
  const { lang } = useI18n();
  return (u: UnmappedTargetDto) => {
    const fmt = (n: number, l: 'vi' | 'en') => formatNumber(n, l);
    const body = u.relative
      ? relativeTargetText({ op: u.op ?? '>=', value: u.value, relative: u.relative }, fmt)[lang]
      : `${u.op ? `${OP_SIGN[u.op]} ` : ''}${fmt(u.value, lang)}${u.unit ? UNIT_SIGN[u.unit] : ''}`;
    return `${u.year}: ${body}`;
  };
}

/**
 * Every target of the plan the mapping left without a measure, with the reason and a one-click
 * choice: the measures offered first, any measure of the catalogue through the picker. A choice is
 * sent at once (`onChoose`); where the wording itself is wrong (a complement, a comparison against
 * the measure) it opens the correction form with the measure filled in (`onCorrect`).
 */
export function UnmappedTargets({
  items,
  catalogue,
  manage,
  onChoose,
  onCorrect,
}: {
  items: UnmappedTargetDto[];
  catalogue: CatalogueReply | undefined;
  manage: boolean;
  onChoose: (target: UnmappedTargetDto, measure: string) => void;
  onCorrect: (target: UnmappedTargetDto, measure: string | null) => void;
}) {
  const { t, lang } = useI18n();
  const targetText = useTargetText();
  if (items.length === 0) return null;
  const choose = (u: UnmappedTargetDto, measure: string) =>
    NEEDS_CORRECTION.has(u.reason) ? onCorrect(u, measure) : onChoose(u, measure);
  return (
    <Stack gap="xs" data-testid="unmapped-targets">
      <Title order={5}>{t('unmappedSection', { n: items.length })}</Title>
      <Text size="sm" c="gray.7">
        {t('unmappedHint')}
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('unmappedColIndicator')}</Table.Th>
            <Table.Th>{t('unmappedColTarget')}</Table.Th>
            <Table.Th>{t('unmappedColReason')}</Table.Th>
            {manage && <Table.Th>{t('unmappedColChoose')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((u) => (
            <Table.Tr key={u.id} data-testid={`unmapped-${u.id}`}>
              <Table.Td>{u.indicatorNo}</Table.Td>
              <Table.Td>
                <Text size="sm">{targetText(u)}</Text>
                {u.text && (
                  <Text size="xs" c="gray.7">
                    «{u.text}»
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`reason_${u.reason}` as MessageKey)}</Text>
              </Table.Td>
              {manage && (
                <Table.Td>
                  <Stack gap={4}>
                    <Group gap={4}>
                      {u.candidates.map((c) => (
                        <Button
                          key={c.measure}
                          size="compact-xs"
                          variant="light"
                          onClick={() => choose(u, c.measure)}
                          data-testid={`unmapped-choose-${u.id}-${c.measure}`}
                        >
                          {c.name[lang]}
                        </Button>
                      ))}
                      {NEEDS_CORRECTION.has(u.reason) && (
                        <Button size="compact-xs" variant="subtle" onClick={() => onCorrect(u, u.candidates[0]?.measure ?? null)}>
                          {t('unmappedFix')}
                        </Button>
                      )}
                    </Group>
                    <MeasurePicker
                      catalogue={catalogue}
                      value={null}
                      onChange={(m) => m && choose(u, m)}
                      label={t('unmappedOther')}
                      testId={`unmapped-other-${u.id}`}
                    />
                  </Stack>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
