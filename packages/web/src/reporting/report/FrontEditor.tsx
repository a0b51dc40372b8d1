import { Paper, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import type { ReportFrontDto } from '@tre/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

type TextField = 'parentBody' | 'issuingBody' | 'number' | 'place' | 'subject';
type SignatureField = keyof ReportFrontDto['signature'];

const FIELDS: { key: TextField; label: MessageKey }[] = [
  { key: 'parentBody', label: 'repParentBody' },
  { key: 'issuingBody', label: 'repIssuingBody' },
  { key: 'number', label: 'repNumber' },
  { key: 'place', label: 'repPlace' },
];
const SIGNATURE: { key: SignatureField; label: MessageKey }[] = [
  { key: 'onBehalf', label: 'repSigOnBehalf' },
  { key: 'deputy', label: 'repSigDeputy' },
  { key: 'title', label: 'repSigTitle' },
  { key: 'name', label: 'repSigName' },
];

/** The report's header (Nghị định 30/2020): issuing bodies, number, place and date, subject; the signature block; the recipients. */
export function FrontEditor({
  front,
  recipients,
  onChange,
  onRecipients,
}: {
  front: ReportFrontDto;
  /** the recipients as typed, one a line */
  recipients: string;
  onChange: (front: ReportFrontDto) => void;
  onRecipients: (text: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="md" data-testid="report-front">
      <Stack gap="sm">
        <Title order={4}>{t('repFront')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {FIELDS.map((f) => (
            <TextInput
              key={f.key}
              label={t(f.label)}
              value={front[f.key]}
              onChange={(e) => onChange({ ...front, [f.key]: e.currentTarget.value })}
            />
          ))}
          <TextInput
            type="date"
            label={t('repDate')}
            description={t('repDateHint')}
            value={front.date}
            onChange={(e) => onChange({ ...front, date: e.currentTarget.value })}
          />
        </SimpleGrid>
        <TextInput
          label={t('repSubject')}
          value={front.subject}
          onChange={(e) => onChange({ ...front, subject: e.currentTarget.value })}
        />
        <Title order={5}>{t('repSignature')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {SIGNATURE.map((f) => (
            <TextInput
              key={f.key}
              label={t(f.label)}
              value={front.signature[f.key]}
              onChange={(e) => onChange({ ...front, signature: { ...front.signature, [f.key]: e.currentTarget.value } })}
            />
          ))}
        </SimpleGrid>
        <Textarea
          label={t('repRecipients')}
          description={t('repRecipientsHint')}
          autosize
          minRows={3}
          value={recipients}
          onChange={(e) => onRecipients(e.currentTarget.value)}
        />
      </Stack>
    </Paper>
  );
}

/** The recipients typed one a line: blank lines dropped, a leading "- " and a trailing ";" or "." left to the document. */
export const recipientLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) =>
      l
        .trim()
        .replace(/^[-–•]\s*/, '')
        .replace(/[;.]$/, '')
        .trim(),
    )
    .filter(Boolean);
