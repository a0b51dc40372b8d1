import type { IndicatorAssignment, ParseNote, PlanIndicator, PlanSection, PlanTask } from '../plan-format.ts';
import type { Attribute } from './attributes.ts';
import { inlineAssignment, parseAssignment, splitBodies, supportIn } from './bodies.ts';
import { agencyName, bracketAssignment, openingAssignment } from './leads.ts';
import { clip, fold, squash } from '../../text/fold.ts';
import { readTargets } from './indicators.ts';
import { note } from './notes.ts';
import { BULLET_STYLES, type Node } from './outline.ts';
import { bulletSegment, joinPath } from './paths.ts';
import { parseTimeline } from './timeline.ts';

/**
 * Which outline items are tasks. Rule:
 * - Sections are classified by their heading: MỤC ĐÍCH/YÊU CẦU, MỤC TIÊU/CHỈ TIÊU, KINH PHÍ,
 *   CHẾ ĐỘ BÁO CÁO bear no tasks; NHIỆM VỤ, GIẢI PHÁP, NỘI DUNG, HOẠT ĐỘNG, TỔ CHỨC THỰC HIỆN,
 *   PHÂN CÔNG bear tasks. A Roman heading is classified by any of these words, a lower heading only
 *   when it starts with one ("5. Bảo đảm nguồn lực … chỉ tiêu" stays a task heading).
 * - Outside any classified section (a letter's numbered list, a plan without such headings) items
 *   are tasks unless the document is a plan that has classified sections elsewhere.
 * - In a task-bearing part, an item with sub-items is a heading and its leaves are the tasks
 *   (Long An II.1 is a heading, its bullets tasks; II.6 has none and is itself a task). Roman items
 *   are always headings.
 * - A heading that names a body ("1. Sở Lao động - Thương binh và Xã hội", "4. Đề nghị Ủy ban Mặt
 *   trận …") is the lead of every task under it; "2. Các Phòng, ban, ngành …: Căn cứ …" is a task
 *   led by the part before the colon.
 * - Any item followed by attribute lines (chủ trì, phối hợp, thời gian) is a task wherever it is.
 * - "* Thực hiện: …" after bullets applies to every bullet since the previous such line or
 *   heading (Kon Rẫy); labelled attributes ("Đơn vị chủ trì: …") apply to their own item only.
 * - Lead and support otherwise come from the task's own text when it is clear (bodies.ts).
 */

type Kind = 'purpose' | 'goals' | 'tasks' | 'org' | 'funding' | 'reporting';

const KIND_WORDS: [string, Kind][] = [
  ['muc dich|yeu cau|doi tuong|pham vi', 'purpose'],
  ['muc tieu|chi tieu', 'goals'],
  ['nhiem vu|giai phap|noi dung|hoat dong|cac buoc', 'tasks'],
  ['to chuc thuc hien|phan cong|trach nhiem', 'org'],
  ['kinh phi', 'funding'],
  ['che do (?:thong tin,? )?bao cao|bao cao', 'reporting'],
];
const AT_START = KIND_WORDS.map(([w, k]) => [new RegExp(`^(?:(?:cac|ve)\\s+)?(?:${w})`), k] as const);
const ANYWHERE = KIND_WORDS.map(
  ([w, k]) => [new RegExp(k === 'purpose' || k === 'goals' ? `^(?:${w})` : `(?:${w})`), k] as const,
);

function sectionKind(title: string, roman: boolean): Kind | null {
  const f = fold(title).replace(/^[\s*_]+/, '');
  const kind = (roman ? ANYWHERE : AT_START).find(([re]) => re.test(f))?.[1] ?? null;
  // "3. Chế độ báo cáo" is about reports; "1. Báo cáo kết quả … 6 tháng đầu năm" in a letter is a request.
  if (kind === 'reporting' && !roman && !/^che do|^thong tin/.test(f) && f.split(/\s+/).length > 4) return null;
  return kind;
}

const NO_TASKS = new Set<Kind>(['purpose', 'goals', 'funding', 'reporting']);

/** Central bodies a province may ask but not task: "Đề nghị Bộ Y tế quan tâm hỗ trợ …". */
const CENTRAL = /^(?:de nghi|kien nghi)\s+(?:bo\s|chinh phu|thu tuong|quoc hoi|trung uong|uy ban cac van de xa hoi|cac bo)/;

