import { Badge, Group, Tooltip, VisuallyHidden } from '@mantine/core';
import type { CircumstanceGroup, VerificationStatus } from '@tre/core';
import { useI18n } from '../i18n/i18n.tsx';
import { GROUP_LABELS, VERIFICATION_STYLE } from './labels.ts';

/** A child's special-circumstance groups as letter badges; each letter's words in a tooltip and for screen readers. */
export function GroupBadges({ groups }: { groups: readonly CircumstanceGroup[] }) {
  const { t, lang } = useI18n();
  if (groups.length === 0) return <span aria-label="—">—</span>;
  return (
    <Group gap={4} wrap="wrap">
      {groups.map((g) => {
        const words = t('chdGroupBadge', { letter: g, label: GROUP_LABELS[g][lang] });
        return (
          <Tooltip key={g} label={words} withArrow multiline maw={320}>
            <Badge size="sm" variant="light" color="grape" style={{ textTransform: 'none' }} data-group={g}>
              <span aria-hidden="true">{g}</span>
              <VisuallyHidden>{words}</VisuallyHidden>
            </Badge>
          </Tooltip>
        );
      })}
    </Group>
  );
}

/** A verification against the population database: its symbol beside its word, never colour alone. */
export function VerificationBadge({ status }: { status: VerificationStatus | null }) {
  const { lang } = useI18n();
  const style = VERIFICATION_STYLE[status ?? 'none'];
  return (
    <Badge variant="light" color={style.color} style={{ textTransform: 'none' }} data-verification={status ?? 'none'}>
      <span aria-hidden="true">{style.symbol}</span> {style[lang]}
    </Badge>
  );
}
