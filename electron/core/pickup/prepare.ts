/**
 * What every pick-up starts from: the fork's live ref (the plan's, or the one asked for), the
 * sprint branch, the fork base, and the fork commits waiting (on the ref, not on the branch, not
 * picked up before by the plan's record or a trailer), oldest first, with their changes. Each is
 * replayed on the branch's tree in order, so the list says which would apply cleanly now.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { quotePath } from '../../../shared/paths';
import type { PickupCommit, PickupFile } from '../../../shared/pickup/model';
import type { RenameRule } from '../../../shared/rename/model';
import { fail, ok, type Result } from '../../../shared/result';
import type { PlanAccess } from '../context';
import { currentBranch } from '../git/commit';
import { changesOfCommits, type CommitSide, type RawChange } from '../git/diff-tree';
import { commitsTouching, firstParentCommitsSince, pickedUpTrailers, type ForkCommit } from '../git/log';
import { isAncestor, mergeBase } from '../git/merge-base';
import { patchIdsOfCommits } from '../git/patch-id';
import { resolveCommit } from '../git/refs';
import { commitId, gitDir } from '../git/rev-parse';
import type { IndexEdit } from '../git/staging-index';
import { rulesOf } from '../rename/interim';
import { fileChanges, filesOf, pathsTouched, readVersions, replay, type FileChange } from './engine';
import type { MergeScratch, Version } from './merge';

export const NO_REF =
  'No fork ref to pick up from: name the ref the fork\'s developers commit to with `merge-sprint pickup set-from --ref REF` (or `init --pick-up-from REF`), or give --from REF.';

export interface Waiting extends PickupCommit {
  fork: ForkCommit;
  edits: IndexEdit[];
  writes: Map<string, Version>;
}

export interface Prepared {
  ref: string;
  tip: string;
  branch: string;
  head: string;
  base: string;
  /** Not a descendant of the fork base: said in the list, refused by a pick-up. */
  notDescendant: string | null;
  warnings: string[];
  rules: RenameRule[];
  candidates: Candidate[];
}

/** A waiting fork commit before it is replayed: its changes, and its files with where they land. */
export interface Candidate {
  fork: ForkCommit;
  raw: RawChange[];
  changes: FileChange[];
  files: PickupFile[];
}

/** The fork base: the plan's for its own ref, else where the branch and the ref meet. */
async function forkBase(ctx: PlanAccess, ref: string, tip: string, head: string, stored: { ref: string | null; base: string | null }): Promise<Result<string>> {
  if (stored.ref === ref && stored.base !== null) return ok(stored.base);
  const base = await mergeBase(ctx.repo, head, tip);
  if (base === null) return fail('refused', `${quotePath(ref)} shares no history with the sprint branch: it is not the fork's work. Name the branch the fork's developers commit to.`);
  return ok(base);
}

const describeBase = (ref: string, base: string): string =>
  `${quotePath(ref)} is not a descendant of the fork base ${base.slice(0, 12)} (where the sprint branch left it): it was rewritten, or it is another line of work. The list shows what would be picked up; check it, then set the ref again (pickup set-from) to pick up from it.`;

export async function preparePickup(ctx: PlanAccess, requested: string | undefined): Promise<Result<Prepared>> {
  const { plan } = await ctx.plan.snapshot();
  const ref = requested ?? plan.pickup.ref;
  if (ref === null || ref === undefined) return fail('refused', NO_REF);
  const tip = await resolveCommit(ctx.repo, ref);
  if (!tip.ok) return tip;
  const head = await commitId(ctx.repo, 'HEAD');
  if (head === null) return fail('empty-repository', 'The current branch has no commit yet: commit something first.');
  const branch = (await currentBranch(ctx.repo)) ?? 'HEAD';
  const base = await forkBase(ctx, ref, tip.value, head, plan.pickup);
  if (!base.ok) return base;
  const notDescendant = (await isAncestor(ctx.repo, base.value, tip.value)) ? null : describeBase(ref, base.value);
  const rules = rulesOf(plan).filter((r) => r.phase === 'copied' || r.phase === 'moved');
  const [onRef, trailers] = await Promise.all([firstParentCommitsSince(ctx.repo, tip.value, head), pickedUpTrailers(ctx.repo, base.value, head)]);
  const waiting = onRef.filter((c) => !(c.commit in plan.pickup.picked) && !trailers.has(c.commit));
  const changes = await changesOfCommits(ctx.repo, waiting.map(sideOf));
  const candidates = waiting.map((fork) => {
    const fileChangesOf = fileChanges(changes.get(fork.commit) ?? []);
    return { fork, raw: changes.get(fork.commit) ?? [], changes: fileChangesOf, files: filesOf(fileChangesOf, rules) };
  });
  const warnings: string[] = [];
  if (notDescendant) warnings.push(notDescendant);
  const merges = waiting.filter((c) => c.parents.length > 1).length;
  if (merges > 0) warnings.push(`${merges} merge commit${merges === 1 ? '' : 's'} in the fork's history: each is picked up as its change against its first parent (the fork's own line), its merged commits with it.`);
  return ok({ ref, tip: tip.value, branch, head, base: base.value, notDescendant, warnings, rules, candidates });
}

