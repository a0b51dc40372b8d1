import { ActionIcon, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ReportDraftSectionDto } from '@tre/core';
import { useI18n } from '../../i18n/i18n.tsx';

/** Each section of the report: its paragraphs, each under the name of the body it came from, editable, removable, and new ones. */
export function SectionsEditor({
  sections,
  onChange,
}: {
  sections: ReportDraftSectionDto[];
  onChange: (sections: ReportDraftSectionDto[]) => void;
}) {
  const { t } = useI18n();
  const setParagraphs = (i: number, paragraphs: ReportDraftSectionDto['paragraphs']) =>
    onChange(sections.map((s, j) => (j === i ? { ...s, paragraphs } : s)));
  return (
    <Stack gap="md" data-testid="report-sections">
      <Title order={4}>{t('repSections')}</Title>
      <Text size="sm" c="dimmed">
        {t('repFiguresAtBuild')}
      </Text>
      {sections.map((s, i) => (
        <Paper key={s.key} withBorder p="md" data-testid={`report-section-${s.key}`}>
          <Stack gap="sm">
            <Title order={5}>{s.heading}</Title>
            {s.paragraphs.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('repSectionEmpty')}
              </Text>
            )}
            {s.paragraphs.map((p, k) => (
              <Stack key={k} gap={2}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {p.source ? t('repParagraphSource', { name: p.source }) : t('repParagraphOwn')}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="sm"
                    onClick={() =>
                      setParagraphs(
                        i,
                        s.paragraphs.filter((_, m) => m !== k),
                      )
                    }
                    aria-label={t('repRemoveParagraph', { n: k + 1, section: s.heading })}
                  >
                    ✕
                  </ActionIcon>
                </Group>
                <Textarea
                  aria-label={t('repParagraph', { n: k + 1, section: s.heading })}
                  autosize
                  minRows={2}
                  value={p.text}
                  onChange={(e) => {
                    const text = e.currentTarget.value;
                    setParagraphs(
                      i,
                      s.paragraphs.map((x, m) => (m === k ? { ...x, text } : x)),
                    );
                  }}
                  data-testid={`paragraph-${s.key}-${k}`}
                />
              </Stack>
            ))}
            <Group>
              <Button
                variant="subtle"
                size="xs"
                onClick={() => setParagraphs(i, [...s.paragraphs, { text: '', source: null }])}
                data-testid={`add-paragraph-${s.key}`}
              >
                + {t('repAddParagraph')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
