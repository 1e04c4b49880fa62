/** Each person's load: changed lines of their cards still to land, cards In progress, and their work-in-progress limit. */
import type { CardState, Plan } from '../model';
import type { LinesOf } from './lines';

export interface PersonLoad {
  personId: string;
  /** Changed lines of the person's cards that are not Done. */
  lines: number;
  inProgress: number;
  limit: number | null;
  /** More cards In progress than the limit. */
  over: boolean;
}

export function personLoads(plan: Plan, linesOf: LinesOf): PersonLoad[] {
  const byPerson = new Map<string, PersonLoad>();
  for (const id of plan.personOrder) {
    const limit = plan.team.wipLimits[id] ?? null;
    byPerson.set(id, { personId: id, lines: 0, inProgress: 0, limit, over: false });
  }
  for (const sub of Object.values(plan.subsystems)) {
    const load = sub.owner === null ? undefined : byPerson.get(sub.owner);
    if (!load) continue;
    if (sub.state !== 'Done') load.lines += linesOf(sub);
    if (sub.state === 'In progress') load.inProgress += 1;
  }
  for (const load of byPerson.values()) load.over = load.limit !== null && load.inProgress > load.limit;
  return [...byPerson.values()];
}

/** Cards In progress of one person, against the limit: the board's warning. */
export function inProgressOf(plan: Plan, personId: string): { count: number; limit: number | null; over: boolean } {
  let count = 0;
  for (const sub of Object.values(plan.subsystems)) if (sub.owner === personId && sub.state === 'In progress') count += 1;
  const limit = plan.team.wipLimits[personId] ?? null;
  return { count, limit, over: limit !== null && count > limit };
}

/** The cards a column (a card state) holds against its limit. */
export function columnLoad(plan: Plan, state: CardState): { count: number; limit: number | null; over: boolean } {
  let count = 0;
  for (const sub of Object.values(plan.subsystems)) if (sub.state === state) count += 1;
  const limit = plan.team.stateLimits?.[state] ?? null;
  return { count, limit, over: limit !== null && count > limit };
}

/** "Review holds 6 cards, over its limit of 4", or null within the limit. */
export function describeColumnLimit(state: CardState, count: number, limit: number | null): string | null {
  if (limit === null || count <= limit) return null;
  return `${state} holds ${count} cards, over its limit of ${limit}: move one on before adding another.`;
}

/** "3 in progress, over the limit of 2", or null within the limit. */
export function describeWip(name: string, count: number, limit: number | null): string | null {
  if (limit === null || count <= limit) return null;
  return `${name} has ${count} cards in progress, over the limit of ${limit}: finish one before starting another.`;
}
