/**
 * Keeps the identity of every record that did not change when a new snapshot arrives, so a
 * push that moves one card re-renders one card, not a thousand memoised ones.
 */
import type { Plan } from '../../../shared/model';

/** Structural equality of JSON data (plans are plain JSON: objects, arrays, strings, numbers). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** `next`, with each record equal to the one in `prev` replaced by `prev`'s object. */
export function reuseRecords<T>(prev: Record<string, T>, next: Record<string, T>): Record<string, T> {
  let changed = Object.keys(prev).length !== Object.keys(next).length;
  const out: Record<string, T> = {};
  for (const [id, record] of Object.entries(next)) {
    const old = prev[id];
    if (old !== undefined && jsonEqual(old, record)) out[id] = old;
    else {
      out[id] = record;
      changed = true;
    }
  }
  return changed ? out : prev;
}

const reuse = <T>(prev: T, next: T): T => (jsonEqual(prev, next) ? prev : next);

export function reconcilePlan(prev: Plan, next: Plan): Plan {
  const merged: Plan = {
    head: next.head,
    sprint: reuse(prev.sprint, next.sprint),
    people: reuseRecords(prev.people, next.people),
    personOrder: reuse(prev.personOrder, next.personOrder),
    subsystems: reuseRecords(prev.subsystems, next.subsystems),
    subsystemOrder: reuse(prev.subsystemOrder, next.subsystemOrder),
    renames: reuseRecords(prev.renames, next.renames),
    renameOrder: reuse(prev.renameOrder, next.renameOrder),
    builds: reuseRecords(prev.builds, next.builds),
    buildOrder: reuse(prev.buildOrder, next.buildOrder),
    series: reuse(prev.series, next.series),
    team: reuse(prev.team, next.team),
    pickup: reuse(prev.pickup, next.pickup),
    maintainersMap: reuse(prev.maintainersMap, next.maintainersMap),
    cards: reuseRecords(prev.cards, next.cards),
  };
  const same = (Object.keys(merged) as (keyof Plan)[]).every((k) => merged[k] === prev[k]);
  return same ? prev : merged;
}
