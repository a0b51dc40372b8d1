import { Autocomplete, Badge, Group, Text } from '@mantine/core';
import { OPINION_STATE_LABELS, type OpinionDto, type VoiceBodyDto } from '@tre/core';
import { useRead } from '../../api/useApi.ts';
import { formatDate } from '../../children/labels.ts';
import { unitsReads } from '../../units/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** An opinion's state in words, with its due date, and "⚠ overdue n days" in symbol and words. */
export function OpinionStateLine({ o }: { o: OpinionDto }) {
  const { t, lang } = useI18n();
  return (
    <Group gap={6} wrap="wrap">
      <Badge
        variant="light"
        tt="none"
        h="auto"
        styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
        color={o.state === 'fed_back' ? 'green' : o.state === 'answered' ? 'blue' : 'gray'}
      >
        {OPINION_STATE_LABELS[o.state][lang]}
      </Badge>
      {o.state === 'sent' && o.dueOn && <Text size="xs">{t('voiDueOn', { date: formatDate(o.dueOn) })}</Text>}
      {o.daysOverdue > 0 && (
        <Badge color="red" tt="none" data-testid="opinion-overdue">
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

/**
 * The body an opinion is sent to: typed, with the province's agencies offered as the reader types
 * (a name the server cannot resolve has to be corrected before sending, so offering the known
 * names saves a round trip). A commune committee is typed as "UBND xã …".
 */
export function BodyInput({
  value,
  onChange,
  error,
  size,
  required,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  size?: 'xs' | 'sm';
  required?: boolean;
}) {
  const { t } = useI18n();
  const agencies = useRead(unitsReads.agencies());
  const names = [...new Set((agencies.data?.items ?? []).flatMap((a) => [a.shortName, a.fullName]))];
  return (
    <Autocomplete
      size={size}
      label={t('voiSentTo')}
      description={t('voiSentToHint')}
      required={required}
      data={names}
      limit={12}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
