import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SessionActor } from '../../audit/session-actor.ts';
import { insertNotifications } from '../../notifications/repository.ts';
import { provincialOfficers, usersOfBodies } from '../reminders/repository.ts';
import type { RoundRow } from '../rounds/repository.ts';

/**
 * In-app notices of a submission's steps, written in the step's transaction: the standing body hears
 * that a report was sent, the body that its report was returned (with how many comments), accepted
 * or reopened. Each opens the page it is about. The one who took the step is not told of it.
 */
export type Notice = 'submitted' | 'returned' | 'accepted' | 'reopened';

const TITLES: Record<Notice, (body: string, round: string, n: number) => { vi: string; en: string }> = {
  submitted: (body, round) => ({ vi: `${body} đã gửi báo cáo: ${round}`, en: `${body} sent its report: ${round}` }),
  returned: (body, round, n) => ({
    vi: `Báo cáo bị trả lại (${n} ý kiến): ${round}`,
    en: `Your report was returned (${n} comment${n === 1 ? '' : 's'}): ${round}`,
  }),
  accepted: (body, round) => ({ vi: `Báo cáo đã được chấp nhận: ${round}`, en: `Your report was accepted: ${round}` }),
  reopened: (body, round) => ({
    vi: `Báo cáo được mở lại để sửa: ${round}`,
    en: `Your report was reopened for correction: ${round}`,
  }),
};

export async function notify(
  trx: Transaction<Database>,
  actor: SessionActor,
  round: RoundRow,
  body: { kind: 'agency' | 'commune'; code: string; name: string },
  notice: Notice,
  comments = 0,
): Promise<void> {
  const toStandingBody = notice === 'submitted';
  const users = toStandingBody
    ? await provincialOfficers(trx, actor.provinceCode)
    : await usersOfBodies(
        trx,
        actor.provinceCode,
        body.kind === 'agency' ? [body.code] : [],
        body.kind === 'commune' ? [body.code] : [],
      );
  const title = TITLES[notice](body.name, round.title, comments);
  const link = `/reporting/rounds/${round.id}/submissions/${body.code}`;
  await insertNotifications(
    trx,
    users
      .filter((u) => u.id !== actor.id)
      .map((u) => ({ user_id: u.id, kind: `submission_${notice}`, title_vi: title.vi, title_en: title.en, link })),
  );
}
