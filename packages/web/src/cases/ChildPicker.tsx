import { Button, Combobox, Group, Loader, Paper, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useRead } from '../api/useApi.ts';
import { SEX_LABELS, formatDate } from '../children/labels.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { casesReads, type IntakeChildDto } from './api.ts';

/** Fewer letters find half the register: the search waits for two. */
const MIN_QUERY = 2;

/** One line that tells two children of the same name apart: birth date, sex, commune, masked ID. */
function ChildFacts({ child }: { child: IntakeChildDto }) {
  const { t, lang } = useI18n();
  return (
    <Text size="sm" c="dimmed">
      {formatDate(child.birthDate)} · {SEX_LABELS[child.sex][lang]} · {child.communeName} ·{' '}
      <Text span ff="monospace" size="sm">
        {child.personalIdMasked ?? t('casNoPersonalId')}
      </Text>
    </Text>
  );
}

/**
 * The child of a report, found in the register as the caller speaks: a name typed with or without
 * diacritics (part of words is enough) or a whole 12-digit ID, searched ~200 ms after typing stops;
 * ↓/↑ move through the children found and Enter takes one (the first found when no arrow was
 * pressed), so the operator's hands stay on the keys. Enter never sends the intake from here.
 */
export function ChildPicker({
  commune,
  value,
  onPick,
  error,
}: {
  /** the commune searched (a commune role's own); null searches the reader's whole reach */
  commune: string | null;
  value: IntakeChildDto | null;
  onPick: (child: IntakeChildDto | null) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 200);
  const searching = debounced.length >= MIN_QUERY;
  const found = useRead(searching ? casesReads.intakeChildren(debounced, commune) : null);
  const items = searching ? (found.data?.items ?? []) : [];
  const input = useRef<HTMLInputElement>(null);
  const card = useRef<HTMLDivElement>(null);
  const focusSearch = useRef(false);
  const focusCard = useRef(false);
  // the answer to what is typed now (not one still on its way): Enter takes its first child unless an arrow chose another
  const settled = searching && debounced === q.trim() && !found.loading;

  const pick = (child: IntakeChildDto) => {
    focusCard.current = true;
    onPick(child);
    setQ('');
    combobox.closeDropdown();
  };

  // the search field gives way to the child picked, or back: the cursor follows, never lost to the page's top
  useEffect(() => {
    if (value === null && focusSearch.current) {
      focusSearch.current = false;
      input.current?.focus();
    }
    if (value !== null && focusCard.current) {
      focusCard.current = false;
      card.current?.focus();
    }
  }, [value]);

  if (value) {
    return (
      <Paper
        ref={card}
        withBorder
        p="sm"
        tabIndex={-1}
        aria-label={t('casChildPicked', { name: value.fullName })}
        data-testid="intake-child-picked"
        data-field="child"
      >
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Text fw={600}>{value.fullName}</Text>
            <ChildFacts child={value} />
          </Stack>
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              focusSearch.current = true;
              onPick(null);
            }}
            data-testid="intake-child-change"
          >
            {t('casChildChange')}
          </Button>
        </Group>
      </Paper>
    );
  }

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(id) => {
        const child = items.find((c) => String(c.id) === id);
        if (child) pick(child);
      }}
    >
      <Combobox.Target>
        <TextInput
          ref={input}
          label={t('casChildSearch')}
          description={t('casChildSearchHint')}
          required
          type="search"
          value={q}
          maxLength={100}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            // an arrow's choice was among the children found for the text before
            combobox.resetSelectedOption();
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            // Enter picks a child and never sends the half-filled intake: the one an arrow chose (the
            // combobox takes it), else the first found
            e.preventDefault();
            const first = items[0];
            if (combobox.getSelectedOptionIndex() === -1 && settled && first) pick(first);
          }}
          rightSection={searching && found.loading ? <Loader size="xs" /> : null}
          error={error}
          autoComplete="off"
          data-field="child"
          data-testid="intake-child-search"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!searching}>
        <Combobox.Options aria-label={t('casChildFound')}>
          {found.error ? (
            <Combobox.Empty>{found.error}</Combobox.Empty>
          ) : items.length === 0 ? (
            <Combobox.Empty>{found.loading || !found.data ? t('casChildSearching') : t('casChildNoneFound')}</Combobox.Empty>
          ) : (
            items.map((c) => (
              <Combobox.Option key={c.id} value={String(c.id)} data-testid="intake-child-option">
                <Text size="sm" fw={600}>
                  {c.fullName}
                </Text>
                <ChildFacts child={c} />
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
