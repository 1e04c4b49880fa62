import type { CardState } from '../plan/card-states';

/** The team's side of the plan: the branch each card's owner works on, and each person's work-in-progress limit. */

export interface TeamPlan {
  /** Branch (short name, local or remote-tracking) by subsystem id. */
  branches: Record<string, string>;
  /** Most cards a person should have In progress at once, by person id; no entry: no limit. */
  wipLimits: Record<string, number>;
  /** Most cards a column (a card state) should hold, by state; no entry: no limit. Absent in plans from before column limits. */
  stateLimits?: Partial<Record<CardState, number>>;
}

export const emptyTeam = (): TeamPlan => ({ branches: {}, wipLimits: {} });