/**
 * Why an item of a task-bearing part is not a task, or null: a funding or reporting paragraph
 * ("1. Kinh phí thực hiện: …", "3. Chế độ báo cáo: …"; its dates are read as deadlines), or a
 * request to a central body. The reviewer sees the reason as a note on the line.
 */
/** "… chỉ rõ một số hạn chế:" — a list of findings, not of work. */
const FINDINGS =
  /(?:han che|ton tai|khuyet diem|yeu kem|kho khan|vuong mac|ket qua dat duoc|nguyen nhan)(?:,?\s+\S+){0,3}\s*:\s*$/;
/** "Để khắc phục hạn chế, … chỉ đạo như sau:" introduces orders, whatever it mentions. */
const ORDERS = /khac phuc|chi dao|de nghi|yeu cau|giao|nhiem vu/;

function notATask(text: string, intro?: string | null): { vi: string; en: string } | null {
  const said = intro ? fold(intro.slice(-200)) : '';
  if (FINDINGS.test(said) && !ORDERS.test(said))
    return {
      vi: 'Mục trong danh sách hạn chế, khó khăn hoặc kết quả: không phải nhiệm vụ.',
      en: 'An item of a list of shortcomings, difficulties or results: not a task.',
    };
  const f = fold(text.slice(0, 200));
  const label = /^([^:]{3,60}):/.exec(f)?.[1] ?? (f.split(/\s+/).length <= 8 ? f : '');
  const kind = label ? sectionKind(label, false) : null;
  if (kind === 'funding') return { vi: 'Đoạn về kinh phí: không lập nhiệm vụ.', en: 'A paragraph on funding: not made a task.' };
  if (kind === 'reporting')
    return {
      vi: 'Đoạn về chế độ báo cáo: các hạn báo cáo được đọc vào phần Báo cáo, không lập nhiệm vụ.',
      en: 'A paragraph on the reporting regime: its dates are read as report deadlines, not made a task.',
    };
  if (CENTRAL.test(f))
    return {
      vi: 'Kiến nghị gửi cơ quan trung ương: không phải nhiệm vụ của tỉnh, không theo dõi.',
      en: 'A request to a central body: not a task of the province, not tracked.',
    };
  return null;
}
const FORM_FIELD = /\.{5,}|…{2,}|_{5,}/;

export interface Ctx {
  kind: Kind | null;
  sectionRef: string | null;
  /** the path of the item being walked: the section's ref, or a bullet heading's path under it */
  pathRef: string | null;
  romanRef: string | null;
  level: number;
  goal: number | null;
  horizon: number | null;
  lead: string[] | null;
}

export interface WalkResult {
  tasks: PlanTask[];
  sections: PlanSection[];
  indicators: PlanIndicator[];
  assignments: IndicatorAssignment[];
  notes: ParseNote[];
}

export interface WalkOptions {
  documentType: 'plan' | 'letter' | 'other';
  planEnd: number | null;
  planYear: number | null;
  /** Ref of the appendix being walked ("PL", "PL1"): its items are tasks, its sections refs under it. */
  appendix?: string;
}

/** One walk over an outline: what it has found so far and what it was asked. */
interface Walk {
  out: WalkResult;
  opts: WalkOptions;
  /** the appendix's ref, under which every section goes, or null in the body of the document */
  base: string | null;
  /** whether items in a section of this kind are tasks (see the rule above) */
  bearsTasks: (kind: Kind | null) => boolean;
}

export function walkOutline(root: Node, opts: WalkOptions): WalkResult {
  const hasKinds = anyKind(root);
  const base = opts.appendix ?? null;
  const w: Walk = {
    out: { tasks: [], sections: [], indicators: [], assignments: [], notes: [] },
    opts,
    base,
    bearsTasks: (k) =>
      base !== null ? k !== 'goals' : k === null ? opts.documentType !== 'plan' || !hasKinds : k === 'tasks' || k === 'org',
  };
  visit(w, root, {
    kind: null,
    sectionRef: base,
    pathRef: base,
    romanRef: base,
    level: base ? 1 : 0,
    goal: null,
    horizon: null,
    lead: null,
  });
  return w.out;
}

