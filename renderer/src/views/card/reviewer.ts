/** The card's reviewer as the pane names them. */
import type { Plan } from '../../../../shared/model';

export interface ReviewerShown {
  id: string;
  name: string;
  /** False for an id the plan's people do not know (a plan from another laptop may still name someone removed). */
  known: boolean;
}

/** Null when the card has no reviewer; an unknown id is said to be one, never shown as nobody. */
export function reviewerShown(plan: Plan, cardId: string): ReviewerShown | null {
  const id = plan.cards[cardId]?.reviewer ?? null;
  if (id === null) return null;
  const person = plan.people[id];
  return person ? { id, name: person.name, known: true } : { id, name: `Unknown person (id ${id})`, known: false };
}
