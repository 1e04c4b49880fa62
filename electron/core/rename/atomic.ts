/**
 * How every rename operation changes the repository, so that a kill at any instant leaves it
 * before or after: the commit is built in a temporary index away from the working tree; a
 * journal in the git folder names it; the branch moves by compare-and-swap; only then do the
 * index and the working tree follow, for the operation's own paths; then the plan; then the
 * journal goes. recover.ts finishes whatever a killed run left between those steps. A clone
 * that turned hooks on (git/hooks.ts) gets `git commit`'s hooks: the ones that may refuse before
 * the journal, reference-transaction with the branch's move, post-commit at the end.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { quotePath } from '../../../shared/paths';
import type { PlanFollowUp, RenameRule } from '../../../shared/rename/model';
import { fail, ok, type Result } from '../../../shared/result';
import type { PlanAccess } from '../context';
import { commitTree } from '../git/commit';
import { swapRef } from '../git/update-ref';
import { GitError } from '../git/errors';
import { readRunHooks } from '../git/hooks';
import { readTreeIntoIndex, writeTree, type TempIndex } from '../git/staging-index';
import { restoreFromCommit } from '../git/restore';
import { checkpoint } from './checkpoint';
import { HOOKS_OFF_HINT, quoteHookOutput, runCommitHooks, runPostCommitHook } from './commit-hooks';
import { recordRuleWithPlan } from './follow';
import { checkNamesFit, type RepoState } from './guard';
import { clearJournal, journalWords, scratchDir, writeJournal, type Journal } from './journal';
import { gitReason, putBranchBack } from './settle';

export interface CommitStep {
  op: Journal['op'];
  ruleId: string;
  message: string;
  /** Files and folders whose index entries and files change; restored from the new commit. */
  paths: string[];
  /** Edits the temporary index, which holds HEAD's tree when this is called. */
  build(index: TempIndex, head: string): Promise<void>;
  /** The rule as the plan records it once the commit is on the branch. */
  ruleAfter(commit: string): RenameRule;
}

const BRANCH_MOVED = (branch: string): string =>
  `The branch ${JSON.stringify(branch)} moved while the commit was being made (someone committed meanwhile): nothing was changed; try again.`;

export interface StepDone {
  commit: string;
  /** For a finished move: how the sprint's pairings and subsystems followed it. */
  followUp: PlanFollowUp | null;
}

