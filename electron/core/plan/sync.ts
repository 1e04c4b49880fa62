/**
 * Syncing the plan through a git remote: fetch the remote's `refs/merge-sprint/plan` into
 * `refs/merge-sprint/remotes/<remote>/plan`, merge it with ours (plan-ref.ts: the union of both
 * logs), and push the result as a fast-forward of the remote's ref. When the push is refused
 * because someone pushed meanwhile, the round starts again, a bounded number of times.
 *
 * Every step leaves the plan before or after: the fetch moves only our copy of the remote's ref,
 * the merge is the plan ref's compare-and-swap, and the remote moves its ref at once or not at
 * all. A sync killed anywhere is finished by the next one. Git's own authentication is used
 * (credential helpers, ssh agent); the runner sets GIT_TERMINAL_PROMPT=0, so a remote asking
 * for a password fails with git's words instead of waiting on a prompt nobody sees.
 */
import type { Actor, Plan } from '../../../shared/model';
import { describeEvent } from '../../../shared/plan/describe';
import type { PlanEvent } from '../../../shared/plan/events';
import { orderEvents } from '../../../shared/plan/fold';
import { fail, ok, type AppError, type Result } from '../../../shared/result';
import type { NotApplied, SyncedEvent, SyncReport } from '../../../shared/sync/api';
import { GitError } from '../git/errors';
import { fetchRef } from '../git/fetch';
import { readMessages } from '../git/log';
import { pushFastForward } from '../git/push';
import { listRemotes } from '../git/remote';
import { readRefCommits } from '../git/refs';
import { checkpoint } from '../rename/checkpoint';
import { swapRef } from '../git/update-ref';
import { emptyLog, eventsNotIn, eventsOf, loadLogWalked, type FoldedLog } from './log';
import { backoff, mergePlanCommit, PLAN_REF } from './plan-ref';

export const DEFAULT_REMOTE = 'origin';
const MAX_ROUNDS = 5;

/** Our copy of a remote's plan ref. */
export const remotePlanRef = (remote: string): string => `refs/merge-sprint/remotes/${remote}/plan`;

/** A remote name git config can hold but a ref cannot (`refs/merge-sprint/remotes/<name>/plan`). */
const REF_SAFE = /^(?!.*\.\.)(?!.*\/\/)(?!.*\.lock(\/|$))[A-Za-z0-9_][A-Za-z0-9._/-]*(?<![./])$/;

/** The remote to sync with: the one named, else `origin`; a message naming the clone's remotes otherwise. */
export async function chooseRemote(repo: string, named: string | undefined): Promise<Result<string>> {
  const remotes = await listRemotes(repo);
  if (remotes.length === 0) {
    return fail('not-found', 'This clone has no git remote to share the plan through: add one with `git remote add origin URL` (a bare repository on a shared disk, ssh, http or git daemon), then sync again.');
  }
  const wanted = named ?? DEFAULT_REMOTE;
  if (!remotes.includes(wanted)) {
    const hint = named === undefined ? ' (origin is the default)' : '';
    return fail(named === undefined ? 'not-found' : 'bad-input', `This clone has no remote named "${wanted}"${hint}: name one of its remotes with --remote (${remotes.join(', ')}).`);
  }
  if (!REF_SAFE.test(wanted)) return fail('bad-input', `The remote "${wanted}" has a name that cannot be part of a ref name: rename it with \`git remote rename\` (letters, digits, ".", "_", "-", "/").`);
  return ok(wanted);
}

/** A failure of a remote, in words: what was wrong and what to do; the plan here is as it was. */
export function remoteFailure(remote: string, error: GitError): { ok: false; error: AppError } {
  const said = error.stderr.trim().split('\n').find((l) => l.startsWith('fatal:') || l.startsWith('ssh:'))?.replace(/^fatal:\s*/, '') ?? error.stderr.trim().split('\n')[0] ?? '';
  if (error.kind === 'remote-unreachable') {
    return fail('refused', `The remote "${remote}" did not answer (${said}): check the network, its address (\`git remote -v\`) and that you may read it; the plan here is unchanged and the next sync sends what waits.`, { kind: error.kind, stderr: error.stderr });
  }
  return fail('git-failed', `Syncing with "${remote}" failed: ${said || error.message}. The plan here is unchanged.`, { kind: error.kind, stderr: error.stderr });
}

function describeAll(events: PlanEvent[], plan: Plan): SyncedEvent[] {
  return events.map((e) => ({ id: e.id, type: e.type, at: e.at, by: e.by.name, words: describeEvent(e, plan) }));
}

async function eventsBetween(repo: string, head: string, since: string): Promise<PlanEvent[]> {
  if (head === '' || head === since) return [];
  // git log lists newest first; a report reads oldest first, in the fold's order.
  return orderEvents(eventsOf(await readMessages(repo, head, since)).events);
}

