/**
 * Finishing or forgetting a rename operation that was killed or could not finish: if its commit
 * reached the branch, the index and files of its paths are brought in line (settle.ts tells the
 * operation's own writes from anyone's edits) and the plan records the rule; if not, whatever a
 * failed write left is undone and the journal goes. The journal stays until git, the files and
 * the plan agree: what cannot be finished now (a locked index, a plan that cannot be written) is
 * finished by the next command or opening. Runs under the operations' lock, before every
 * operation and at start-up.
 */
import { quotePath } from '../../../shared/paths';
import type { RenameRule } from '../../../shared/rename/model';
import { fail, ok, type Result } from '../../../shared/result';
import { currentBranch } from '../git/commit';
import { isAncestor } from '../git/merge-base';
import { commitId, gitDir } from '../git/rev-parse';
import { recordChanges, recordRule } from './atomic';
import type { Plan } from '../../../shared/model';
import type { PlanChange } from '../../../shared/plan/events';
import { pickupsRecorded } from '../../../shared/pickup/lands';
import type { PlanAccess } from '../context';
import type { JournalOutcome, RecoveryReport } from './recovery-report';

export type { JournalOutcome, RecoveryReport } from './recovery-report';
import { removeLeftoverBuildWorktrees } from './builds';
import { OPERATION_WORDS, clearJournal, journalWords, readJournal, releaseLock, removeScratchLeftovers, takeLock, type Journal } from './journal';
import { putBranchBack, settlePaths, type SettleOutcome } from './settle';


const LATER = 'The next rename command, or opening the repository, finishes it.';

/** Why a settle could not write, in words, for a journal that stays. */
function blocked(journal: Journal, outcome: Exclude<SettleOutcome, { kind: 'settled' }>): string {
  if (outcome.kind === 'index-locked') {
    return `Could not finish ${journalWords(journal)}: git's index is locked (${quotePath(outcome.lock)}). If no git command is running, a killed one left that file behind: remove it. ${LATER}`;
  }
  return `Could not finish ${journalWords(journal)}: its files could not be written (git: ${outcome.reason}). Fix what git names. ${LATER}`;
}

/** Does the plan record the rule as the journal says (phase and commits)? */
const planAgrees = (current: RenameRule, rule: RenameRule): boolean =>
  current.phase === rule.phase &&
  current.copyCommit === rule.copyCommit &&
  (current.syncCommit ?? null) === (rule.syncCommit ?? null) &&
  (current.moveCommit ?? null) === (rule.moveCommit ?? null);

/** Are a journal's own changes in the plan already (killed after the plan, before the journal went)? */
const changesRecorded = (plan: Plan, changes: readonly PlanChange[]): boolean =>
  changes.every((c) =>
    c.type === 'pickup.record' ? pickupsRecorded(plan.pickup, c.picked) : c.type === 'upstream.move' ? plan.sprint?.upstreamRef === c.upstreamRef : false,
  );

/** Finishes the journal's operation if its commit reached the branch, else forgets it; keeps the journal while that cannot be done. */
async function completeJournal(ctx: PlanAccess, dir: string, journal: Journal): Promise<JournalOutcome> {
  const base = { ruleId: journal.ruleId, op: journal.op, from: journal.rule.from, to: journal.rule.to };
  const tip = await commitId(ctx.repo, `refs/heads/${journal.branch}`);
  // The work tree and index are the branch's only while HEAD is on it.
  const onBranch = (await currentBranch(ctx.repo)) === journal.branch;
  let reached = tip !== null && (await isAncestor(ctx.repo, journal.after, tip));
  // Moving back (dropping a copy commit): its parent is always an ancestor; the copy must be gone too.
  if (reached && !journal.forward && tip !== null) reached = !(await isAncestor(ctx.repo, journal.before, tip));
  if (!reached || tip === null) {
    // The branch never moved, or went back after a failed write: undo what that write left.
    let leftAsIs: string[] = [];
    if (tip === journal.before && onBranch) {
      const undone = await settlePaths(ctx.repo, dir, journal, 'before', tip);
      if (undone.kind !== 'settled') return { ...base, outcome: 'unfinished', leftAsIs, problem: blocked(journal, undone) };
      leftAsIs = undone.left;
    }
    await clearJournal(dir);
    return { ...base, outcome: 'not-applied', leftAsIs };
  }
  let leftAsIs: string[] = [];
  if (onBranch) {
    const settled = await settlePaths(ctx.repo, dir, journal, 'after', tip);
    if (settled.kind === 'index-locked') return { ...base, outcome: 'unfinished', leftAsIs, problem: blocked(journal, settled) };
    if (settled.kind === 'write-failed') {
      // Only the operation's own commit can go back; commits made on top of it stay.
      const back = tip === journal.after ? await putBranchBack(ctx.repo, dir, journal) : { back: false as const };
      if (!back.back) return { ...base, outcome: 'unfinished', leftAsIs, problem: blocked(journal, settled) };
      if (back.undone.kind !== 'settled') return { ...base, outcome: 'unfinished', leftAsIs, problem: blocked(journal, back.undone) };
      await clearJournal(dir);
      return { ...base, outcome: 'put-back', leftAsIs: back.undone.left, problem: settled.reason };
    }
    leftAsIs = settled.left;
  }
  const { plan } = await ctx.plan.snapshot();
  const current = plan.renames[journal.ruleId];
  if (journal.changes) {
    const recorded = changesRecorded(plan, journal.changes) ? ok(null) : await recordChanges(ctx, journal.changes);
    if (!recorded.ok) return { ...base, outcome: 'unfinished', leftAsIs, problem: `Could not finish ${journalWords(journal)}: ${recorded.error.message} ${LATER}` };
  } else if (current && !planAgrees(current, journal.rule)) {
    const recorded = await recordRule(ctx, journal.rule, journal.branch);
    if (!recorded.ok) return { ...base, outcome: 'unfinished', leftAsIs, problem: `Could not finish ${journalWords(journal)}: ${recorded.error.message} ${LATER}` };
  }
  await clearJournal(dir);
  return { ...base, outcome: 'completed', leftAsIs };
}

