/**
 * Where a fork commit's file lands on the sprint branch, through the rename rules: a file under
 * a moved rule's source lands at its destination, one under a copied rule's source on both
 * copies (so they stay identical), any other file at its own path. A planned or abandoned rule
 * changes nothing in the tree, so it changes nothing here either. Pure, for the core, the CLI
 * and the board.
 */
import type { Subsystem } from '../model';
import { isUnder, rebasePath } from '../paths';
import type { RenameRule } from '../rename/model';
import type { PickupCommit, PickupPlan } from './model';

export function landingPaths(path: string, rules: readonly RenameRule[]): string[] {
  for (const r of rules) {
    if (!isUnder(path, r.from)) continue;
    if (r.phase === 'moved') return [rebasePath(path, r.from, r.to)];
    if (r.phase === 'copied') return [path, rebasePath(path, r.from, r.to)];
  }
  return [path];
}

/** Every path of the fork commit's files, old and new, and where they land. */
export const touchedPaths = (c: Pick<PickupCommit, 'files'>): string[] =>
  c.files.flatMap((f) => [f.path, ...(f.from !== undefined ? [f.from] : []), ...f.lands]);

/** Does the commit touch any of the card's files? */
export function touchesCard(c: Pick<PickupCommit, 'files'>, card: Pick<Subsystem, 'files'>): boolean {
  const files = new Set(card.files);
  return touchedPaths(c).some((p) => files.has(p));
}

/** Does the commit touch the card's files and nothing else (each file at its old or its landing path)? */
export function onlyTouchesCard(c: Pick<PickupCommit, 'files'>, card: Pick<Subsystem, 'files'>): boolean {
  const files = new Set(card.files);
  return c.files.length > 0 && c.files.every((f) => [f.path, ...(f.from !== undefined ? [f.from] : []), ...f.lands].some((p) => files.has(p)));
}

/** How many waiting fork commits touch each card's files, by subsystem id. */
export function waitingPerCard(commits: readonly Pick<PickupCommit, 'files' | 'status'>[], cards: readonly Pick<Subsystem, 'id' | 'files'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const card of cards) {
    const n = commits.filter((c) => c.status !== 'already-there' && touchesCard(c, card)).length;
    if (n > 0) counts[card.id] = n;
  }
  return counts;
}

/** Were these pick-ups recorded already (recovery after a kill between the branch and the plan)? */
export const pickupsRecorded = (plan: PickupPlan, picked: readonly { from: string }[]): boolean => picked.every((p) => p.from in plan.picked);
