/**
 * Picking up: one commit per fork commit on the sprint branch, keeping its author, date and
 * message with a trailer `(picked up from commit <sha>)` as `cherry-pick -x` writes one. The
 * commits are built in one `git fast-import` (git objects only), checked, then the branch moves
 * once by compare-and-swap with the rename plan's journal (../rename/atomic.ts), the files of the
 * pick-up follow, and the plan records what was picked up: killed at any point, the branch is
 * before or after. A conflict stops the pick-up at that commit: nothing of it or after it is written.
 */
import { onlyTouchesCard, touchesCard } from '../../../shared/pickup/lands';
import { PICKUP_TRAILER, type PickupApplied, type PickupCommit } from '../../../shared/pickup/model';
import type { PlanChange } from '../../../shared/plan/events';
import { quotePath } from '../../../shared/paths';
import type { RenameRule } from '../../../shared/rename/model';
import { fail, ok, type Result } from '../../../shared/result';
import type { PlanAccess } from '../context';
import { importCommits } from '../git/fast-import';
import { readRunHooks } from '../git/hooks';
import { moveBranch } from '../rename/atomic';
import { checkpoint } from '../rename/checkpoint';
import { describeDrift, ruleDrift } from '../rename/drift';
import { checkNamesFit, checkRepoState, checkTouchedPaths } from '../rename/guard';
import { withRenameLock } from '../rename/recover';
import { isUnder } from '../../../shared/paths';
import { preparePickup, publicCommit, replayCandidates, type Candidate, type Prepared, type Waiting } from './prepare';

export interface PickupRequest {
  from?: string;
  commits?: string[];
  card?: string;
}

/** The fork commit's message with its trailer, as `cherry-pick -x` adds one. */
export const pickupMessage = (message: string, commit: string): string => `${message.replace(/\s+$/, '')}\n\n${PICKUP_TRAILER(commit)}\n`;

type Selection = { chosen: Candidate[]; skipped: PickupApplied['skipped'] };

/** Which waiting commits the request names: the ones given, one card's, or all. */
async function select(ctx: PlanAccess, p: Prepared, req: PickupRequest): Promise<Result<Selection>> {
  if (req.commits && req.commits.length > 0) {
    const chosen = new Set<Candidate>();
    for (const given of req.commits) {
      const found = p.candidates.filter((c) => c.fork.commit.startsWith(given.toLowerCase()));
      if (found.length === 0) return fail('not-found', `The commit ${given} is not waiting to be picked up from ${quotePath(p.ref)}: it is on the sprint branch or was picked up already, or it is not on that ref. List what waits with \`merge-sprint pickup\`.`);
      if (found.length > 1) return fail('bad-input', `${given} is the start of ${found.length} waiting commits: give more of its digits.`);
      chosen.add(found[0] as Candidate);
    }
    return ok({ chosen: p.candidates.filter((c) => chosen.has(c)), skipped: [] });
  }
  if (req.card !== undefined) {
    const { plan } = await ctx.plan.snapshot();
    const cards = plan.subsystemOrder.map((id) => plan.subsystems[id]).filter((s) => s !== undefined);
    const card = cards.find((s) => s.id === req.card) ?? cards.find((s) => s.name.toLowerCase() === (req.card as string).toLowerCase());
    if (!card) return fail('not-found', `There is no card ${quotePath(req.card)}: cards are ${cards.map((s) => quotePath(s.name)).slice(0, 10).join(', ') || 'not made yet'}.`);
    const touching = p.candidates.filter((c) => touchesCard(c, card));
    const chosen = touching.filter((c) => onlyTouchesCard(c, card));
    const skipped = touching.filter((c) => !chosen.includes(c)).map((c) => ({ commit: c.fork.commit, why: `it also changes files of other cards: pick it up with the whole list` }));
    return ok({ chosen, skipped });
  }
  return ok({ chosen: p.candidates, skipped: [] });
}

