import { Alert, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { AssessmentDto } from '@tre/core';
import { useI18n } from '../i18n/i18n.tsx';
import { shortfall, shortfallSentences } from './shortfall.ts';

/** The criteria of an assessment numbered as the decision numbers them (1 to 13). */
export const numberedCriteria = (a: AssessmentDto) =>
  a.criteria.map((c, i) => ({ no: i + 1, code: c.code, name: c.name, points: c.points, maxPoints: c.maxPoints }));

/**
 * The total against the threshold and, what the commune most needs, why it falls short and by how
 * much: the points missing, the criteria at 0 (each alone bars recognition), then criterion by
 * criterion the points lost with the server's reasons, indicator by indicator.
 */
export function ShortfallPanel({ a }: { a: AssessmentDto }) {
  const { t, lang } = useI18n();
  const numbered = numberedCriteria(a);
  const s = shortfall(
    numbered.map((c) => ({ no: c.no, name: c.name[lang], points: c.points, maxPoints: c.maxPoints })),
    a.threshold,
    a.total,
  );
  const reasons = new Map(a.shortfall.criteria.map((c) => [c.code, c.reasons]));
  const codeOf = new Map(numbered.map((c) => [c.no, c.code]));
  const sentences = shortfallSentences(s, t);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cfc-score" data-testid="cfc-score">
      <Title order={3} size="h4" id="cfc-score">
        {t('cfcTotalLine', { total: a.total, max: a.maxTotal, threshold: a.threshold })}
      </Title>
      {a.meetsStandard ? (
        <Text mt="xs" fw={600} c="teal.9" data-testid="cfc-meets">
          <span aria-hidden="true">✓ </span>
          {t('cfcMeetsThreshold')}
        </Text>
      ) : (
        <Stack gap="xs" mt="xs" data-testid="cfc-shortfall">
          <Title order={4} size="h5">
            <span aria-hidden="true">✕ </span>
            {t('cfcShortTitle')}
          </Title>
          {sentences.summary.map((line) => (
            <Alert key={line} color="orange" variant="light" p="xs" data-testid="cfc-shortfall-head">
              {line}
            </Alert>
          ))}
          <List size="sm" spacing={4} data-testid="cfc-shortfall-criteria">
            {s.gaps.map((g, i) => {
              const why = reasons.get(codeOf.get(g.no) ?? '') ?? [];
              return (
                <List.Item key={g.no} data-criterion-no={g.no} data-zero={g.zero || undefined}>
                  <Text size="sm" fw={g.zero ? 700 : 500}>
                    {g.zero && <span aria-hidden="true">✕ </span>}
                    {sentences.criteria[i]} — {g.name}
                    {g.zero ? ` (${t('cfcZeroMark')})` : ''}
                  </Text>
                  {why.length > 0 && (
                    <List size="xs" withPadding>
                      {why.map((r) => (
                        <List.Item key={r.indicator}>
                          {r.indicator}: {r.text[lang]}
                        </List.Item>
                      ))}
                    </List>
                  )}
                </List.Item>
              );
            })}
          </List>
        </Stack>
      )}
    </Paper>
  );
}
