import { reasonWords } from './reasons.ts';
import { Alert, Anchor, Button, Loader, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import type { DuplicatePairDto, DuplicateRecordDto } from '@tre/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useRead } from '../api/useApi.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ConfirmModal } from '../reporting/ConfirmModal.tsx';
import { TableHead } from '../ui/TableHead.tsx';
import { childrenApi, childrenReads, type DuplicateStatus } from './api.ts';
import { formatScore } from './compare.ts';
import { formatDate } from './labels.ts';
import { PairCompare, type PairAction } from './PairCompare.tsx';

const STATUSES: { value: DuplicateStatus; label: 'chdDupPending' | 'chdDupMerged' | 'chdDupDifferent' }[] = [
  { value: 'pending', label: 'chdDupPending' },
  { value: 'merged', label: 'chdDupMerged' },
  { value: 'different', label: 'chdDupDifferent' },
];
/** The server gives at most this many pairs a time (children/routes.ts). */
const SERVER_LIMIT = 200;

const asStatus = (v: string | null): DuplicateStatus => (v === 'merged' || v === 'different' ? v : 'pending');

/**
 * `/children/duplicates`: the pairs of records that may be one child, most alike first; one pair
 * compared side by side, merged keeping the left or the right record, or marked as two children;
 * a merge undone from the "merged" tab.
 */
export function DuplicatesPage() {
  const { t, lang } = useI18n();
  const [search, setSearch] = useSearchParams();
  const status = asStatus(search.get('status'));
  const pairs = useRead(childrenReads.duplicates(status));
  /** pairs decided here, kept off the list until it is read again */
  const [gone, setGone] = useState<ReadonlySet<number>>(new Set());
  const items = (pairs.data?.items ?? []).filter((p) => !gone.has(p.id));
  const wanted = Number(search.get('pair'));
  const selected = items.find((p) => p.id === wanted) ?? items[0] ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** after a decision the next pair's comparison takes the focus (the buttons pressed are gone) */
  const [focusNext, setFocusNext] = useState(false);
  const [confirming, setConfirming] = useState<{ pair: DuplicatePairDto; action: PairAction } | null>(null);

  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSearch(next, { replace: true });
  };

  /** After a decision: the list again, the next pair shown, the outcome said. */
  const decided = (pair: DuplicatePairDto, text: string) => {
    setNotice(text);
    setError(null);
    setGone((g) => new Set([...g, pair.id]));
    setFocusNext(true);
    go({ pair: null });
    pairs.reload();
  };

  // every decision is confirmed first: "different" is never proposed again, a merge hides a record
  const act = (pair: DuplicatePairDto, action: PairAction) => {
    setConfirming({ pair, action });
  };

  const confirm = async () => {
    if (!confirming) return;
    const { pair, action } = confirming;
    if (action === 'different') {
      try {
        await childrenApi.markDifferent(pair.id);
        setConfirming(null);
        decided(pair, t('chdDifferentDone', { id: pair.id }));
      } catch (err) {
        setConfirming(null);
        setError(errorMessage(err));
      }
      return;
    }
    if (action === 'undo') {
      await childrenApi.undoMerge(pair.id);
      setConfirming(null);
      decided(pair, t('chdUndoDone', { id: pair.id }));
      return;
    }
    const r = await childrenApi.merge(pair.id, action === 'keepA' ? 'a' : 'b');
    setConfirming(null);
    decided(pair, t('chdMergedDone', { kept: r.kept, merged: r.merged }));
  };

  const person = (r: DuplicateRecordDto) => (
    <>
      <Text size="sm">{r.fullName}</Text>
      <Text size="xs" c="dimmed">
        {formatDate(r.birthDate)} · {r.communeName}
      </Text>
    </>
  );

  return (
    <Stack maw={1200}>
      <Anchor component={Link} to="/children" size="sm">
        ← {t('chdBack')}
      </Anchor>
      <Title order={2}>{t('chdDupTitle')}</Title>
      <Text size="sm" c="dimmed" maw={820}>
        {t('chdDupHint')}
      </Text>
      <Tabs
        value={status}
        onChange={(v) => {
          setNotice(null);
          setError(null);
          setGone(new Set());
          setFocusNext(false);
          go({ status: v === 'pending' ? null : v, pair: null });
        }}
        keepMounted={false}
      >
        <Tabs.List>
          {STATUSES.map((s) => (
            <Tabs.Tab key={s.value} value={s.value} data-testid={`dup-tab-${s.value}`}>
              {t(s.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <div aria-live="polite">
        {notice && (
          <Alert color="teal" withCloseButton onClose={() => setNotice(null)} data-testid="dup-notice">
            {notice}
          </Alert>
        )}
      </div>
      {(error ?? pairs.error) && (
        <Alert color="red" role="alert">
          {error ?? pairs.error}
        </Alert>
      )}
      {pairs.loading && !pairs.data && <Loader />}
      {pairs.data && items.length === 0 && <Text c="dimmed">{t('chdDupEmpty')}</Text>}
      {selected && <PairCompare key={selected.id} pair={selected} focus={focusNext} onAction={(a) => act(selected, a)} />}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover data-testid="dup-table">
            <TableHead labels={[t('chdDupScore'), t('chdDupLeft'), t('chdDupRight'), t('chdDupReasons'), '']} />
            <Table.Tbody>
              {items.map((p) => {
                const current = p.id === selected?.id;
                return (
                  <Table.Tr
                    key={p.id}
                    aria-current={current ? 'true' : undefined}
                    fw={current ? 600 : undefined}
                    data-testid="dup-row"
                  >
                    <Table.Td>{formatScore(p.score)}</Table.Td>
                    <Table.Td>{person(p.a)}</Table.Td>
                    <Table.Td>{person(p.b)}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{p.reasons.map((r) => reasonWords(r, lang)).join('; ')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant={current ? 'filled' : 'default'}
                        aria-label={t('chdDupCompareLabel', { a: p.a.fullName, b: p.b.fullName })}
                        onClick={() => {
                          go({ pair: String(p.id) });
                          setFocusNext(true);
                        }}
                      >
                        {t('chdDupCompare')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {items.length >= SERVER_LIMIT && (
        <Text size="sm" c="dimmed">
          {t('chdDupShownFirst', { n: items.length })}
        </Text>
      )}
      {confirming && (
        <ConfirmModal
          title={t(
            confirming.action === 'undo'
              ? 'chdUndoConfirmTitle'
              : confirming.action === 'different'
                ? 'chdDifferentConfirmTitle'
                : 'chdMergeConfirmTitle',
          )}
          text={
            confirming.action === 'undo'
              ? t('chdUndoConfirmText', { a: confirming.pair.a.id, b: confirming.pair.b.id })
              : confirming.action === 'different'
                ? t('chdDifferentConfirmText', { a: confirming.pair.a.id, b: confirming.pair.b.id })
                : mergeText(confirming.pair, confirming.action, t)
          }
          confirm={t(
            confirming.action === 'undo' ? 'chdUndo' : confirming.action === 'different' ? 'chdDifferent' : 'chdMergeConfirm',
          )}
          onCancel={() => setConfirming(null)}
          onConfirm={confirm}
        />
      )}
    </Stack>
  );
}

function mergeText(
  pair: DuplicatePairDto,
  action: 'keepA' | 'keepB',
  t: (key: 'chdMergeConfirmText', params: Record<string, string | number>) => string,
): string {
  const [kept, merged] = action === 'keepA' ? [pair.a, pair.b] : [pair.b, pair.a];
  return t('chdMergeConfirmText', { kept: kept.id, merged: merged.id, name: kept.fullName });
}
