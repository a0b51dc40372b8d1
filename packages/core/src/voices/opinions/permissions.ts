import { permissionTable } from '../../access/permission.ts';

/**
 * Children's opinions and forums (issue 17 §2; Luật Trẻ em 2016 Điều 74–80 on children's
 * participation). An event (consultation, forum, Children's Council meeting) belongs to a commune
 * or to the province; its counts are statistics, the names of the children who took part (kept only
 * with a recorded consent) are personal data read with `opinions.names` and logged. An opinion
 * raised there is sent to a body (an agency or a commune) whose users answer it (`assigned_body`:
 * the opinion is addressed to the actor's agency or commune).
 */
export const opinionsPermissions = permissionTable({
  /** POST /api/voices/events: record a consultation, forum or council meeting with its counts; raise and send its opinions, feed the answer back */
  'opinions.record': { admin: 'province', provincial_officer: 'province', commune_officer: 'own_commune' },
  /** GET /api/voices/events, GET /api/voices/events/:id: events with their counts and opinions (no child named) */
  'opinions.read': {
    admin: 'province',
    provincial_officer: 'province',
    commune_officer: 'own_commune',
    viewer: 'province',
  },
  /** GET /api/voices/events/:id/participants: the names of children who took part, with consent; logged */
  'opinions.names': { admin: 'province', provincial_officer: 'province', commune_officer: 'own_commune' },
  /** GET /api/voices/inbox, POST /api/voices/opinions/:id/answer: the addressed body's users answer */
  'opinions.answer': { agency_reporter: 'assigned_body', commune_officer: 'assigned_body' },
  /**
   * GET /api/voices/overdue: opinions past their time without an answer, by the body they wait on (no
   * child named): the province's, the standing body's users (agency reporters, as every agency's:
   * which body is late is no secret between bodies), a commune's own
   */
  'opinions.overdue': {
    admin: 'province',
    provincial_officer: 'province',
    viewer: 'province',
    agency_reporter: 'province',
    commune_officer: 'own_commune',
  },
  /** PUT /api/voices/settings: the days a body has to answer */
  'opinions.settings': { admin: 'province' },
  /** GET /api/voices/statistics: participation counts by commune and sex (no child named) */
  'opinions.statistics': {
    admin: 'province',
    provincial_officer: 'province',
    viewer: 'province',
    commune_officer: 'own_commune',
  },
  /** POST /api/voices/statistics/publish: the counts written as indicators 22–24's data values */
  'opinions.publish': { admin: 'province', provincial_officer: 'province' },
});
export type OpinionsAction = keyof typeof opinionsPermissions;