/** Takes the operations' lock, finishes what a killed run left, then runs `fn` (whatever recovery's outcome). */
async function underLock<T>(ctx: PlanAccess, fn: (gitDirPath: string, recovered: JournalOutcome | null) => Promise<Result<T>>): Promise<Result<T>> {
  const dir = await gitDir(ctx.repo);
  const lock = await takeLock(dir);
  if (!lock.held) {
    return fail('refused', `Another Merge Sprint operation is changing this repository right now (process ${lock.pid}): wait for it to finish, then try again.`);
  }
  try {
    const journal = await readJournal(dir);
    const recovered = journal ? await completeJournal(ctx, dir, journal) : null;
    await removeScratchLeftovers(dir);
    return await fn(dir, recovered);
  } finally {
    await releaseLock(dir);
  }
}

/**
 * Runs `fn` holding the operations' lock, after finishing whatever a killed run left. Refuses
 * while another live process holds the lock, and while an earlier operation cannot be finished
 * (nothing is built on a half-finished one).
 */
export async function withRenameLock<T>(
  ctx: PlanAccess,
  fn: (gitDirPath: string, recovered: JournalOutcome | null) => Promise<Result<T>>,
): Promise<Result<T>> {
  return underLock(ctx, async (dir, recovered) => {
    if (recovered?.outcome === 'unfinished') return fail('conflict', `${recovered.problem ?? ''} Until then no other rename operation runs, so none builds on a half-finished one.`);
    return fn(dir, recovered);
  });
}

/**
 * For reads (the Rename view's list): if a killed run left a journal, finish it first, so the
 * rules shown match the branch. Skipped quietly while another operation holds the lock.
 */
export async function finishInterrupted(ctx: PlanAccess): Promise<void> {
  if (!(await readJournal(await gitDir(ctx.repo)))) return;
  await underLock(ctx, async () => ok(undefined));
}


/**
 * At start-up: finishes a killed operation, removes build worktrees of killed runs, and checks
 * that every copied or moved rule's commits are still on the current branch.
 */
export async function recoverRenames(ctx: PlanAccess): Promise<Result<RecoveryReport>> {
  return underLock(ctx, async (_dir, journal) => {
    const warnings: string[] = [];
    const head = await commitId(ctx.repo, 'HEAD');
    const { plan } = await ctx.plan.snapshot();
    for (const id of plan.renameOrder) {
      const rule = plan.renames[id];
      if (!rule || head === null) continue;
      const commit = rule.phase === 'copied' ? rule.copyCommit : rule.phase === 'moved' ? rule.moveCommit : null;
      if (commit && !(await isAncestor(ctx.repo, commit, head).catch(() => false))) {
        warnings.push(`The ${rule.phase === 'copied' ? 'interim copy' : 'move'} of ${quotePath(rule.from)} -> ${quotePath(rule.to)} (${commit.slice(0, 12)}) is not on the current branch: switch back to the branch it was made on.`);
      }
    }
    const removedWorktrees = await removeLeftoverBuildWorktrees(ctx.repo);
    return ok({ journal, removedWorktrees, warnings });
  });
}

/** What recovery did and what looks wrong, one line each, for a log (nothing when all was well). */
export function describeRecovery(report: RecoveryReport): string[] {
  const lines: string[] = [];
  const j = report.journal;
  if (j) {
    const what = `the interrupted ${OPERATION_WORDS[j.op]} of ${quotePath(j.from)} -> ${quotePath(j.to)}`;
    if (j.outcome === 'not-applied') lines.push(`Forgot ${what}: its commit never reached the branch, so nothing had changed.`);
    else if (j.outcome === 'completed') lines.push(`Finished ${what}: its commit was on the branch; the files and the plan now follow it.`);
    else if (j.outcome === 'put-back') lines.push(`Put back ${what}: its files could not be written (git: ${j.problem ?? 'no message'}), so the branch is at its commit from before and nothing changed; fix what git names, then run it again.`);
    else lines.push(j.problem ?? `Could not finish ${what}.`);
    if (j.leftAsIs.length > 0) {
      const shown = j.leftAsIs.slice(0, 5).map(quotePath).join(', ');
      lines.push(`Left ${shown}${j.leftAsIs.length > 5 ? ` and ${j.leftAsIs.length - 5} more` : ''} as they were: they changed meanwhile, so your version is kept.`);
    }
  }
  if (report.removedWorktrees.length > 0) {
    lines.push(`Removed ${report.removedWorktrees.length} build worktree${report.removedWorktrees.length === 1 ? '' : 's'} left by a killed build check.`);
  }
  return [...lines, ...report.warnings];
}
