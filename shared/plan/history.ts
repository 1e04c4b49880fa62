/**
 * Undo and redo from the plan's own log: each person's last changes, so that undo survives a
 * reload, a second window and a restart. The log is replayed as the board's history slice runs:
 * a change by the person pushes its inverse (shared/plan/inverse.ts) and empties redo; a change
 * equal to the inverse at the top of their undo stack was that undo (it moves to redo); one
 * equal to the change at the top of their redo stack was that redo. No marker is stored in the
 * events, so logs written before this existed give the same stacks.
 */
import type { Actor, Plan } from '../model';
import { emptyPlan } from '../model';
import { applyChange } from './apply';
import type { ClientCommand, PlanEvent } from './events';
import { inverseOf } from './inverse';
import { clientCommandSchema } from './schema';

/** One step a person can undo: the change they made and the change that takes it back. */
export interface HistoryStep {
  undo: ClientCommand;
  redo: ClientCommand;
  /** When the change was made (ISO-8601). */
  at: string;
}

export interface PlanHistory {
  /** Oldest first: the last one is what Undo takes back. */
  undo: HistoryStep[];
  /** Oldest first: the last one is what Redo makes again. */
  redo: HistoryStep[];
}

export const HISTORY_LIMIT = 200;

let clientTypes: ReadonlySet<string> | null = null;
/** The event types a client may send: only those are undone, as the board only undoes its own commands. */
function isClientCommand(event: PlanEvent): boolean {
  clientTypes ??= new Set(clientCommandSchema.options.map((o) => String(o.shape.type.value)));
  return clientTypes.has(event.type);
}

/** The same person: by e-mail when both have one (names get retyped), else by name. */
export function sameActor(a: Actor, b: Actor): boolean {
  if (a.email !== '' && b.email !== '') return a.email.toLowerCase() === b.email.toLowerCase();
  return a.name === b.name;
}

/** The change an event carries, without its identity, author and time. */
export function commandOf(event: PlanEvent): ClientCommand {
  const { id: _id, at: _at, by: _by, ...change } = event;
  return change as ClientCommand;
}

/** Deep equality of JSON values where a missing key and an undefined one are the same. */
export function sameChange(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameChange(v, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameChange(ra[k], rb[k])) return false;
  return true;
}

/**
 * `actor`'s undo and redo stacks after the events (in fold order, as the plan store keeps them),
 * folded from an empty plan. An event the fold refuses changes nothing and is left out; so is a
 * change that cannot be undone by one change (its inverse is null).
 */
export function historyOf(events: readonly PlanEvent[], actor: Actor, limit = HISTORY_LIMIT, start: Plan = emptyPlan()): PlanHistory {
  let plan = start;
  const undo: HistoryStep[] = [];
  const redo: HistoryStep[] = [];
  for (const event of events) {
    const applied = applyChange(plan, event);
    if (!applied.ok) continue;
    if (sameActor(event.by, actor) && isClientCommand(event)) {
      const change = commandOf(event);
      const top = undo.at(-1);
      const next = redo.at(-1);
      if (top && sameChange(top.undo, change)) redo.push(undo.pop() as HistoryStep);
      else if (next && sameChange(next.redo, change)) undo.push(redo.pop() as HistoryStep);
      else {
        const inverse = inverseOf(plan, change);
        if (inverse) undo.push({ undo: inverse, redo: change, at: event.at });
        if (undo.length > limit) undo.shift();
        redo.length = 0;
      }
    }
    plan = applied.value;
  }
  return { undo, redo };
}
