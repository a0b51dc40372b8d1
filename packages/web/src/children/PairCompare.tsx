import { reasonWords } from './reasons.ts';
import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { DuplicatePairDto, DuplicateRecordDto } from '@tre/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { MessageKey } from '../i18n/messages.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { TableHead } from '../ui/TableHead.tsx';
import { GroupBadges, VerificationBadge } from './badges.tsx';
import { compareRecords, formatScore, stands, type Agreement, type ComparedField } from './compare.ts';
import { FIELD_LABELS, SEX_LABELS, formatDate, sourceText, yesNo } from './labels.ts';

/** Each agreement in words with a symbol, and the row's background where it needs the reviewer's eye. */
const AGREEMENT: Record<Agreement, { label: MessageKey; symbol: string; background?: string }> = {
  same: { label: 'chdAgreeSame', symbol: '=' },
  empty: { label: 'chdAgreeEmpty', symbol: '' },
  accents: { label: 'chdAgreeAccents', symbol: '≈', background: 'var(--mantine-color-yellow-light)' },
  different: { label: 'chdAgreeDifferent', symbol: '≠', background: 'var(--mantine-color-red-light)' },
  onlyA: { label: 'chdAgreeOnlyA', symbol: '◧', background: 'var(--mantine-color-blue-light)' },
  onlyB: { label: 'chdAgreeOnlyB', symbol: '◨', background: 'var(--mantine-color-blue-light)' },
};

export type PairAction = 'keepA' | 'keepB' | 'different' | 'undo';

/**
 * Two records of a duplicate pair side by side: their fields aligned, the differences marked (by a
 * symbol and a word, the colour only adds to them), the source file and row of each, and the
 * decisions the pair's state allows.
 */
export function PairCompare({
  pair,
  focus = false,
  onAction,
}: {
  pair: DuplicatePairDto;
  /** take the focus when shown (a pair chosen from the list, or the next one after a decision) */
  focus?: boolean;
  onAction: (action: PairAction) => void;
}) {
  const { t, lang } = useI18n();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) title.current?.focus();
  }, [focus]);
  const fieldLabel: Record<ComparedField, string> = {
    fullName: FIELD_LABELS.fullName[lang],
    birthDate: FIELD_LABELS.birthDate[lang],
    sex: FIELD_LABELS.sex[lang],
    personalId: t('chdCmpPersonalId'),
    commune: t('chdCmpCommune'),
    address: FIELD_LABELS.address[lang],
    motherName: FIELD_LABELS.motherName[lang],
    fatherName: FIELD_LABELS.fatherName[lang],
    groups: FIELD_LABELS.groups[lang],
    verification: t('chdCmpVerification'),
    active: t('chdCmpActive'),
  };
  const shown = (r: DuplicateRecordDto, field: ComparedField): ReactNode => {
    switch (field) {
      case 'fullName':
        return r.fullName;
      case 'birthDate':
        return formatDate(r.birthDate);
      case 'sex':
        return SEX_LABELS[r.sex][lang];
      case 'personalId':
        return (
          <Text span ff="monospace">
            {r.personalIdMasked ?? '—'}
          </Text>
        );
      case 'commune':
        return `${r.communeName} (${r.communeCode})`;
      case 'address':
        return r.address ?? '—';
      case 'motherName':
        return r.motherName ?? '—';
      case 'fatherName':
        return r.fatherName ?? '—';
      case 'groups':
        return <GroupBadges groups={r.groups} />;
      case 'verification':
        return <VerificationBadge status={r.verification} />;
      case 'active':
        return yesNo(r.active, lang);
    }
  };
  const rows = compareRecords(pair.a, pair.b);
  const titleId = `pair-${pair.id}-title`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid="pair-compare">
      <Stack gap="sm">
        <Title order={3} size="h4" id={titleId} tabIndex={-1} ref={title}>
          {t('chdCmpTitle', { id: pair.id, score: formatScore(pair.score) })}
        </Title>
        {pair.reasons.length > 0 && (
          <Text size="sm">
            <b>{t('chdDupReasons')}:</b> {pair.reasons.map((r) => reasonWords(r, lang)).join('; ')}
          </Text>
        )}
        <Table.ScrollContainer minWidth={760}>
          <Table withTableBorder withColumnBorders data-testid="pair-compare-table">
            <TableHead
              labels={[
                t('chdCmpField'),
                <Anchor key="a" component={Link} to={`/children/${pair.a.id}`} aria-label={t('chdCmpOpen', { id: pair.a.id })}>
                  {t('chdCmpLeft', { id: pair.a.id })}
                </Anchor>,
                <Anchor key="b" component={Link} to={`/children/${pair.b.id}`} aria-label={t('chdCmpOpen', { id: pair.b.id })}>
                  {t('chdCmpRight', { id: pair.b.id })}
                </Anchor>,
                t('chdCmpAgreement'),
              ]}
            />
            <Table.Tbody>
              {rows.map((row) => {
                const style = AGREEMENT[row.agreement];
                return (
                  <Table.Tr
                    key={row.field}
                    data-agreement={row.agreement}
                    style={stands(row.agreement) ? { background: style.background } : undefined}
                  >
                    <Table.Th scope="row">{fieldLabel[row.field]}</Table.Th>
                    <Table.Td>{shown(pair.a, row.field)}</Table.Td>
                    <Table.Td>{shown(pair.b, row.field)}</Table.Td>
                    <Table.Td fw={stands(row.agreement) ? 600 : undefined}>
                      {style.symbol && <span aria-hidden="true">{style.symbol} </span>}
                      {t(style.label)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              <Table.Tr>
                <Table.Th scope="row">{t('chdCmpSource')}</Table.Th>
                <Table.Td>{sourceText(pair.a.source, t)}</Table.Td>
                <Table.Td>{sourceText(pair.b.source, t)}</Table.Td>
                <Table.Td />
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {pair.status === 'pending' && (
          <>
            <Text size="xs" c="dimmed">
              {t('chdMergeFillHint')}
            </Text>
            <Group>
              <Button onClick={() => onAction('keepA')} data-testid="pair-keep-a">
                {t('chdMergeKeepLeft')}
              </Button>
              <Button onClick={() => onAction('keepB')} data-testid="pair-keep-b">
                {t('chdMergeKeepRight')}
              </Button>
              <Button variant="default" onClick={() => onAction('different')} data-testid="pair-different">
                {t('chdDifferent')}
              </Button>
            </Group>
          </>
        )}
        {pair.status === 'merged' && (
          <Group>
            <Button variant="default" onClick={() => onAction('undo')} data-testid="pair-undo">
              {t('chdUndo')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
