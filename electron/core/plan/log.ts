/**
 * The folded plan of one plan-ref head, and how to get from one head to the next cheaply:
 * when the new head descends from the old one and its new events all come after the old
 * ones, only the new commits are read and folded on top; otherwise (a merged log whose events
 * interleave, a rewritten ref) the whole log is folded again.
 */
import { emptyPlan, type Plan } from '../../../shared/model';
import { ACTIVITY_LIMIT, extendActivity } from '../../../shared/plan/activity';
import type { PlanEvent } from '../../../shared/plan/events';
import { compareEvents, foldEvents, foldOnto, orderEvents, parsePlanEvent } from '../../../shared/plan/fold';
import { readMessages, readMessagesSince, type LoggedMessage } from '../git/log';
import { parseEventMessage } from './plan-ref';

/** An event the fold could not use, or a commit that holds no readable event. */
export interface PlanProblem {
  /** The event id, or the commit id for an unreadable commit. */
  id: string;
  reason: string;
}

export interface FoldedLog {
  head: string;
  plan: Plan;
  /** Every readable event, in fold order (including those the fold skipped). */
  events: PlanEvent[];
  ids: Set<string>;
  skippedIds: Set<string>;
  problems: PlanProblem[];
}

export const emptyLog = (): FoldedLog => ({ head: '', plan: emptyPlan(), events: [], ids: new Set(), skippedIds: new Set(), problems: [] });

/** Reads the events of plan commits; merge commits carry none, other unreadable ones are reported. */
export function eventsOf(commits: LoggedMessage[]): { events: PlanEvent[]; problems: PlanProblem[] } {
  const events: PlanEvent[] = [];
  const problems: PlanProblem[] = [];
  for (const c of commits) {
    const json = parseEventMessage(c.message);
    if (!json.ok) {
      if (c.parents.length < 2) problems.push({ id: c.commit, reason: json.error.message });
      continue;
    }
    const event = parsePlanEvent(json.value);
    if (event.ok) events.push(event.value);
    else problems.push({ id: c.commit, reason: event.error.message });
  }
  return { events, problems };
}

function fromScratch(head: string, events: PlanEvent[], problems: PlanProblem[]): FoldedLog {
  const ordered = orderEvents(events);
  const { plan, skipped } = foldEvents(ordered);
  return {
    head,
    plan: { ...plan, head },
    events: ordered,
    ids: new Set(ordered.map((e) => e.id)),
    skippedIds: new Set(skipped.map((s) => s.event.id)),
    problems: [...problems, ...skipped.map((s) => ({ id: s.event.id, reason: s.reason }))],
  };
}

/** Adds events known to sort after everything in `log` (our own appends): no re-read, no refold. */
export function appendFolded(log: FoldedLog, head: string, plan: Plan, events: PlanEvent[]): FoldedLog {
  const ids = new Set(log.ids);
  for (const e of events) ids.add(e.id);
  return { ...log, head, plan: { ...plan, head }, events: [...log.events, ...events], ids };
}

/** The folded plan at `head`, reusing `prev` when `head` descends from it. */
export async function loadLog(repo: string, head: string, prev: FoldedLog): Promise<FoldedLog> {
  return (await loadLogWalked(repo, head, prev)).log;
}

/** The commits a fold read: those reachable from `head` and not from `since` ('' = all of them). */
export interface LogWalk {
  head: string;
  since: string;
  commits: LoggedMessage[];
}

/** loadLog, and the commits it read, from which a sync tells what came in and went out without reading them again. */
export async function loadLogWalked(repo: string, head: string, prev: FoldedLog): Promise<{ log: FoldedLog; walk: LogWalk }> {
  if (head === prev.head) return { log: prev, walk: { head, since: head, commits: [] } };
  if (head === '') return { log: emptyLog(), walk: { head, since: '', commits: [] } };
  // One walk reads the new commits and says whether they extend `prev` (a sync starts a dozen
  // git processes; a separate ancestry check would be one more).
  const since = prev.head === '' ? null : await readMessagesSince(repo, head, prev.head);
  if (!since?.descends) {
    const commits = await readMessages(repo, head);
    const { events, problems } = eventsOf(commits);
    return { log: fromScratch(head, events, problems), walk: { head, since: '', commits } };
  }
  const walk = { head, since: prev.head, commits: since.commits };
  const read = eventsOf(since.commits);
  const fresh = orderEvents(read.events).filter((e) => !prev.ids.has(e.id));
  const last = prev.events.at(-1);
  const first = fresh[0];
  if (last && first && compareEvents(last, first) >= 0) {
    return { log: fromScratch(head, [...prev.events, ...fresh], [...prev.problems.filter((p) => !prev.ids.has(p.id)), ...read.problems]), walk };
  }
  const skipped: { event: PlanEvent; reason: string }[] = [];
  const { plan } = foldOnto(prev.plan, fresh, skipped);
  const ids = new Set(prev.ids);
  for (const e of fresh) ids.add(e.id);
  const skippedIds = new Set(prev.skippedIds);
  for (const s of skipped) skippedIds.add(s.event.id);
  return {
    log: {
      head,
      plan: { ...plan, head },
      events: [...prev.events, ...fresh],
      ids,
      skippedIds,
      problems: [...prev.problems, ...read.problems, ...skipped.map((s) => ({ id: s.event.id, reason: s.reason }))],
    },
    walk,
  };
}

/**
 * The events of the walk's head that `from` does not have (what `git log head ^from` would
 * list), in fold order, worked out from the walk's commits and their parents; null when the
 * walk cannot tell. Every commit on a path from `from` down to an old commit is new, so the new
 * commits `from` reaches are found by following parents among the walk's commits; and when
 * `from` descends from the walk's `since` (a parent it reaches is `since`), every commit it
 * lacks is among them.
 */
export function eventsNotIn(walk: LogWalk, from: string): PlanEvent[] | null {
  if (from === walk.since) return orderEvents(eventsOf(walk.commits).events);
  const parents = new Map(walk.commits.map((c) => [c.commit, c.parents]));
  if (!parents.has(from)) return null;
  const reached = new Set<string>();
  let fromSince = walk.since === '';
  const todo = [from];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (reached.has(id)) continue;
    reached.add(id);
    for (const p of parents.get(id) ?? []) {
      if (p === walk.since) fromSince = true;
      else if (parents.has(p)) todo.push(p);
    }
  }
  return fromSince ? orderEvents(eventsOf(walk.commits.filter((c) => !reached.has(c.commit))).events) : null;
}

/** The newest events that changed the plan, newest first, without bulky payloads. */
export function activityOf(log: FoldedLog, limit = ACTIVITY_LIMIT): PlanEvent[] {
  return extendActivity([], log.events, log.skippedIds, limit);
}

/**
 * The events `log` holds after those of `base`, when `log` only added events after them (an
 * append here, or new commits whose events all sort after `base`'s): a board at `base` folds
 * exactly these on top to reach `log`. Null when the log was folded again (a merge whose events
 * interleave, a rewritten ref): then no list of events leads from `base` and a board needs a
 * snapshot. Both ways of extending keep `base`'s event objects, and the events are sorted, so
 * `base`'s last event still at its index means every event before it stayed too.
 */
export function eventsSince(log: FoldedLog, base: FoldedLog): PlanEvent[] | null {
  if (base.head === '') return base.events.length === 0 ? [...log.events] : null;
  const n = base.events.length;
  if (log.events.length < n) return null;
  if (n > 0 && log.events[n - 1] !== base.events[n - 1]) return null;
  return log.events.slice(n);
}