/** Refuses while a copied rule the pick-up writes into drifts: the change would land on two different copies. */
async function checkNoDrift(repo: string, rules: readonly RenameRule[], head: string, paths: readonly string[]): Promise<Result<void>> {
  for (const rule of rules.filter((r) => r.phase === 'copied' && paths.some((p) => isUnder(p, r.from) || isUnder(p, r.to)))) {
    const drift = await ruleDrift(repo, rule, head);
    if (drift.length > 0) {
      return fail('refused', `The interim copies ${quotePath(rule.from)} and ${quotePath(rule.to)} drift apart (${describeDrift(drift)}): sync them first (rename sync), so the pick-up lands each change on two equal copies. Nothing was changed.`);
    }
  }
  return ok(undefined);
}

/** The rule a pick-up's journal names it by in messages (the journal records its own changes). */
const journalRule = (p: Prepared): RenameRule => ({ id: 'pickup', from: p.ref, to: p.branch, phase: 'planned', copyCommit: null, moveCommit: null });

export async function applyPickup(ctx: PlanAccess, req: PickupRequest): Promise<Result<PickupApplied>> {
  return withRenameLock(ctx, async (gitDirPath) => {
    const state = await checkRepoState(ctx.repo);
    if (!state.ok) return state;
    const prepared = await preparePickup(ctx, req.from);
    if (!prepared.ok) return prepared;
    const p = prepared.value;
    if (p.notDescendant) return fail('refused', `${p.notDescendant} Nothing was changed.`);
    const selection = await select(ctx, p, req);
    if (!selection.ok) return selection;
    const replayed = await replayCandidates(ctx, p, selection.value.chosen);
    const stop = replayed.findIndex((c) => c.status === 'conflict');
    const taken = stop < 0 ? replayed : replayed.slice(0, stop);
    const stoppedAt: PickupCommit | null = stop < 0 ? null : publicCommit(replayed[stop] as Waiting);
    const result: PickupApplied = { picked: [], skipped: selection.value.skipped, stoppedAt };
    const writing = taken.filter((c) => c.status === 'clean');
    const paths = [...new Set(writing.flatMap((c) => [...c.writes.keys()]))];
    if (paths.length > 0) {
      const touched = await checkTouchedPaths(ctx.repo, paths, { ignoredInTheWay: true });
      if (!touched.ok) return touched;
      const drift = await checkNoDrift(ctx.repo, p.rules, state.value.head, paths);
      if (!drift.ok) return drift;
    }
    checkpoint('pickup:checked');
    // All the commits in one `git fast-import`: its trees stay in memory, so 200 commits over a
    // Linux-size tree cost one process, not an index rewrite each.
    const committer = { name: ctx.actor.name, email: ctx.actor.email };
    const now = `${Math.floor(Date.now() / 1000)} +0000`;
    const ids = await importCommits(ctx.repo, state.value.head, writing.map((c) => ({
      entries: c.edits.map((e) => ('remove' in e ? { path: e.path, mode: '0', oid: '' } : e)),
      message: pickupMessage(c.fork.message, c.commit),
      author: { name: c.fork.authorName, email: c.fork.authorEmail },
      committer,
      date: c.fork.authorDate,
      committerDate: now,
    })));
    const made = new Map(writing.map((c, i) => [c.commit, ids[i] as string]));
    const tip = ids.at(-1) ?? state.value.head;
    result.picked = taken.map((c) => ({ from: c.commit, commit: made.get(c.commit) ?? null }));
    if (result.picked.length === 0) return ok(result);
    const changes: PlanChange[] = [{ type: 'pickup.record', picked: result.picked }];
    if (made.size === 0) {
      const recorded = await ctx.plan.recordAll(changes, ctx.actor);
      return recorded.ok ? ok(result) : recorded;
    }
    const fits = await checkNamesFit(ctx.repo, gitDirPath, tip, state.value.head, paths);
    if (!fits.ok) return fits;
    checkpoint('pickup:built');
    const moved = await moveBranch(ctx, {
      op: 'pickup', ruleId: 'pickup', branch: state.value.branch, before: state.value.head, after: tip, forward: true, paths, rule: journalRule(p), changes,
    }, gitDirPath, { runHooks: await readRunHooks(ctx.repo) });
    return moved.ok ? ok(result) : moved;
  });
}
