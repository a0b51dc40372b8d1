import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { BoardCountsDto } from '@tre/core';
import { formatShare } from '../../format/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

/** The round's counts as plain figures, each with its word. */
export function BoardCounts({ counts }: { counts: BoardCountsDto }) {
  const { t, lang } = useI18n();
  const items: { key: string; label: MessageKey; value: string }[] = [
    {
      key: 'submitted',
      label: 'repCountSubmitted',
      value: t('repSubmittedOf', { submitted: counts.submitted, owed: counts.owed }),
    },
    { key: 'on-time', label: 'repCountOnTime', value: String(counts.onTime) },
    { key: 'late', label: 'repCountLate', value: String(counts.late) },
    { key: 'missing', label: 'repCountMissing', value: String(counts.missing) },
    { key: 'accepted', label: 'repCountAccepted', value: String(counts.accepted) },
    { key: 'completeness', label: 'repCountCompleteness', value: formatShare(counts.completeness, lang) },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="board-counts">
      {items.map((i) => (
        <Paper key={i.key} withBorder p="sm" data-testid={`count-${i.key}`} data-value={i.value}>
          <Text size="sm" c="dimmed">
            {t(i.label)}
          </Text>
          <Text fz={28} fw={700} lh={1.2}>
            {i.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