function visit(w: Walk, node: Node, ctx: Ctx): void {
  // Tasks since the last "Thực hiện" line among these siblings: the next such line applies to them.
  let group: PlanTask[] = [];
  for (const c of node.children) {
    const f = fold(c.text.slice(0, 40));
    const ind = /^chi tieu\s*(?:so\s*)?(\d{1,3})\s*[:.)–-]?\s*/.exec(f);
    if (ind) {
      addIndicator(w, c, Number(ind[1]), ind[0].length, ctx);
      continue;
    }
    const bullet = ['dash', 'plus', 'star', 'dot', 'indicator'].includes(c.style);
    const inTasks = w.bearsTasks(ctx.kind);
    const hasItems = c.children.length > 0;
    const hasAttrs = c.attrs.some((a) => a.kind !== 'other');
    // "7. Chế độ báo cáo" with a paragraph under it, inside TỔ CHỨC THỰC HIỆN: a heading, not a task.
    const bare = !bullet && !hasAttrs && c.text.split(/\s+/).length <= 6 && NO_TASKS.has(sectionKind(c.text, false) ?? 'tasks');
    if (!bullet && (hasItems || bare || c.style === 'roman' || c.style === 'LETTER' || (!inTasks && !hasAttrs))) {
      const child = openSection(w, c, ctx);
      visit(w, c, child);
      group = [];
      continue;
    }
    if (bullet && hasItems) {
      const lead = inTasks ? agencyName(c.text) : null;
      if (lead) {
        visit(w, c, { ...ctx, pathRef: pathOf(c, ctx), lead: splitBodies(lead) });
        group = [];
        continue;
      }
    }
    if (ctx.kind === 'goals' && !hasItems && /\d\s*(?:%|‰)/.test(c.text)) {
      // "- 90% trẻ em … được trang bị kỹ năng …" under Chỉ tiêu without a number: not lost silently
      w.out.notes.push(
        note(
          c.line,
          'unparsed-target',
          'Mục tiêu có số liệu nhưng không gắn với chỉ tiêu số nào: thêm vào phần Chỉ tiêu nếu cần theo dõi.',
          'A target with a figure but no indicator number: add it under Indicators if it is to be followed.',
        ),
      );
      continue;
    }
    if (!inTasks && !hasAttrs) continue;
    // "Số trẻ em bị xâm hại: ........ em": a field of a report form to fill in, not a task.
    if (!hasAttrs && FORM_FIELD.test(c.text)) continue;
    const skipped = hasAttrs ? null : notATask(c.text, c.intro);
    if (skipped) {
      w.out.notes.push(note(c.line, 'skipped-line', skipped.vi, skipped.en));
      continue;
    }
    const task = makeTask(w, c, ctx);
    const assign = c.attrs.filter((a) => a.kind === 'assign' || a.kind === 'support');
    if (assign.length && bullet) {
      // "Trách nhiệm: …" and "Thời gian: …" after a list of bullets are the whole list's
      const when = c.attrs.filter((a) => a.kind === 'timeline');
      for (const t of group) {
        if (!t.lead.length && !t.support.length) applyAttrs(w, t, assign);
        if (t.timeline.kind === 'unspecified' && !t.timeline.text) applyAttrs(w, t, when);
      }
      group = [];
    } else if (!assign.length) group.push(task);
  }
}

