/**
 * A sparse fork whose developers keep committing to the old layout: the Xen fixture tree on
 * `main` (the sprint branch), and `xen-unstable` (the fork's live ref) leaving it at the tree's
 * first commit. The sprint's rule SRC -> DST is planned, copied or moved on `main` by the
 * rename engine itself, then the fork commits on `xen-unstable` with plain git.
 */
import { copyRules } from '../../../electron/core/rename/copy';
import { finishRule } from '../../../electron/core/rename/finish';
import { addRule } from '../../../electron/core/rename/rules';
import { setPickupFrom } from '../../../electron/core/pickup/list';
import type { RenamePhase } from '../../../shared/rename/model';
import type { PlanAccess } from '../../../electron/core/context';
import { git, makeCommit, type FileSpec } from '../../helpers/repo';
import { DST, SRC, makeXenRepo } from '../rename/fixture';
import { renameContext } from '../rename/memory-plan';

export { DST, SRC };
export const FORK = 'xen-unstable';

export type Phase = Exclude<RenamePhase, 'abandoned'>;

/** The repository with the rule in `phase` and the pick-up ref set; HEAD on main. */
export async function sprintAt(phase: Phase, repos: string[], contextOf: (repo: string) => PlanAccess | Promise<PlanAccess> = renameContext) {
  const repo = makeXenRepo();
  repos.push(repo);
  git(repo, ['branch', FORK]);
  const ctx = await contextOf(repo);
  const added = await addRule(ctx, SRC, DST);
  if (!added.ok) throw new Error(added.error.message);
  if (phase !== 'planned') {
    const copied = await copyRules(ctx, { all: true });
    if (!copied.ok) throw new Error(copied.error.message);
  }
  if (phase === 'moved') {
    const moved = await finishRule(ctx, added.value.rule.id);
    if (!moved.ok) throw new Error(moved.error.message);
  }
  const set = await setPickupFrom(ctx, FORK);
  if (!set.ok) throw new Error(set.error.message);
  return { repo, ctx, ruleId: added.value.rule.id };
}

/** A commit on the fork's live ref, made with git; HEAD goes back to main. */
export function forkCommit(repo: string, files: Record<string, FileSpec>, message?: string): string {
  const commit = makeCommit(repo, { branch: FORK, files, ...(message ? { message } : {}) });
  git(repo, ['checkout', '-q', 'main']);
  return commit;
}

/** A commit on the sprint branch (the team's own work). */
export const sprintCommit = (repo: string, files: Record<string, FileSpec>, message?: string): string =>
  makeCommit(repo, { branch: 'main', files, ...(message ? { message } : {}) });

/** `git ls-tree` of one path at a rev: "MODE TYPE OID\tPATH", or '' when absent. */
export const entry = (repo: string, rev: string, p: string): string => git(repo, ['ls-tree', '-z', '--full-tree', rev, '--', `:(top,literal)${p}`]).replace(/\0$/, '').replace(/\t.*$/s, '');
/** A file's bytes at a rev, as git shows it. */
export const show = (repo: string, rev: string, p: string): string => git(repo, ['show', `${rev}:${p}`]);
