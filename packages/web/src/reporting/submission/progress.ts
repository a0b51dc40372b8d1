import { PROGRESS_STATUSES } from '../../plans/labels.ts';
import type { MessageKey } from '../../i18n/messages.ts';

/** A task's progress as the change list writes it ("in_progress — note"), the status in words. */
export function progressLabel(value: string, t: (key: MessageKey) => string): string {
  const [status, ...rest] = value.split(' — ');
  const word = PROGRESS_STATUSES.find((x) => x === status);
  return [word ? t(`progress_${word}`) : status, ...rest].join(' — ');
}