function openSection(w: Walk, c: Node, ctx: Ctx): Ctx {
  let ref: string;
  let level: number;
  if (c.style === 'roman' || c.style === 'LETTER') {
    ref = w.base ? `${w.base}.${c.ref}` : c.ref;
    level = w.base ? 2 : 1;
  } else {
    // "2.1." under "II.2" is "II.2.1"; a "1." restarted under "2." (a table's rows) is "II.2.1" too
    ref = pathOf(c, ctx);
    level = c.style.startsWith('num') ? ref.split('.').length : ctx.level + 1;
  }
  const colon = /^([^:]{2,80}):\s*\S/.exec(c.text);
  const title = clip(squash(colon ? (colon[1] ?? '') : c.text), 2000);
  if (w.out.sections.length < 2000)
    w.out.sections.push({ ref: clip(ref, 40), title, level: Math.min(6, Math.max(1, level)), line: c.line });
  const f = fold(c.text);
  const kind = sectionKind(c.text, c.style === 'roman');
  const goal = /^muc tieu\s*(?:so\s*)?(\d{1,2})\b/.exec(f);
  const horizon = /(?:den|toi|vao) nam ((?:19|20|21)\d{2})/.exec(f);
  const next: Ctx = {
    kind: kind ?? (c.style === 'roman' ? null : ctx.kind),
    sectionRef: ref,
    pathRef: ref,
    romanRef: c.style === 'roman' ? ref : ctx.romanRef,
    level,
    goal: goal ? Number(goal[1]) : c.style === 'roman' ? null : ctx.goal,
    horizon: horizon ? Number(horizon[1]) : c.style === 'roman' ? null : ctx.horizon,
    lead: c.style === 'roman' ? null : ctx.lead,
  };
  if (w.bearsTasks(next.kind)) {
    const agency = agencyName(c.text);
    if (agency) next.lead = splitBodies(agency);
  }
  return next;
}

function makeTask(w: Walk, c: Node, ctx: Ctx): PlanTask {
  let head = c.text;
  let lead = ctx.lead ? [...ctx.lead] : [];
  const agency = c.style !== 'dash' ? agencyName(c.text) : null;
  const colon = /^([^:]{3,120}):\s*(\S.*)$/.exec(c.text);
  if (agency && c.body.length) {
    lead = splitBodies(agency);
    head = '';
  } else if (colon && agencyName(colon[1] ?? '')) {
    lead = splitBodies(agencyName(colon[1] ?? '') ?? '');
    head = colon[2] ?? '';
  }
  const text = clip([head, ...c.body.map((p) => p.text)].filter((s) => s.trim()).join('\n'), 20000);
  const task: PlanTask = {
    ref: c.style.startsWith('num') || c.style === 'letter' ? c.ref : null,
    path: clip(pathOf(c, ctx), 80),
    text,
    lead,
    support: [],
    timeline: { kind: 'unspecified', text: null, start: null, end: null },
    section: ctx.sectionRef,
    line: c.line,
  };
  applyAttrs(w, task, c.attrs);
  if (!task.lead.length) {
    const found = bracketAssignment(text) ?? inlineAssignment(text) ?? (assigns(w, ctx, text) ? openingAssignment(text) : null);
    if (found) {
      task.lead = found.lead;
      if (!task.support.length) task.support = found.support;
    }
  } else if (!task.support.length) task.support = supportIn(text);
  if (w.out.tasks.length < 5000) w.out.tasks.push(task);
  findAssignments(w, text, task.lead, c.line);
  return task;
}

/**
 * Whether the bodies an item opens with lead it: in Tổ chức thực hiện, in a letter's or directive's
 * numbered requests, and wherever it says "Đề nghị …". In a Nhiệm vụ part the body a sentence
 * starts with is only its subject ("Ngành y tế tăng cường …").
 */
function assigns(w: Walk, ctx: Ctx, text: string): boolean {
  return ctx.kind === 'org' || (ctx.kind === null && w.opts.documentType !== 'plan') || /^(?:[Đđ]ề nghị|[Gg]iao)\s/.test(text);
}

/** The item's whole numbering (paths.ts): its ref, or its place among the bullets under its parent. */
function pathOf(c: Node, ctx: Ctx): string {
  if (c.ref) return joinPath(ctx.pathRef, c.ref);
  if (!BULLET_STYLES.has(c.style) || !c.parent) return ctx.pathRef ?? '';
  const n = c.parent.children.filter((s) => BULLET_STYLES.has(s.style)).indexOf(c) + 1;
  return joinPath(ctx.pathRef, bulletSegment(n));
}

