/**
 * A task's path: its whole numbering as printed, without trailing dots ("II.1.a", "III.2.4",
 * "V.4.-2" for the second bullet under V.4). `ref` keeps only what is printed in front of the item
 * ("a", "2.4", null for a bullet); the path says where it sits, so an agency's task list never
 * shows a bare "d".
 */

/**
 * Appends `ref` to the path of the item it sits under, writing once the numbers they share:
 * "III" + "2.1" → "III.2.1" and "II.2" + "2.1" → "II.2.1" (a "2.1." item under "2." repeats its
 * parent's number), but "III.1" + "1" → "III.1.1" (a one-part ref is always a new level).
 */
export function joinPath(base: string | null, ref: string): string {
  if (!base) return ref;
  if (!ref) return base;
  const b = base.split('.');
  const r = ref.split('.');
  for (let k = Math.min(b.length, r.length - 1); k > 0; k--) {
    if (b.slice(b.length - k).join('.') === r.slice(0, k).join('.')) return [...b, ...r.slice(k)].join('.');
  }
  return `${base}.${ref}`;
}

/** A task's path, or its section and ref joined for a document written without one. */
export function taskPath(t: { path?: string | null; ref: string | null; section?: string | null }): string | null {
  if (t.path) return t.path;
  if (!t.ref) return t.section ?? null;
  return joinPath(t.section ?? null, t.ref);
}

/** The path segment of the n-th bullet (1-based) directly under an item: "-2". */
export const bulletSegment = (n: number) => `-${n}`;