export interface SyncOptions {
  remote?: string;
  actor: Actor;
  /** The fold of a head read before, to fold only what is new (the sync service keeps it). */
  log?: FoldedLog;
}

/** One sync: fetch, merge, push, repeated while someone else pushes meanwhile. */
export async function syncPlan(repo: string, opts: SyncOptions): Promise<Result<SyncReport & { log: FoldedLog }>> {
  const chosen = await chooseRemote(repo, opts.remote);
  if (!chosen.ok) return chosen;
  const remote = chosen.value;
  const tracking = remotePlanRef(remote);
  let before: string | null = null;
  let theirs = '';
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    let fetched;
    try {
      fetched = await fetchRef(repo, remote, PLAN_REF, tracking);
    } catch (error) {
      if (error instanceof GitError) return remoteFailure(remote, error);
      throw error;
    }
    checkpoint('sync:after-fetch');
    // Each git process counts when twenty clones sync every second: one for-each-ref reads our
    // head, theirs and their tree, and the merge says where it left the plan. The fetch moves
    // only our copy of theirs, so our head read after it is still the plan before this sync.
    const heads = await readRefCommits(repo, [PLAN_REF, tracking]);
    let ours = heads.get(PLAN_REF)?.commit ?? '';
    before ??= ours;
    const other = fetched === 'fetched' ? heads.get(tracking) : undefined;
    theirs = other?.commit ?? '';
    if (other && theirs !== ours) {
      const merged = await mergePlanCommit(repo, tracking, other, opts.actor, ours);
      if (!merged.ok) return merged;
      ours = merged.value.head;
    }
    checkpoint('sync:after-merge');
    if (ours === '' || ours === theirs) {
      return ok(await report(repo, { remote, before, head: ours, pushedFrom: theirs, pushed: '', round, log: opts.log }));
    }
    checkpoint('sync:before-push');
    let outcome;
    try {
      outcome = await pushFastForward(repo, remote, ours, PLAN_REF);
    } catch (error) {
      if (error instanceof GitError) return remoteFailure(remote, error);
      throw error;
    }
    if (outcome.pushed) {
      // Our copy of the remote's ref follows the push, so "changes to send" counts from it.
      await swapRef(repo, tracking, ours, null, 'merge-sprint: plan pushed');
      return ok(await report(repo, { remote, before, head: ours, pushedFrom: theirs, pushed: ours, round, log: opts.log }));
    }
    if (outcome.why === 'refused') {
      const why = outcome.remoteSays ? `${outcome.summary}: ${outcome.remoteSays}` : outcome.summary;
      return fail('refused', `The remote "${remote}" refused the plan (${why}): ask its owner for the right to push ${PLAN_REF}, or sync through another remote with --remote. The plan here keeps every change; nothing was sent.`);
    }
    await backoff(round);
  }
  return fail('conflict', `Others kept pushing to "${remote}" while this sync ran (${MAX_ROUNDS} rounds of fetch, merge and push): sync again in a moment; nothing is lost.`);
}

interface Round {
  remote: string;
  before: string;
  head: string;
  pushedFrom: string;
  pushed: string;
  round: number;
  log: FoldedLog | undefined;
}

async function report(repo: string, r: Round): Promise<SyncReport & { log: FoldedLog }> {
  const { log, walk } = await loadLogWalked(repo, r.head, r.log ?? emptyLog());
  // What came in is what the fold has now that the fold of the head before did not. Otherwise
  // (changes made here since the last sync) the commits the fold just read say it, and what
  // went out too, and git is asked again only when they cannot.
  const incoming = r.log?.head === r.before ? log.events.filter((e) => !r.log?.ids.has(e.id)) : (eventsNotIn(walk, r.before) ?? (await eventsBetween(repo, r.head, r.before)));
  const outgoing = r.pushed === '' ? [] : ((r.pushed === walk.head ? eventsNotIn(walk, r.pushedFrom) : null) ?? (await eventsBetween(repo, r.pushed, r.pushedFrom)));
  const reasons = new Map(log.problems.map((p) => [p.id, p.reason]));
  const notApplied: NotApplied[] = [...incoming, ...outgoing]
    .filter((e) => log.skippedIds.has(e.id))
    .map((e) => ({ id: e.id, words: describeEvent(e, log.plan), reason: reasons.get(e.id) ?? 'it no longer applies after the merge' }));
  return {
    remote: r.remote,
    incoming: describeAll(incoming, log.plan),
    outgoing: describeAll(outgoing, log.plan),
    notApplied,
    head: r.head,
    rounds: r.round,
    at: new Date().toISOString(),
    log,
  };
}
