/**
 * The activity feed: the newest events that changed the plan, newest first, without bulky
 * payloads. The plan store builds it for a snapshot and a board extends it with the events a
 * push carries, so both lighten an event the same way and keep the same number.
 */
import type { PlanEvent } from './events';

export const ACTIVITY_LIMIT = 200;

/** File lists and long texts are left out of activity entries: the plan has them, the feed does not need them. */
export function lighten(event: PlanEvent): PlanEvent {
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

/**
 * The feed after `events` (in fold order, oldest first) were folded onto the plan whose feed is
 * `activity`; the events the fold skipped (`skippedIds`) changed nothing and are left out.
 */
export function extendActivity(activity: readonly PlanEvent[], events: readonly PlanEvent[], skippedIds: ReadonlySet<string>, limit = ACTIVITY_LIMIT): PlanEvent[] {
  const out: PlanEvent[] = [];
  for (let i = events.length - 1; i >= 0 && out.length < limit; i--) {
    const e = events[i] as PlanEvent;
    if (!skippedIds.has(e.id)) out.push(lighten(e));
  }
  for (const e of activity) {
    if (out.length >= limit) break;
    out.push(e);
  }
  return out;
}
