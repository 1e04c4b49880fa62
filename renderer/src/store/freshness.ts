/**
 * Which of two snapshots is newer. A push and the answer to our own request travel on
 * different connections and may arrive in either order; the snapshot whose newest event is
 * later wins. Event ids start with their ISO time, so (at, id) orders them.
 */
import type { PlanEvent } from '../../../shared/plan/events';

const newest = (activity: readonly PlanEvent[]): [string, string] => {
  const e = activity[0];
  return e ? [e.at, e.id] : ['', ''];
};

/** Is the snapshot with activity `a` at least as new as the one with activity `b`? */
export function isAtLeastAsNew(a: readonly PlanEvent[], b: readonly PlanEvent[]): boolean {
  const [atA, idA] = newest(a);
  const [atB, idB] = newest(b);
  if (atA !== atB) return atA > atB;
  return idA >= idB;
}
