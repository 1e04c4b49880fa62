/**
 * The burndown: per day of the sprint, the changed lines still to land and the cards in each
 * state, from the plan's own event log (each event carries its time) and the inventory's line
 * counts. Days are UTC calendar days from the day of the first event to `now`.
 */
import { CARD_STATES, emptyPlan, type CardState, type Plan } from '../model';
import type { PlanEvent } from '../plan/events';
import { foldOnto } from '../plan/fold';
import type { LinesOf } from './lines';

export interface BurndownDay {
  /** "2026-11-30" */
  day: string;
  /** Changed lines of the cards that were not Done at the end of the day. */
  linesToLand: number;
  cards: Record<CardState, number>;
  blocked: number;
}

export interface Burndown {
  days: BurndownDay[];
  /** Set when the sprint is longer than `MAX_DAYS`: the chart shows its last days only. */
  cut: boolean;
  /** Why part of it is missing (the inventory's line counts could not be computed), or null. */
  problem: string | null;
}

export const MAX_DAYS = 62;
const DAY_MS = 86_400_000;

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function dayRow(day: string, plan: Plan, linesOf: LinesOf): BurndownDay {
  const cards = Object.fromEntries(CARD_STATES.map((s) => [s, 0])) as Record<CardState, number>;
  let linesToLand = 0;
  let blocked = 0;
  for (const sub of Object.values(plan.subsystems)) {
    cards[sub.state] += 1;
    if (sub.blocked !== null) blocked += 1;
    if (sub.state !== 'Done') linesToLand += linesOf(sub);
  }
  return { day, linesToLand, cards, blocked };
}

/** `events` in fold order (shared/plan/fold.ts `orderEvents`); `now` in ms since the epoch. */
export function burndown(events: readonly PlanEvent[], linesOf: LinesOf, now: number): Burndown {
  const first = events.find((e) => !Number.isNaN(Date.parse(e.at)));
  if (!first) return { days: [], cut: false, problem: null };
  const startDay = Date.parse(`${dayOf(Date.parse(first.at))}T00:00:00Z`);
  const lastDay = Date.parse(`${dayOf(now)}T00:00:00Z`);
  const total = Math.max(1, Math.floor((lastDay - startDay) / DAY_MS) + 1);
  const skip = Math.max(0, total - MAX_DAYS);
  let plan = emptyPlan();
  let next = 0;
  const days: BurndownDay[] = [];
  for (let d = 0; d < total; d++) {
    const end = startDay + (d + 1) * DAY_MS;
    const batch: PlanEvent[] = [];
    while (next < events.length && !(Date.parse((events[next] as PlanEvent).at) >= end)) batch.push(events[next++] as PlanEvent);
    if (batch.length > 0) plan = foldOnto(plan, batch).plan;
    if (d >= skip) days.push(dayRow(dayOf(startDay + d * DAY_MS), plan, linesOf));
  }
  return { days, cut: skip > 0, problem: null };
}
