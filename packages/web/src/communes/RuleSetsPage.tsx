import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ruleMaxPoints, type RuleSetInput } from '@tre/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { TableHead } from '../ui/TableHead.tsx';
import { communesApi, communesReads } from './api.ts';

/**
 * `/child-friendly/rule-sets` (administrator): the active rule set with its criteria and points,
 * the versions stored (each assessment keeps the one it was scored with), and the upload of a
 * replacement JSON, which the server checks and makes the active one.
 */
export function RuleSetsPage() {
  const { t, lang } = useI18n();
  const list = useRead(communesReads.ruleSets());
  const active = useRead(list.data ? communesReads.ruleSet(list.data.activeId) : null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function upload() {
    if (!file) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      let content: RuleSetInput;
      try {
        content = JSON.parse(await file.text()) as RuleSetInput;
      } catch {
        setError(t('cfcNotJson'));
        return;
      }
      const saved = await communesApi.uploadRuleSet(content);
      setMessage(t('cfcRuleSetUploaded', { version: saved.version }));
      list.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const set = active.data;
  return (
    <Stack maw={1000}>
      <Anchor component={Link} to="/child-friendly" size="sm">
        ← {t('cfcBack')}
      </Anchor>
      <Title order={2}>{t('cfcRuleSetsTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('cfcRuleSetsHint')}
      </Text>
      {(list.error ?? active.error) && (
        <Alert color="red" role="alert">
          {list.error ?? active.error}
        </Alert>
      )}
      {(list.loading || active.loading) && !set && <Loader />}

      <Paper withBorder p="md" component="section" aria-labelledby="cfc-upload">
        <Title order={3} size="h4" id="cfc-upload" mb="xs">
          {t('cfcUploadRuleSet')}
        </Title>
        <Group align="center">
          <input
            type="file"
            accept="application/json,.json"
            aria-label={t('cfcUploadRuleSet')}
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            data-testid="cfc-rule-set-file"
          />
          <Button onClick={() => void upload()} disabled={!file} loading={busy} data-testid="cfc-rule-set-upload">
            {t('cfcUploadRuleSetButton')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert" mt="sm">
            {error}
          </Alert>
        )}
        {message && (
          <Alert color="teal" role="status" mt="sm">
            {message}
          </Alert>
        )}
      </Paper>

      {set && (
        <Paper withBorder p="md" component="section" aria-labelledby="cfc-active" data-testid="cfc-active-rule-set">
          <Title order={3} size="h4" id="cfc-active">
            {t('cfcActiveRuleSet', { version: set.version })}
          </Title>
          <Text size="sm" mb="xs">
            {set.title[lang]} · {t('cfcColMaxPoints')}: {set.totalPoints}
          </Text>
          <Table>
            <TableHead labels={['#', t('cfcCriterionCol'), t('cfcIndicator'), t('cfcColMaxPoints')]} />
            <Table.Tbody>
              {set.content.criteria.map((c, i) => (
                <Table.Tr key={c.code}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{c.name[lang]}</Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {c.indicators.map((ind) => `${ind.code} (${String(ruleMaxPoints(ind.rule))})`).join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{c.points}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}

      {list.data && (
        <Paper withBorder p="md" component="section" aria-labelledby="cfc-versions">
          <Title order={3} size="h4" id="cfc-versions" mb="xs">
            {t('cfcRuleSetVersions')}
          </Title>
          <Table data-testid="cfc-rule-set-versions">
            <TableHead
              labels={[
                t('cfcColVersion'),
                t('cfcColCriteria'),
                t('cfcColMaxPoints'),
                t('cfcColAssessments'),
                t('cfcColCreated'),
                t('cfcColActive'),
              ]}
            />
            <Table.Tbody>
              {list.data.sets.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {s.version} — {s.title[lang]}
                  </Table.Td>
                  <Table.Td ta="right">{s.criteria}</Table.Td>
                  <Table.Td ta="right">{s.totalPoints}</Table.Td>
                  <Table.Td ta="right">{s.assessments}</Table.Td>
                  <Table.Td>{new Date(s.createdAt).toLocaleDateString(lang === 'en' ? 'en-GB' : 'vi-VN')}</Table.Td>
                  <Table.Td>
                    {s.active && (
                      <Badge variant="light" styles={{ root: { textTransform: 'none' } }}>
                        <span aria-hidden="true">✓ </span>
                        {t('cfcColActive')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
