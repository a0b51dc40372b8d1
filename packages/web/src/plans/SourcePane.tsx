import { Box, ScrollArea, Text } from '@mantine/core';
import type { ParseNote } from '@tre/core/plans/plan-format';
import { memo, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

interface Props {
  lines: string[];
  /** 1-based lines where a task, indicator or section starts */
  used: Set<number>;
  notes?: ParseNote[];
  focusLine?: number | null;
  height: string | number;
}

/**
 * The document's text, numbered, so the reader can check what was read against what was written:
 * lines that became part of the plan are tinted, lines Tre could not read are marked with why.
 */
export const SourcePane = memo(function SourcePane({ lines, used, notes = [], focusLine, height }: Props) {
  const { lang } = useI18n();
  const viewport = useRef<HTMLDivElement>(null);
  const notesByLine = new Map<number, ParseNote[]>();
  for (const n of notes) notesByLine.set(n.line, [...(notesByLine.get(n.line) ?? []), n]);

  useEffect(() => {
    // Scroll only the pane (scrollIntoView would also scroll the page and lose the editor's place).
    const el = focusLine ? viewport.current?.querySelector<HTMLElement>(`[data-line="${focusLine}"]`) : null;
    if (el && viewport.current) viewport.current.scrollTo({ top: el.offsetTop - 80, behavior: 'smooth' });
  }, [focusLine]);

  return (
    <ScrollArea h={height} viewportRef={viewport} data-testid="source-pane">
      <Box pos="relative" fz="sm">
        {lines.map((line, i) => {
          const n = i + 1;
          const lineNotes = notesByLine.get(n);
          const bg = lineNotes ? 'var(--mantine-color-yellow-1)' : used.has(n) ? 'var(--mantine-color-teal-0)' : undefined;
          return (
            <Box
              key={n}
              data-line={n}
              px={4}
              bg={bg}
              style={{
                display: 'flex',
                gap: 8,
                outline: n === focusLine ? '2px solid var(--mantine-color-teal-6)' : undefined,
              }}
            >
              <Text
                component="span"
                fz="xs"
                c="dimmed"
                w={32}
                ta="right"
                style={{ flexShrink: 0, userSelect: 'none', fontVariantNumeric: 'tabular-nums', lineHeight: 'inherit' }}
              >
                {n}
              </Text>
              <Box style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', minWidth: 0 }}>
                {line || ' '}
                {lineNotes?.map((note, k) => (
                  <Text key={k} fz="xs" c="orange.9" fs="italic">
                    ⚠ {note.message[lang]}
                  </Text>
                ))}
              </Box>
            </Box>
          );
        })}
      </Box>
    </ScrollArea>
  );
});
