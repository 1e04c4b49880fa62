/**
 * The folded plan of one plan-ref head, and how to get from one head to the next cheaply:
 * when the new head descends from the old one and its new events all come after the old
 * ones, only the new commits are read and folded on top; otherwise (a merged log whose events
 * interleave, a rewritten ref) the whole log is folded again.
 */
import { emptyPlan, type Plan } from '../../../shared/model';
import type { PlanEvent } from '../../../shared/plan/events';
import { compareEvents, foldEvents, foldOnto, orderEvents, parsePlanEvent } from '../../../shared/plan/fold';
import { isAncestor } from '../git/commit';
import { readMessages, type LoggedMessage } from '../git/log';
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
  if (head === prev.head) return prev;
  if (head === '') return emptyLog();
  const incremental = prev.head !== '' && (await isAncestor(repo, prev.head, head));
  if (!incremental) {
    const { events, problems } = eventsOf(await readMessages(repo, head));
    return fromScratch(head, events, problems);
  }
  const read = eventsOf(await readMessages(repo, head, prev.head));
  const fresh = orderEvents(read.events).filter((e) => !prev.ids.has(e.id));
  const last = prev.events.at(-1);
  const first = fresh[0];
  if (last && first && compareEvents(last, first) >= 0) return fromScratch(head, [...prev.events, ...fresh], [...prev.problems.filter((p) => !prev.ids.has(p.id)), ...read.problems]);
  const skipped: { event: PlanEvent; reason: string }[] = [];
  const { plan } = foldOnto(prev.plan, fresh, skipped);
  const ids = new Set(prev.ids);
  for (const e of fresh) ids.add(e.id);
  const skippedIds = new Set(prev.skippedIds);
  for (const s of skipped) skippedIds.add(s.event.id);
  return {
    head,
    plan: { ...plan, head },
    events: [...prev.events, ...fresh],
    ids,
    skippedIds,
    problems: [...prev.problems, ...read.problems, ...skipped.map((s) => ({ id: s.event.id, reason: s.reason }))],
  };
}

export const ACTIVITY_LIMIT = 200;

/** File lists and long texts are left out of activity entries: the plan has them, the feed does not need them. */
function lighten(event: PlanEvent): PlanEvent {
  const copy: Record<string, unknown> = { ...event };
  const strip = (record: unknown): unknown => {
    if (typeof record !== 'object' || record === null) return record;
    const r: Record<string, unknown> = { ...(record as Record<string, unknown>) };
    if (Array.isArray(r.files)) r.files = [];
    if (typeof r.description === 'string' && r.description.length > 200) r.description = `${r.description.slice(0, 200)}…`;
    return r;
  };
  if (Array.isArray(copy.files)) copy.files = [];
  for (const key of ['subsystems', 'patches']) if (Array.isArray(copy[key])) copy[key] = (copy[key] as unknown[]).map(strip);
  if (typeof copy.patch === 'object') copy.patch = strip(copy.patch);
  return copy as PlanEvent;
}

/** The newest events that changed the plan, newest first, without bulky payloads. */
export function activityOf(log: FoldedLog, limit = ACTIVITY_LIMIT): PlanEvent[] {
  const out: PlanEvent[] = [];
  for (let i = log.events.length - 1; i >= 0 && out.length < limit; i--) {
    const e = log.events[i] as PlanEvent;
    if (!log.skippedIds.has(e.id)) out.push(lighten(e));
  }
  return out;
}