function applyAttrs(w: Walk, task: PlanTask, attrs: Attribute[]): void {
  for (const a of attrs) {
    if (a.kind === 'assign') {
      const r = parseAssignment(a.value);
      if (r.lead.length) task.lead = r.lead;
      if (r.support.length) task.support = r.support;
      if (!task.lead.length)
        w.out.notes.push(
          note(
            a.line,
            'missing-lead',
            `Không tìm thấy đơn vị chủ trì trong: "${clip(a.value, 120)}"`,
            `No lead body found in: "${clip(a.value, 120)}"`,
          ),
        );
    } else if (a.kind === 'support') task.support = splitBodies(a.value);
    else if (a.kind === 'timeline') {
      const { timeline, understood } = parseTimeline(a.value, w.opts.planYear);
      task.timeline = timeline;
      if (!understood)
        w.out.notes.push(
          note(
            a.line,
            'unparsed-timeline',
            `Không đọc được thời gian thực hiện: "${clip(a.value, 120)}"`,
            `Could not read the timeline: "${clip(a.value, 120)}"`,
          ),
        );
    }
  }
}

function findAssignments(w: Walk, text: string, lead: string[], line: number): void {
  const f = fold(text);
  for (const m of f.matchAll(/chi tieu\s*(?:so\s*)?(?:tu\s+)?(\d{1,3}(?:\s*(?:,|;|va|-|–|den|toi)\s*\d{1,3}(?![\d/%]))*)/g)) {
    const nos = indicatorList(m[1] ?? '');
    if (!nos.length) continue;
    if (!lead.length) {
      w.out.notes.push(
        note(
          line,
          'unparsed-assignment',
          `Giao chỉ tiêu ${nos.join(', ')} nhưng không rõ cho đơn vị nào.`,
          `Indicators ${nos.join(', ')} are assigned, but to no body that could be read.`,
        ),
      );
      continue;
    }
    for (const agency of lead) {
      const have = w.out.assignments.find((a) => a.agency === agency);
      if (have) have.indicators = [...new Set([...have.indicators, ...nos])].slice(0, 100);
      else if (w.out.assignments.length < 500) w.out.assignments.push({ agency, indicators: nos });
    }
  }
}

function addIndicator(w: Walk, c: Node, no: number, prefix: number, ctx: Ctx): void {
  const parts = [c.text.slice(prefix), ...c.body.map((p) => p.text), ...descendants(c)];
  const text = clip(squash(parts.join(' ')), 5000);
  const { targets, yearless, found } = readTargets(text, ctx.horizon ?? w.opts.planEnd);
  if (!found)
    w.out.notes.push(
      note(
        c.line,
        'unparsed-target',
        `Chỉ tiêu ${no}: không đọc được giá trị mục tiêu.`,
        `Indicator ${no}: no target value could be read.`,
      ),
    );
  else if (yearless)
    w.out.notes.push(
      note(
        c.line,
        'unparsed-target',
        `Chỉ tiêu ${no}: có giá trị nhưng không rõ năm đạt.`,
        `Indicator ${no}: a value without a year.`,
      ),
    );
  if (no >= 1 && no <= 999 && w.out.indicators.length < 500) {
    // "Chỉ tiêu 1" again in a table of targets by year: more targets of the same indicator
    const same = w.out.indicators.find((i) => i.no === no);
    if (same)
      same.targets = [
        ...same.targets,
        ...targets.filter((t) => !same.targets.some((s) => s.year === t.year && s.value === t.value)),
      ].slice(0, 50);
    else w.out.indicators.push({ no, goal: ctx.goal, text, targets, line: c.line });
  }
}

function descendants(n: Node): string[] {
  return n.children.flatMap((c) => [c.text, ...c.body.map((p) => p.text), ...descendants(c)]);
}

function anyKind(n: Node): boolean {
  return n.children.some(
    (c) =>
      (c.style === 'roman' || c.children.length > 0 ? sectionKind(c.text, c.style === 'roman') !== null : false) || anyKind(c),
  );
}

/** "1, 2, 8", "13, 21", "từ 15 đến 20", "15-20" → the numbers. */
export function indicatorList(s: string): number[] {
  const out: number[] = [];
  for (const part of s.split(/\s*(?:,|;|\bva\b)\s*/)) {
    const r = /^(\d{1,3})\s*(?:-|–|den|toi)\s*(\d{1,3})$/.exec(part.trim());
    if (r) {
      const a = Number(r[1]);
      const b = Number(r[2]);
      if (a < b && b - a <= 50) for (let i = a; i <= b; i++) out.push(i);
    } else if (/^\d{1,3}$/.test(part.trim())) out.push(Number(part.trim()));
  }
  return [...new Set(out.filter((n) => n >= 1 && n <= 999))];
}
