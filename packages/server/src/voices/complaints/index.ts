/** Complaints and denunciations about children's rights (issue 17 §3): what other parts of the server use. */
export { overdueComplaints, nearDueComplaints } from './overdue.ts';
export { complaintsRoutes } from './routes.ts';
