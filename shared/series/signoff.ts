/**
 * Sign-offs and the cover letter in the plan. A `Signed-off-by` certifies the Developer's
 * Certificate of Origin in that person's own name, so nobody may give it for another: a card's
 * sign-off is accepted only from its owner (the event's author, matched by email) and can be
 * withdrawn only by whoever gave it. The board's optimistic fold has no author yet; the store
 * always has one and decides.
 */
import type { Actor, Plan } from '../model';
import { fail, ok, type Result } from '../result';
import type { SeriesEdit } from './events';
import type { SeriesPatch, SeriesPlan, SignOff } from './model';

export type SignOffChange = Extract<SeriesEdit, { type: 'card.signOff' }>;
export type CoverChange = Extract<SeriesEdit, { type: 'series.cover' }>;

/** The author and time a stored event carries (absent in a change not yet written). */
type Written = { by?: Actor; at?: string };

const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export function applySignOff(plan: Plan, change: SignOffChange & Written): Result<Plan> {
  const card = plan.subsystems[change.subsystemId];
  if (!card) return fail('not-found', `There is no subsystem with id "${change.subsystemId}": it may have been removed or merged meanwhile; reload the board.`);
  const signOffs = { ...(plan.series.signOffs ?? {}) };
  const given = signOffs[change.subsystemId];
  if (!change.signed) {
    if (!given) return fail('not-found', `"${card.name}" has no sign-off to withdraw.`);
    if (change.by && !sameEmail(change.by.email, given.email)) {
      return fail('refused', `Only ${given.name} can withdraw the sign-off ${given.name} gave on "${card.name}".`);
    }
    delete signOffs[change.subsystemId];
    return ok({ ...plan, series: withSignOffs(plan.series, signOffs) });
  }
  const owner = card.owner === null ? undefined : plan.people[card.owner];
  if (!owner) return fail('refused', `"${card.name}" has no owner: a sign-off is the owner's own; assign the card first.`);
  if (owner.email.trim() === '') return fail('refused', `${owner.name} has no email in the plan, and a Signed-off-by line names one: add ${owner.name}'s email first.`);
  if (change.by && !sameEmail(change.by.email, owner.email)) {
    return fail('refused', `Only ${owner.name} <${owner.email}> can sign off "${card.name}" (you are ${change.by.name} <${change.by.email}>): nobody may sign off for another person.`);
  }
  const record: SignOff = { personId: owner.id, name: owner.name, email: owner.email, at: change.at ?? new Date(0).toISOString() };
  signOffs[change.subsystemId] = record;
  return ok({ ...plan, series: withSignOffs(plan.series, signOffs) });
}

/** Without a sign-off or a cover the series has no such field, as before any was given: undo gives back the plan exactly. */
function withSignOffs(series: SeriesPlan, signOffs: Record<string, SignOff>): SeriesPlan {
  const { signOffs: _old, ...rest } = series;
  return Object.keys(signOffs).length === 0 ? rest : { ...rest, signOffs };
}

export function applyCover(plan: Plan, change: CoverChange): Result<Plan> {
  const { cover: _old, ...rest } = plan.series;
  return ok({ ...plan, series: change.cover === null ? rest : { ...rest, cover: change.cover } });
}

/** Undo of a sign-off is its withdrawal and back; of a cover, the cover before. */
export function invertSignOff(before: SeriesPlan, change: SignOffChange): SignOffChange | null {
  const had = change.subsystemId in (before.signOffs ?? {});
  return had === change.signed ? null : { type: 'card.signOff', subsystemId: change.subsystemId, signed: had };
}

export const invertCover = (before: SeriesPlan): CoverChange => ({ type: 'series.cover', cover: before.cover ?? null });

/** The owners' sign-offs a patch carries: those given on the cards holding any of its files, in board order. */
export function signOffsFor(plan: Plan, patch: SeriesPatch): SignOff[] {
  const files = new Set(patch.files);
  const given = plan.series.signOffs ?? {};
  return plan.subsystemOrder.flatMap((id) => {
    const s = given[id];
    const card = plan.subsystems[id];
    return s && card && card.files.some((f) => files.has(f)) ? [s] : [];
  });
}
