import type { Actor, Role } from './roles.ts';

/**
 * Who may do what, as data. Each module keeps one table (`core/<module>/permissions.ts`): every
 * action it offers → the roles that may take it, each with the scope it reaches. The server's routes
 * and services ask the table, the web asks the same table to show or hide an action, and the scope
 * tests are generated from it (every action × every role × own and other scope), so an action added
 * without a rule or a test fails the suite.
 *
 * A scope says which records of the action's kind the role reaches:
 * - `province`: every one of the province;
 * - `own_commune` / `own_agency`: those of the actor's commune / agency;
 * - `assigned_body`: a plan task one of whose bodies is the actor's agency or commune (directly or
 *   as a group it belongs to).
 *
 * A child-protection case (cases module) is confidential whatever the reader's rank: its scopes are
 * read from the actor's relation to the case, which the service works out (ScopeTarget.caseRelation):
 * - `case_team`: the case's assigned worker, its supervisor, the worker who took the report, or a
 *   user the administrator granted access for a stated reason until a date;
 * - `assigned`: the assigned worker only; `supervised`: the supervisor only;
 * - `reporter_circle`: the worker who took the report and the supervisor (the reporter's identity);
 * - `referred`: a user of a body a service of the case was referred to (that part of the case only).
 * A complaint or denunciation (voices/complaints) is read through the same relation, which the
 * complaints service works out (assigned = its handler, supervisor = its supervisor), and adds:
 * - `handling`: the assigned handler and the supervisor only (who complained or denounced).
 */
export type Scope =
  | 'province'
  | 'own_commune'
  | 'own_agency'
  | 'assigned_body'
  | 'case_team'
  | 'assigned'
  | 'supervised'
  | 'reporter_circle'
  | 'referred'
  | 'handling';

/**
 * The actor's relation to a case, as the cases service reads it from the case and its grants (and to
 * a complaint, as the complaints service reads it: handler, supervisor, receiver).
 */
export interface CaseRelation {
  assigned: boolean;
  supervisor: boolean;
  /** took the report at intake */
  intake: boolean;
  /** belongs to a body a service of the case was referred to */
  referred: boolean;
  /** holds an administrator's grant on the case, not expired */
  granted: boolean;
}

/** One action's rule: the roles that may take it and the scope each reaches. A role not named may not. */
export type Grants = Readonly<Partial<Record<Role, Scope>>>;

/** A module's table. */
export type PermissionTable<A extends string = string> = Readonly<Record<A, Grants>>;

/** Declares a module's table, keeping its action names as a type. */
export const permissionTable = <A extends string>(table: Record<A, Grants>): PermissionTable<A> => table;

/** What the scope rules read of the record an action is taken on. */
export interface ScopeTarget {
  communeCode?: string | null | undefined;
  agencyId?: string | null | undefined;
  /** for `assigned_body`: whether one of the record's bodies is the actor's (the module decides, it knows its bodies) */
  actorsBody?: boolean | undefined;
  /** for the case scopes: the actor's relation to the case (or to a complaint, voices/complaints) */
  caseRelation?: CaseRelation | undefined;
}

/** The roles that may take the action at all, in any scope. */
export function rolesAllowed<A extends string>(table: PermissionTable<A>, action: A): Role[] {
  return Object.keys(table[action]) as Role[];
}

/** The scope the actor's role reaches for the action, or undefined if it may not take it. */
export function scopeOf<A extends string>(table: PermissionTable<A>, action: A, actor: Pick<Actor, 'role'>): Scope | undefined {
  return table[action][actor.role];
}

/** Whether the action is the actor's to take somewhere (the web shows it; the server checks the record too). */
export function mayTake<A extends string>(table: PermissionTable<A>, action: A, actor: Pick<Actor, 'role'> | null): boolean {
  return actor !== null && scopeOf(table, action, actor) !== undefined;
}

/** Whether the actor may take the action on this record. */
export function mayTakeOn<A extends string>(
  table: PermissionTable<A>,
  action: A,
  actor: Pick<Actor, 'role' | 'communeCode' | 'agencyId'>,
  target: ScopeTarget,
): boolean {
  switch (scopeOf(table, action, actor)) {
    case 'province':
      return true;
    case 'own_commune':
      return !!actor.communeCode && target.communeCode === actor.communeCode;
    case 'own_agency':
      return !!actor.agencyId && target.agencyId === actor.agencyId;
    case 'assigned_body':
      return target.actorsBody === true;
    case 'case_team': {
      const r = target.caseRelation;
      return !!r && (r.assigned || r.supervisor || r.intake || r.granted);
    }
    case 'assigned':
      return target.caseRelation?.assigned === true;
    case 'supervised':
      return target.caseRelation?.supervisor === true;
    case 'reporter_circle': {
      const r = target.caseRelation;
      return !!r && (r.intake || r.supervisor);
    }
    case 'referred':
      return target.caseRelation?.referred === true;
    case 'handling': {
      const r = target.caseRelation;
      return !!r && (r.assigned || r.supervisor);
    }
    case undefined:
      return false;
  }
}
