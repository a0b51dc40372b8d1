import type { AbuseForm, ReportChannel, Urgency } from '@tre/core';
import type { IntakeChildDto, NewCaseRequest } from './api.ts';
import type { FieldProblem } from './form.ts';
import { dayTimeToIso, vietnamDayTimeInput, vietnamToday } from './time.ts';

/**
 * The intake form (Mẫu 01) as the screen holds it, and the body of POST /api/cases built from it.
 * Its fields are named by their path in the body (`child.new.fullName`), the way the server names a
 * refused field, so a refusal lands on the input it is about.
 */

export type ChildMode = 'register' | 'new';

export interface NewChildValues {
  fullName: string;
  birthDate: string;
  sex: '' | 'Nam' | 'Nữ';
  address: string;
  motherName: string;
  fatherName: string;
  carerName: string;
  phone: string;
}

export interface IntakeValues {
  /** dd/mm/yyyy hh:mm, Vietnam time */
  receivedAt: string;
  channel: ReportChannel;
  communeCode: string;
  anonymous: boolean;
  reporterName: string;
  reporterPhone: string;
  reporterRelation: string;
  childMode: ChildMode;
  child: IntakeChildDto | null;
  newChild: NewChildValues;
  abuseForms: AbuseForm[];
  facts: string;
  location: string;
  /** asked, never defaulted: a call marked "normal" by default could hide an emergency */
  urgency: Urgency | '';
  supervisorId: string | null;
  workerId: string | null;
}

export const INTAKE_FIELDS = [
  'receivedAt',
  'channel',
  'communeCode',
  'reporter.name',
  'reporter.phone',
  'reporter.relation',
  'child',
  'child.new.fullName',
  'child.new.birthDate',
  'child.new.sex',
  'child.new.address',
  'child.new.motherName',
  'child.new.fatherName',
  'child.new.carerName',
  'child.new.phone',
  'abuseForms',
  'facts',
  'location',
  'urgency',
  'supervisorId',
  'workerId',
] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];

/** `future`: a moment after now; `nameOrPhone`: a reporter who is not anonymous leaves a way to reach them. */
export type IntakeProblem = FieldProblem | 'future' | 'nameOrPhone';
export type IntakeProblems = Partial<Record<IntakeField, IntakeProblem>>;

export const EMPTY_NEW_CHILD: NewChildValues = {
  fullName: '',
  birthDate: '',
  sex: '',
  address: '',
  motherName: '',
  fatherName: '',
  carerName: '',
  phone: '',
};

/** A blank intake: received now (Vietnam time), on hotline 111, for the taker's commune when it has one. */
export function emptyIntake(now: Date, commune: string | null): IntakeValues {
  return {
    receivedAt: vietnamDayTimeInput(now),
    channel: 'hotline_111',
    communeCode: commune ?? '',
    anonymous: false,
    reporterName: '',
    reporterPhone: '',
    reporterRelation: '',
    childMode: 'register',
    child: null,
    newChild: EMPTY_NEW_CHILD,
    abuseForms: [],
    facts: '',
    location: '',
    urgency: '',
    supervisorId: null,
    workerId: null,
  };
}

/** A few minutes' grace: a clock a minute ahead of the server's is not a report from the future. */
const FUTURE_GRACE_MS = 5 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** The child of the body: one of the register, or a new one in the case's commune. */
function childOf(v: IntakeValues): NewCaseRequest['child'] | null {
  if (v.childMode === 'register') return v.child ? { id: v.child.id } : null;
  const nc = v.newChild;
  if (nc.sex === '') return null;
  return {
    new: {
      fullName: nc.fullName.trim(),
      birthDate: nc.birthDate,
      sex: nc.sex,
      communeCode: v.communeCode,
      address: orNull(nc.address),
      motherName: orNull(nc.motherName),
      fatherName: orNull(nc.fatherName),
      carerName: orNull(nc.carerName),
      phone: orNull(nc.phone),
    },
  };
}

export type IntakeResult = { ok: true; body: NewCaseRequest } | { ok: false; problems: IntakeProblems };

/** The intake checked (what can be told without the server) and, when nothing stops it, the body to send. */
export function intakeRequest(v: IntakeValues, now: Date): IntakeResult {
  const problems: IntakeProblems = {};
  const receivedAt = dayTimeToIso(v.receivedAt);
  if (v.receivedAt.trim() === '') problems.receivedAt = 'required';
  else if (receivedAt === null) problems.receivedAt = 'invalid';
  else if (Date.parse(receivedAt) > now.getTime() + FUTURE_GRACE_MS) problems.receivedAt = 'future';
  if (v.communeCode.trim() === '') problems.communeCode = 'required';
  if (!v.anonymous && orNull(v.reporterName) === null && orNull(v.reporterPhone) === null)
    problems['reporter.name'] = 'nameOrPhone';

  const nc = v.newChild;
  if (v.childMode === 'register' && v.child === null) problems.child = 'required';
  if (v.childMode === 'new') {
    if (nc.fullName.trim() === '') problems['child.new.fullName'] = 'required';
    if (nc.birthDate.trim() === '') problems['child.new.birthDate'] = 'required';
    else if (!ISO_DATE.test(nc.birthDate)) problems['child.new.birthDate'] = 'invalid';
    else if (nc.birthDate > vietnamToday(now)) problems['child.new.birthDate'] = 'future';
    if (nc.sex === '') problems['child.new.sex'] = 'required';
  }
  if (v.abuseForms.length === 0) problems.abuseForms = 'required';
  if (v.facts.trim() === '') problems.facts = 'required';
  if (v.urgency === '') problems.urgency = 'required';
  if (!v.supervisorId) problems.supervisorId = 'required';

  // the checks above already rule these out; spelt out again for the compiler
  const child = childOf(v);
  if (Object.keys(problems).length > 0 || receivedAt === null || v.urgency === '' || !v.supervisorId || !child) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    body: {
      receivedAt,
      channel: v.channel,
      communeCode: v.communeCode,
      // an anonymous reporter's identity is not sent at all, even if typed before the box was ticked
      reporter: v.anonymous
        ? { anonymous: true, name: null, phone: null, relation: null }
        : {
            anonymous: false,
            name: orNull(v.reporterName),
            phone: orNull(v.reporterPhone),
            relation: orNull(v.reporterRelation),
          },
      child,
      abuseForms: v.abuseForms,
      facts: v.facts.trim(),
      location: orNull(v.location),
      urgency: v.urgency,
      workerId: v.workerId,
      supervisorId: v.supervisorId,
    },
  };
}