/** Builds the step's commit on top of HEAD and puts it on the branch. */
export async function commitStep(ctx: PlanAccess, state: RepoState, step: CommitStep): Promise<Result<StepDone>> {
  checkpoint(`${step.op}:checked`);
  const runHooks = await readRunHooks(ctx.repo);
  const scratch = await scratchDir(state.gitDir);
  let commit: string;
  try {
    const index: TempIndex = { file: path.join(scratch, 'index') };
    await readTreeIntoIndex(ctx.repo, index, state.head);
    await step.build(index, state.head);
    let tree = await writeTree(ctx.repo, index);
    let message = step.message;
    if (runHooks) {
      const hooked = await runCommitHooks(ctx.repo, { index, scratch, tree, message, paths: step.paths });
      if (!hooked.ok) return hooked;
      ({ tree, message } = hooked.value);
    }
    commit = await commitTree(ctx.repo, tree, [state.head], message);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const fits = await checkNamesFit(ctx.repo, state.gitDir, commit, state.head, step.paths);
  if (!fits.ok) return fits;
  checkpoint(`${step.op}:built`);
  const moved = await moveBranch(ctx, {
    op: step.op,
    ruleId: step.ruleId,
    branch: state.branch,
    before: state.head,
    after: commit,
    forward: true,
    paths: step.paths,
    rule: step.ruleAfter(commit),
  }, state.gitDir, { runHooks });
  return moved.ok ? ok({ commit, followUp: moved.value }) : moved;
}

const HOOK_REFUSED_MOVE = (branch: string, output: string): string =>
  `The repository's reference-transaction hook refused to move the branch ${JSON.stringify(branch)}; ${quoteHookOutput(output)}. Nothing was changed. ${HOOKS_OFF_HINT}`;

/**
 * Moves the branch as the journal says, then the index and files of its paths, then the plan.
 * The journal is written first and removed last, so a run killed in between is finished by
 * recovery; a refused swap changed nothing and leaves no journal. Files that cannot be written
 * put the branch back. A plan that cannot record the step keeps the journal, so the next
 * command or opening records it. With `runHooks` the move runs the reference-transaction hook,
 * and a new commit (a forward move) post-commit once its files are written.
 */
export async function moveBranch(ctx: PlanAccess, journal: Journal, gitDirPath: string, opts: { runHooks?: boolean } = {}): Promise<Result<PlanFollowUp | null>> {
  const runHooks = opts.runHooks === true;
  await writeJournal(gitDirPath, journal);
  checkpoint(`${journal.op}:before-ref`);
  const reason = `merge-sprint: ${journal.op} ${journal.rule.from} -> ${journal.rule.to}`;
  const swap = await swapRef(ctx.repo, `refs/heads/${journal.branch}`, journal.after, journal.before, reason, { runHooks });
  if (!swap.swapped) {
    await clearJournal(gitDirPath);
    return swap.why === 'hook-refused' ? fail('refused', HOOK_REFUSED_MOVE(journal.branch, swap.hookOutput)) : fail('conflict', BRANCH_MOVED(journal.branch));
  }
  checkpoint(`${journal.op}:after-ref`);
  try {
    await restoreFromCommit(ctx.repo, journal.after, journal.paths);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    return putBack(ctx, journal, gitDirPath, gitReason(error));
  }
  checkpoint(`${journal.op}:after-worktree`);
  const recorded = await recordJournal(ctx, journal);
  checkpoint(`${journal.op}:after-plan`);
  if (recorded.ok) await clearJournal(gitDirPath);
  if (runHooks && journal.forward) await runPostCommitHook(ctx.repo);
  return recorded.ok ? recorded : fail(recorded.error.code, `${recorded.error.message} ${PLAN_LATER}`, recorded.error.detail);
}

const PLAN_LATER = 'The next rename command, or opening the repository, records it once that is fixed.';

/** The files could not be written: the branch goes back, and the answer says so in words. */
async function putBack(ctx: PlanAccess, journal: Journal, gitDirPath: string, why: string): Promise<Result<never>> {
  const what = `The files of ${journalWords(journal)} could not be written (git: ${why})`;
  const branch = quotePath(journal.branch);
  const back = await putBranchBack(ctx.repo, gitDirPath, journal);
  if (!back.back) {
    return fail('conflict', `${what}, and the branch ${branch} moved meanwhile, so its commit stays on it. Once the cause is fixed, the next rename command, or opening the repository, writes them.`);
  }
  if (back.undone.kind !== 'settled') {
    const still = back.undone.kind === 'index-locked' ? `git's index is locked: ${quotePath(back.undone.lock)}` : `git: ${back.undone.reason}`;
    return fail('refused', `${what}, so the branch ${branch} is back at its commit from before, but some files it wrote are still there (${still}). The next rename command, or opening the repository, removes them.`);
  }
  await clearJournal(gitDirPath);
  const kept = back.undone.left.length > 0 ? ` Files someone changed meanwhile are kept as they are: ${back.undone.left.slice(0, 5).map(quotePath).join(', ')}.` : '';
  return fail('refused', `${what}, so the branch ${branch} is back at its commit from before and nothing changed.${kept} Fix what git names, then try again.`);
}

/**
 * Writes the rule's new phase and commits to the plan (a finished move also takes the sprint's
 * pairings and subsystems along, when the sprint's fork ref is `branch`).
 */
export function recordRule(ctx: PlanAccess, rule: RenameRule, branch: string): Promise<Result<PlanFollowUp | null>> {
  return recordRuleWithPlan(ctx, rule, branch);
}

/** What the plan records once the journal's branch moved: its rule, or the upstream move. */
export async function recordJournal(ctx: PlanAccess, journal: Journal): Promise<Result<PlanFollowUp | null>> {
  if (!journal.upstream) return recordRule(ctx, journal.rule, journal.branch);
  const recorded = await ctx.plan.record(journal.upstream, ctx.actor);
  return recorded.ok ? ok(null) : fail(recorded.error.code, `The merge commit is on the branch, but the plan could not record the new upstream: ${recorded.error.message}`);
}
