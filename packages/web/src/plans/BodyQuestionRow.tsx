import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { BodyResolution } from '@tre/core/plans/plan-api';
import type { Agency } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { BodyResolutionSelect } from './BodyResolutionSelect.tsx';
import { isOpen, type BodyQuestion } from './bodyQuestions.ts';
import { formatDate, usePlanLabels } from './labels.ts';

interface Props {
  question: BodyQuestion;
  agencies: Agency[];
  /** absent: read-only */
  onResolve?: ((resolution: BodyResolution) => void) | undefined;
}

/** Why a name means what it does: the rule of its phrase or successor, or a decision remembered from an earlier plan. */
function Why({ question }: { question: BodyQuestion }) {
  const { t, lang } = useI18n();
  const r = question.remembered;
  return (
    <>
      {r && (
        <Badge
          variant="light"
          color="grape"
          size="sm"
          data-testid="body-remembered"
          title={t('planBodyRememberedBy', { name: r.decidedBy ?? 'tre', date: formatDate(r.decidedAt.slice(0, 10)) })}
        >
          {t('planBodyRemembered')}
        </Badge>
      )}
      {question.rule && (
        <Text size="xs" c="dimmed" data-testid="body-rule">
          {t('planBodyRule')}: {question.rule[lang]}
        </Text>
      )}
    </>
  );
}

function Candidates({ question, onResolve }: { question: BodyQuestion; onResolve: (r: BodyResolution) => void }) {
  const { t } = useI18n();
  if (question.candidates.length === 0 && !question.suggestedGroup) return null;
  const group = question.suggestedGroup;
  return (
    <Group gap={4} mt={4}>
      <Text size="xs" c="dimmed">
        {t('planBodyCandidates')}:
      </Text>
      {question.candidates.map((c) => (
        <Button
          key={c.agencyId}
          size="compact-xs"
          variant="light"
          title={c.matched}
          onClick={() => onResolve({ kind: 'agency', agencyId: c.agencyId })}
        >
          {c.shortName}
        </Button>
      ))}
      {group && (
        <Button size="compact-xs" variant="light" color="grape" onClick={() => onResolve({ kind: 'group', group })}>
          {t(`group_${group}`)}
        </Button>
      )}
    </Group>
  );
}

/** One question of the bodies table: the names written alike, one decision for all of them. */
export function BodyQuestionRow({ question, agencies, onResolve }: Props) {
  const { t } = useI18n();
  const labels = usePlanLabels();
  const open = isOpen(question);
  const [first, ...others] = question.names;
  return (
    <Table.Tr bg={open ? 'var(--mantine-color-orange-0)' : undefined} data-body={first} data-testid="body-question">
      <Table.Td>
        <Text size="sm" fw={open ? 600 : undefined} c={open ? 'orange.9' : undefined}>
          {first}
        </Text>
        {others.length > 0 && (
          <>
            <Badge variant="outline" size="sm" data-testid="body-similar">
              {t('planBodySimilar', { n: question.names.length })}
            </Badge>
            <Text size="xs" c="dimmed">
              {others.join(' · ')}
            </Text>
          </>
        )}
        <Why question={question} />
      </Table.Td>
      <Table.Td>{question.count}</Table.Td>
      <Table.Td>
        {onResolve ? (
          <BodyResolutionSelect name={first ?? ''} value={question.resolution} agencies={agencies} onChange={onResolve} />
        ) : (
          <Badge variant="light" color={open ? 'orange' : 'gray'}>
            {labels.resolution(question.resolution, agencies)}
          </Badge>
        )}
        {onResolve && open && <Candidates question={question} onResolve={onResolve} />}
      </Table.Td>
    </Table.Tr>
  );
}
