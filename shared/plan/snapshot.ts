/** The plan as a board receives it: the folded plan and its recent activity. */
import type { Plan } from '../model';
import type { PlanEvent } from './events';

export interface PlanSnapshot {
  plan: Plan;
  /** The most recent events, newest first: the activity feed. */
  activity: PlanEvent[];
}
