/** Which of the plan's events concern a card: its history in the pane, from the activity feed. */
import type { PlanEvent } from '../../../../shared/plan/events';

export function touchesCard(event: PlanEvent, id: string): boolean {
  const e = event as Partial<Record<string, unknown>>;
  if (e.subsystemId === id || e.into === id || e.newId === id || (e.type === 'file.move' && e.to === id)) return true;
  if (Array.isArray(e.subsystemIds) && e.subsystemIds.includes(id)) return true;
  if (Array.isArray(e.cards) && e.cards.some((c: { subsystemId?: string }) => c.subsystemId === id)) return true;
  return e.type !== 'subsystems.replace' && Array.isArray(e.subsystems) && e.subsystems.some((s: { id?: string }) => s.id === id);
}
