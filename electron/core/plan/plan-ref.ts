/**
 * The plan's event log in git, on `refs/merge-sprint/plan`: one commit per event, each the
 * child of the previous head. Nothing here touches the working tree, the index or HEAD; the git
 * verbs it uses are the git layer's (rev-parse, commit-tree, update-ref, log, merge-base).
 *
 * Layout: every commit has the empty tree; the event is the commit message, a summary line,
 * a blank line, then the event as one line of JSON. Why the message and not an `event.json`
 * blob: one object per event instead of three (blob, tree, commit), and the whole log reads
 * with a single `git log` (no `cat-file` per event). The empty tree also marks a plan commit
 * for what it is: no branch of the project has it, so merging a wrong ref is caught cheaply.
 *
 * Durability: git writes each object to a temporary file and renames it into place, and
 * update-ref moves the ref through a lock file renamed over the old one, so a kill at any
 * instant leaves the ref at the old head or the new one, never at a half-written commit.
 * Two laptops' logs merge as a merge commit with both heads as parents: the union of events.
 */
import path from 'node:path';
import type { Actor } from '../../../shared/model';
import type { PlanEvent } from '../../../shared/plan/events';
import { fail, ok, type Result } from '../../../shared/result';
import { commitTree } from '../git/commit';
import { mergeBase } from '../git/merge-base';
import { commitId, commonGitDir, treeId } from '../git/rev-parse';
import { emptyTree } from '../git/trees';
import { swapRef } from '../git/update-ref';

export const PLAN_REF = 'refs/merge-sprint/plan';

/** The plan ref's commit, or '' when the repository has no plan yet. */
export async function readPlanHead(repo: string): Promise<string> {
  return (await commitId(repo, PLAN_REF)) ?? '';
}

/** The git identity of a plan commit: the actor, without the characters git refuses in an ident. */
export function identityEnv(actor: Actor, at: string): Record<string, string> {
  const clean = (s: string) => s.replace(/[<>\r\n\0]/g, ' ').trim();
  const name = /[\p{L}\p{N}]/u.test(clean(actor.name)) ? clean(actor.name) : 'merge-sprint';
  const email = clean(actor.email).replace(/\s+/g, '');
  const ms = Date.parse(at);
  // The event's own time is in its JSON; git's date only has to be one git accepts (1970-2099).
  const seconds = Math.min(Math.max(Math.floor((Number.isNaN(ms) ? Date.now() : ms) / 1000), 0), 4102444799);
  const date = `${seconds} +0000`;
  return {
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: email,
    GIT_COMMITTER_DATE: date,
  };
}

/** The commit message of an event: a readable summary line, a blank line, the JSON. */
export function eventMessage(event: PlanEvent): string {
  return `plan: ${event.type} by ${event.by.name.replace(/\s+/g, ' ')}\n\n${JSON.stringify(event)}\n`;
}

