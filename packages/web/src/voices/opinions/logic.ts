import {
  PARTICIPANT_AGE_GROUPS,
  MAX_PARTICIPANTS,
  emptyParticipantCounts,
  type CountsGrid,
  type OpinionDto,
  type OpinionState,
  type ParticipantDto,
} from '@tre/core';

/** Pure helpers of the opinions' screens. */

/** The counts grid as typed in the form (text cells) → numbers, or the first cell that is not a whole number. */
export function readCountsGrid(cells: Record<string, string>): { counts: CountsGrid } | { bad: string } {
  const counts = emptyParticipantCounts();
  for (const age of PARTICIPANT_AGE_GROUPS) {
    for (const sex of ['male', 'female'] as const) {
      const key = `${age}.${sex}`;
      const text = (cells[key] ?? '').trim();
      if (text === '') continue;
      if (!/^\d{1,6}$/.test(text) || Number(text) > MAX_PARTICIPANTS) return { bad: key };
      counts[age][sex] = Number(text);
    }
  }
  return { counts };
}

/** The next step the screen offers on an opinion, if any. */
export function nextStep(state: OpinionState): 'send' | 'answer' | 'feedBack' | null {
  if (state === 'raised') return 'send';
  if (state === 'sent') return 'answer';
  if (state === 'answered') return 'feedBack';
  return null;
}

/** Most overdue first, then the oldest sent. */
export function byUrgency(a: OpinionDto, b: OpinionDto): number {
  return b.daysOverdue - a.daysOverdue || (a.sentOn ?? '').localeCompare(b.sentOn ?? '') || a.id - b.id;
}

/** "Trần Thị Bình; nữ; 11_15" a line → participants, or the first line (1-based) that is not of that form. */
export function parseNames(text: string): { names: ParticipantDto[] } | { badLine: number } {
  const names: ParticipantDto[] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const [name, sexText, age] = line.split(';').map((s) => s.trim());
    const sex = /^(nam|male|m)$/i.test(sexText ?? '') ? 'male' : /^(nữ|nu|female|f)$/i.test(sexText ?? '') ? 'female' : null;
    const ageGroup = PARTICIPANT_AGE_GROUPS.find((a) => a === age);
    if (!name || !sex || !ageGroup) return { badLine: i + 1 };
    names.push({ fullName: name, sex, ageGroup });
  }
  return { names };
}
