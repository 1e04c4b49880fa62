/**
 * The fork's commits waiting for pick-up, as the team's verification and the standup report see
 * them: the same list as Keep current's (pickup/list.ts), or why it is not known.
 */
import type { Plan } from '../../../shared/model';
import type { PickupList } from '../../../shared/pickup/model';
import type { PlanAccess } from '../context';
import { pickupList } from '../pickup/list';

export type WaitingPickups = { list: PickupList; problem: null } | { list: null; problem: string };

export const NO_FORK_REF = "no fork's live ref is set, so nothing is known to wait (set it with merge-sprint pickup set-from --ref REF, or in Keep current)";

export async function waitingPickups(ctx: PlanAccess, plan: Plan): Promise<WaitingPickups> {
  if (plan.pickup.ref === null) return { list: null, problem: NO_FORK_REF };
  const list = await pickupList(ctx);
  return list.ok ? { list: list.value, problem: null } : { list: null, problem: `the pick-up list could not be read: ${list.error.message}` };
}
