/**
 * The plan is the fold of its events in (at, id) order. After two laptops' logs merge, an
 * event may no longer apply (its subsystem was merged away on the other laptop, say): it is
 * skipped and reported, never fatal, so a merged log always reads.
 */
import { z } from 'zod';
import { emptyPlan, type Plan } from '../model';
import { fail, ok, type Result } from '../result';
import type { PlanEvent } from './events';
import { actorSchema, describeIssue, planChangeSchema } from './schema';
import { applyChange, foldTransiently } from './apply';

export interface SkippedEvent {
  event: PlanEvent;
  reason: string;
}

export interface FoldResult {
  plan: Plan;
  skipped: SkippedEvent[];
}

/** Milliseconds of an event's time, NaN when it is not a time. */
const timeOf = (e: PlanEvent): number => Date.parse(e.at);

/** Orders events by time, then by id (ids are unique, so the order is total and the same everywhere). */
export function compareEvents(a: PlanEvent, b: PlanEvent): number {
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Events sorted by (at, id), each id once (the same event reached by two paths counts once). */
export function orderEvents(events: PlanEvent[]): PlanEvent[] {
  const seen = new Set<string>();
  const unique: PlanEvent[] = [];
  for (const e of events) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    unique.push(e);
  }
  return unique.sort(compareEvents);
}

/** Applies events, already in fold order, on top of `plan`; refused events are skipped. */
export function foldOnto(plan: Plan, ordered: PlanEvent[], skipped: SkippedEvent[] = []): FoldResult {
  return foldTransiently(() => {
    let current = plan;
    for (const event of ordered) {
      const result = applySafely(current, event);
      if (result.ok) current = result.value;
      else skipped.push({ event, reason: result.error.message });
    }
    return { plan: current, skipped };
  });
}

export function foldEvents(events: PlanEvent[]): FoldResult {
  const skipped: SkippedEvent[] = [];
  const valid = events.filter((e) => {
    if (!Number.isNaN(timeOf(e))) return true;
    skipped.push({ event: e, reason: `The event ${e.id} has no valid time ("${e.at}").` });
    return false;
  });
  return foldOnto(emptyPlan(), orderEvents(valid), skipped);
}

/** applyChange, with a malformed event (from a hand-edited or newer log) reported, not thrown. */
function applySafely(plan: Plan, event: PlanEvent): Result<Plan> {
  try {
    return applyChange(plan, event);
  } catch (error) {
    return fail('bad-input', `The event ${event.id} (${event.type}) is malformed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const eventMetaSchema = z.object({
  id: z.string().min(1).max(200),
  at: z.string().refine((at) => !Number.isNaN(Date.parse(at)), 'not a time'),
  by: actorSchema,
});

/** Checks a stored event (parsed JSON) before it is folded: the change and who and when. */
export function parsePlanEvent(json: unknown): Result<PlanEvent> {
  const meta = eventMetaSchema.safeParse(json);
  if (!meta.success) return fail('bad-input', `Not a plan event: ${describeIssue(meta.error)}`);
  const change = planChangeSchema.safeParse(json);
  if (!change.success) return fail('bad-input', `The event ${meta.data.id} is not a change this version knows: ${describeIssue(change.error)}`);
  return ok({ ...change.data, ...meta.data } as PlanEvent);
}