/** A fork commit against its first parent (a merge too: its change along the fork's own line). */
const sideOf = (c: ForkCommit): CommitSide => (c.parents[0] ? { commit: c.commit, parent: c.parents[0] } : { commit: c.commit });

/** The files a change names, as one key: two commits with the same patch id name the same files. */
const filesKey = (raw: readonly RawChange[]): string => JSON.stringify(raw.map((c) => [c.from ?? '', c.path]).sort());

/**
 * The patch ids of the sprint branch's commits since the fork base that change exactly the
 * files of some waiting fork commit (an interim copy or a move changes thousands and is never
 * diffed): a fork commit with one of them is there already.
 */
async function sprintPatchIds(repo: string, base: string, head: string, paths: readonly string[], candidates: readonly Candidate[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const touching = (await commitsTouching(repo, base, head, paths)).map((c) => c.commit);
  const changes = await changesOfCommits(repo, touching);
  const wanted = new Set(candidates.map((c) => filesKey(c.raw)));
  const same = touching.filter((c) => wanted.has(filesKey(changes.get(c) ?? [])));
  return new Set((await patchIdsOfCommits(repo, same)).values());
}

/**
 * Replays the candidates in order on the branch's tree: each clean one's changes are the tree the
 * next one sees, as a pick-up would write them; one in conflict is left out of it.
 */
export async function replayCandidates(ctx: PlanAccess, prepared: Prepared, candidates: readonly Candidate[]): Promise<Waiting[]> {
  const { rules, head, base } = prepared;
  const oldPaths = [...new Set(candidates.flatMap((c) => c.changes).flatMap((c) => [c.before, c.after]).filter((p): p is string => p !== null))];
  const [forkIds, sprintIds, tree] = await Promise.all([
    patchIdsOfCommits(ctx.repo, candidates.map((c) => sideOf(c.fork))),
    sprintPatchIds(ctx.repo, base, head, oldPaths, candidates),
    readVersions(ctx.repo, head, pathsTouched(candidates.flatMap((c) => c.changes), rules)),
  ]);
  // Outside the git folder: a list runs without the operations' lock, whose holder clears the
  // git folder's scratch folders of runs it takes for killed.
  const scratch: MergeScratch = { repo: ctx.repo, gitDir: await gitDir(ctx.repo), dir: await mkdtemp(path.join(os.tmpdir(), 'merge-sprint-pickup-')) };
  const commits: Waiting[] = [];
  try {
    for (const { fork, changes } of candidates) {
      const done = await replay(scratch, tree, changes, rules);
      const patchId = forkIds.get(fork.commit);
      const there = done.conflicts.length === 0 && (done.edits.length === 0 || (patchId !== undefined && sprintIds.has(patchId)));
      const status = done.conflicts.length > 0 ? 'conflict' : there ? 'already-there' : 'clean';
      if (status === 'clean') for (const [p, v] of done.writes) tree.set(p, v);
      commits.push({
        commit: fork.commit, subject: fork.subject, author: fork.authorName, date: fork.authorIso, merge: fork.parents.length > 1, status,
        files: done.files, conflicts: done.conflicts, fork, edits: status === 'clean' ? done.edits : [], writes: done.writes,
      });
    }
  } finally {
    await rm(scratch.dir, { recursive: true, force: true });
  }
  return commits;
}

/** The list as the API and the command line give it. */
export const publicCommit = (c: Waiting): PickupCommit => ({
  commit: c.commit, subject: c.subject, author: c.author, date: c.date, merge: c.merge, status: c.status, files: c.files, conflicts: c.conflicts,
});
