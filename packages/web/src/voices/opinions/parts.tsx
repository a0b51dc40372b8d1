import { Badge, Group, Text } from '@mantine/core';
import { OPINION_STATE_LABELS, type OpinionDto, type VoiceBodyDto } from '@tre/core';
import { formatDate } from '../../children/labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** An opinion's state in words, with its due date, and "⚠ overdue n days" in symbol and words. */
export function OpinionStateLine({ o }: { o: OpinionDto }) {
  const { t, lang } = useI18n();
  return (
    <Group gap={6} wrap="wrap">
      <Badge variant="light" color={o.state === 'fed_back' ? 'green' : o.state === 'answered' ? 'blue' : 'gray'}>
        {OPINION_STATE_LABELS[o.state][lang]}
      </Badge>
      {o.state === 'sent' && o.dueOn && <Text size="xs">{t('voiDueOn', { date: formatDate(o.dueOn) })}</Text>}
      {o.daysOverdue > 0 && (
        <Badge color="red" data-testid="opinion-overdue">
          ⚠ {t('voiOverdueMark', { n: o.daysOverdue })}
        </Badge>
      )}
    </Group>
  );
}

/** A body by its name, "not resolved" said in words where it is not. */
export function BodyName({ body }: { body: VoiceBodyDto }) {
  const { t } = useI18n();
  return (
    <Text size="sm" span>
      {body.name}
      {body.kind === 'unresolved' && (
        <Text span c="orange" size="xs">
          {' '}
          ({t('voiUnresolved')})
        </Text>
      )}
    </Text>
  );
}
