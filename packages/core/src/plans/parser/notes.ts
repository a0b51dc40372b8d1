import type { ParseNote, ParseNoteKind } from '../plan-format.ts';

export function note(line: number, kind: ParseNoteKind, vi: string, en: string): ParseNote {
  return { line: Math.max(1, line), kind, message: { vi, en } };
}
