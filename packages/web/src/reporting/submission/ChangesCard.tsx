import { Card, List, Text, Title } from '@mantine/core';
import type { SubmissionDto } from '@tre/core';
import { progressLabel } from './progress.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { parseTarget, targetName } from './targets.ts';

/** What the body changed between its last two sendings: what a reviewer who returned it checks first. */
export function ChangesCard({ s }: { s: SubmissionDto }) {
  const { t, lang } = useI18n();
  if (s.changes.length === 0) return null;
  const shown = (target: string, v: string | null) => {
    if (v === null) return t('repChangeEmpty');
    const text = parseTarget(target).kind === 'task' ? progressLabel(v, t) : v;
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  };
  return (
    <Card withBorder data-testid="changes-card">
      <Title order={4} mb="xs">
        {t('repChanges', { version: s.version - 1, latest: s.version })}
      </Title>
      <List spacing={4} size="sm">
        {s.changes.map((c) => {
          const { kind } = parseTarget(c.target);
          const name = targetName(c.target, s, lang) || c.label;
          return (
            <List.Item key={c.target} data-testid="change" data-target={c.target}>
              <Text span fw={500}>
                {kind === 'explanation' ? t('repExplanationOf', { name }) : name}
              </Text>
              :{' '}
              <Text span td="line-through" c="dimmed">
                {shown(c.target, c.before)}
              </Text>{' '}
              → <Text span>{shown(c.target, c.after)}</Text>
            </List.Item>
          );
        })}
      </List>
    </Card>
  );
}