/** The JSON part of a plan commit's message, parsed; an error for a message that holds none. */
export function parseEventMessage(message: string): Result<unknown> {
  const blank = message.indexOf('\n\n');
  const body = blank < 0 ? '' : message.slice(blank + 2).trim();
  if (body === '') return fail('bad-input', 'The commit holds no plan event.');
  try {
    return ok(JSON.parse(body) as unknown);
  } catch (error) {
    return fail('bad-input', `The commit's plan event is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Writes the events as a chain of commits on top of `parent` ('' for none); returns the last. */
export async function commitPlanEvents(repo: string, events: PlanEvent[], parent: string, tree: string): Promise<string> {
  let head = parent;
  for (const event of events) {
    head = await commitTree(repo, tree, head === '' ? [] : [head], eventMessage(event), { identity: identityEnv(event.by, event.at), unsigned: true });
  }
  return head;
}

/** A merge commit of two plan heads (no event in it): the union of both logs. */
export async function commitPlanMerge(repo: string, tree: string, ours: string, theirs: string, actor: Actor, at: string): Promise<string> {
  const message = `plan: merge ${theirs.slice(0, 12)} by ${actor.name.replace(/\s+/g, ' ')}\n`;
  return commitTree(repo, tree, [ours, theirs], message, { identity: identityEnv(actor, at), unsigned: true });
}

export type RefUpdate = 'updated' | 'moved' | 'locked';

/**
 * Moves the plan ref from `expected` ('' = must not exist yet) to `next`, atomically.
 * 'moved': someone else wrote the plan meanwhile (re-read and retry); 'locked': another
 * writer holds `refs/merge-sprint/plan.lock` right now (wait and retry). The repository's
 * reference-transaction hook is not run for the app's own plan writes.
 */
export async function updatePlanRef(repo: string, next: string, expected: string): Promise<RefUpdate> {
  const swap = await swapRef(repo, PLAN_REF, next, expected, 'merge-sprint: plan change');
  if (swap.swapped) return 'updated';
  if (swap.why === 'ref-moved') return 'moved';
  if (swap.why === 'ref-locked') return 'locked';
  throw swap.error;
}

/** The commit and tree a ref names, or null when it names no commit. */
export async function resolvePlanCandidate(repo: string, ref: string): Promise<{ commit: string; tree: string } | null> {
  const commit = await commitId(repo, ref);
  return commit === null ? null : { commit, tree: await treeId(repo, commit) };
}

export const LOCK_MESSAGE =
  'Another process holds the plan\'s lock (refs/merge-sprint/plan.lock in the .git folder). If no merge-sprint or git command is running, a crashed one left it: delete that file and try again.';

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits a little longer on each attempt: another writer is between its lock and its rename. */
export const backoff = (attempt: number): Promise<void> => delay(Math.min(20 * 2 ** Math.min(attempt, 5), 500));

export type PlanMergeOutcome = 'up-to-date' | 'fast-forward' | 'merged';

const SYSTEM_ACTOR: Actor = { name: 'merge-sprint', email: '' };

/**
 * Merges another plan log (for example `refs/merge-sprint/remotes/origin/plan`, fetched from a
 * colleague's clone) into ours: nothing to do when we have it already, a fast-forward when
 * ours is behind, else a merge commit with both heads as parents. Neither side's events are
 * lost; the fold orders them by time. Retries when the plan moves meanwhile.
 */
export async function mergePlanRef(repo: string, otherRef: string, actor: Actor = SYSTEM_ACTOR): Promise<Result<{ head: string; outcome: PlanMergeOutcome }>> {
  if (otherRef.trim() === '' || otherRef.startsWith('-') || /[\0\n]/.test(otherRef)) {
    return fail('bad-input', `"${otherRef}" is not a ref name: name the fetched plan ref, for example refs/merge-sprint/remotes/origin/plan.`);
  }
  const other = await resolvePlanCandidate(repo, otherRef);
  if (!other) return fail('unknown-ref', `"${otherRef}" names no commit here: fetch the plan first, e.g. git fetch origin ${PLAN_REF}:refs/merge-sprint/remotes/origin/plan.`);
  return mergePlanCommit(repo, otherRef, other, actor);
}

/**
 * mergePlanRef for a commit and tree already read (a sync reads both heads in one for-each-ref).
 * `ours` is the plan head read with them, if any: the first attempt builds on it, and the ref's
 * compare-and-swap refuses it when the plan moved since, so it is never trusted blindly.
 */
export async function mergePlanCommit(repo: string, otherRef: string, other: { commit: string; tree: string }, actor: Actor, ours?: string): Promise<Result<{ head: string; outcome: PlanMergeOutcome }>> {
  const tree = await emptyTree(repo);
  if (other.tree !== tree) return fail('refused', `"${otherRef}" is not a Merge Sprint plan (its commit holds files): name a fetched copy of ${PLAN_REF}.`);
  let lockedTries = 0;
  for (let attempt = 0; attempt < 50; attempt++) {
    const head = attempt === 0 && ours !== undefined ? ours : await readPlanHead(repo);
    if (head === other.commit) return ok({ head, outcome: 'up-to-date' });
    // One merge-base answers both directions: it is theirs when we have their log already, ours
    // when ours is behind (a fast-forward), another commit or none when both went on.
    const base = head === '' ? '' : await mergeBase(repo, head, other.commit);
    if (base === other.commit) return ok({ head, outcome: 'up-to-date' });
    const fastForward = base === head;
    const next = fastForward ? other.commit : await commitPlanMerge(repo, tree, head, other.commit, actor, new Date().toISOString());
    const update = await updatePlanRef(repo, next, head);
    if (update === 'updated') return ok({ head: next, outcome: fastForward ? 'fast-forward' : 'merged' });
    if (update === 'locked' && ++lockedTries > 20) return fail('conflict', LOCK_MESSAGE);
    await backoff(attempt);
  }
  return fail('conflict', 'The plan kept changing while it was being merged: try again.');
}

/**
 * The files whose change means the plan ref may have moved, for a file watcher: the loose ref,
 * its folder, and packed-refs (after `git pack-refs` or a fetch that packs), in the git folder
 * every worktree shares.
 */
export async function planRefFiles(repo: string): Promise<{ gitDir: string; refDir: string; refFile: string; packedRefs: string }> {
  const gitDir = await commonGitDir(repo);
  const refDir = path.join(gitDir, 'refs', 'merge-sprint');
  return { gitDir, refDir, refFile: path.join(refDir, 'plan'), packedRefs: path.join(gitDir, 'packed-refs') };
}
