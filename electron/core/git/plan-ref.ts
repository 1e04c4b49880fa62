/**
 * The plan's event log in git, on `refs/merge-sprint/plan`: one commit per event, each the
 * child of the previous head. Nothing here touches the working tree, the index or HEAD.
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
import { NO_HOOKS } from './commit';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Actor } from '../../../shared/model';
import type { PlanEvent } from '../../../shared/plan/events';
import { fail, ok, type Result } from '../../../shared/result';
import { GitError } from './errors';
import { git, splitNul } from './exec';

export const PLAN_REF = 'refs/merge-sprint/plan';


/** The plan ref's commit, or '' when the repository has no plan yet. */
export async function readPlanHead(repo: string): Promise<string> {
  // Output: "<commit id>\n". Exit 1 with --quiet: the ref does not exist (no plan yet).
  const out = await git(repo, ['rev-parse', '--verify', '--quiet', `${PLAN_REF}^{commit}`], { successExitCodes: [1] });
  return out.exitCode === 0 ? out.stdout.trim() : '';
}

/** Writes the empty tree object (plan commits have it) and returns its id, e.g. "4b825dc6…\n". */
export async function writeEmptyTree(repo: string): Promise<string> {
  const out = await git(repo, ['mktree'], { input: '' });
  return out.stdout.trim();
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

/**
 * Creates one commit from a message file (no size limit on standard input or the command
 * line), with the given identity, and returns its id. `git commit-tree` prints "<id>\n".
 */
export async function commitTreeFromFile(repo: string, tree: string, parents: string[], messageFile: string, env: Record<string, string>): Promise<string> {
  const args = ['commit-tree', '--no-gpg-sign', ...parents.flatMap((p) => ['-p', p]), '-F', messageFile, tree];
  const out = await git(repo, args, { env });
  return out.stdout.trim();
}

/** Runs `write` with a fresh temporary folder, removed afterwards. */
async function withTempDir<T>(write: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'merge-sprint-plan-'));
  try {
    return await write(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes the events as a chain of commits on top of `parent` ('' for none); returns the last. */
export async function commitPlanEvents(repo: string, events: PlanEvent[], parent: string, tree: string): Promise<string> {
  return withTempDir(async (dir) => {
    let head = parent;
    for (const [i, event] of events.entries()) {
      const file = path.join(dir, `event-${i}.txt`);
      await writeFile(file, eventMessage(event), 'utf8');
      head = await commitTreeFromFile(repo, tree, head === '' ? [] : [head], file, identityEnv(event.by, event.at));
    }
    return head;
  });
}

/** A merge commit of two plan heads (no event in it): the union of both logs. */
export async function commitPlanMerge(repo: string, tree: string, ours: string, theirs: string, actor: Actor, at: string): Promise<string> {
  return withTempDir(async (dir) => {
    const file = path.join(dir, 'merge.txt');
    await writeFile(file, `plan: merge ${theirs.slice(0, 12)} by ${actor.name.replace(/\s+/g, ' ')}\n`, 'utf8');
    return commitTreeFromFile(repo, tree, [ours, theirs], file, identityEnv(actor, at));
  });
}

export type RefUpdate = 'updated' | 'moved' | 'locked';

/**
 * Moves the plan ref from `expected` ('' = must not exist yet) to `next`, atomically.
 * 'moved': someone else wrote the plan meanwhile (re-read and retry); 'locked': another
 * writer holds `refs/merge-sprint/plan.lock` right now (wait and retry).
 */
export async function updatePlanRef(repo: string, next: string, expected: string): Promise<RefUpdate> {
  const old = expected === '' ? '0'.repeat(next.length) : expected;
  try {
    // The repository's reference-transaction hook is not run for the app's own plan writes.
    await git(repo, [...NO_HOOKS, 'update-ref', '-m', 'merge-sprint: plan change', PLAN_REF, next, old]);
    return 'updated';
  } catch (error) {
    // Exit 128 is also how update-ref says "the ref moved" or "the ref is locked": tell which.
    if (!(error instanceof GitError)) throw error;
    if ((await readPlanHead(repo)) !== expected) return 'moved';
    if (/lock/i.test(error.stderr)) return 'locked';
    throw error;
  }
}

export interface PlanCommit {
  commit: string;
  parents: string[];
  message: string;
}

/**
 * Parses `git log -z --format=%H%x00%P%x00%B`: per commit three NUL-terminated fields, the id,
 * the parents separated by spaces ('' for the first commit) and the raw message:
 *   "3a68…\0\0plan: person.put by Ada\n\n{…}\n\0" + "9fce…\0" + "3a68… 77b1…\0plan: merge…\n\0"
 */
export function parsePlanLog(out: string): PlanCommit[] {
  const fields = splitNul(out);
  const commits: PlanCommit[] = [];
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const parents = (fields[i + 1] as string).trim();
    commits.push({ commit: fields[i] as string, parents: parents === '' ? [] : parents.split(' '), message: fields[i + 2] as string });
  }
  return commits;
}

/** The commits reachable from `head` and not from `since` (all of them when `since` is ''). */
export async function readPlanCommits(repo: string, head: string, since = ''): Promise<PlanCommit[]> {
  if (head === '') return [];
  const revs = since === '' ? [head] : [head, `^${since}`];
  const out = await git(repo, ['log', '-z', '--no-show-signature', '--format=%H%x00%P%x00%B', '--end-of-options', ...revs, '--']);
  return parsePlanLog(out.stdout);
}

/** Is `ancestor` reachable from `descendant`? `merge-base --is-ancestor` answers with exit 0 or 1. */
export async function isPlanAncestor(repo: string, ancestor: string, descendant: string): Promise<boolean> {
  const out = await git(repo, ['merge-base', '--is-ancestor', '--end-of-options', ancestor, descendant], { successExitCodes: [1] });
  return out.exitCode === 0;
}

/** The commit and tree a ref names, or null when it names no commit (exit 1 with --quiet). */
export async function resolvePlanCandidate(repo: string, ref: string): Promise<{ commit: string; tree: string } | null> {
  // Output: "<commit id>\n<tree id>\n".
  const out = await git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { successExitCodes: [1] });
  if (out.exitCode !== 0) return null;
  const commit = out.stdout.trim();
  const tree = await git(repo, ['rev-parse', '--verify', '--end-of-options', `${commit}^{tree}`]);
  return { commit, tree: tree.stdout.trim() };
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
  const tree = await writeEmptyTree(repo);
  if (other.tree !== tree) return fail('refused', `"${otherRef}" is not a Merge Sprint plan (its commit holds files): name a fetched copy of ${PLAN_REF}.`);
  let lockedTries = 0;
  for (let attempt = 0; attempt < 50; attempt++) {
    const head = await readPlanHead(repo);
    if (head === other.commit || (head !== '' && (await isPlanAncestor(repo, other.commit, head)))) return ok({ head, outcome: 'up-to-date' });
    const fastForward = head === '' || (await isPlanAncestor(repo, head, other.commit));
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
 * its folder, and packed-refs (after `git pack-refs` or a fetch that packs). From
 * `git rev-parse --git-common-dir`, which prints the shared git folder, e.g. ".git\n".
 */
export async function planRefFiles(repo: string): Promise<{ gitDir: string; refDir: string; refFile: string; packedRefs: string }> {
  const out = await git(repo, ['rev-parse', '--git-common-dir']);
  const gitDir = path.resolve(repo, out.stdout.replace(/\n$/, ''));
  const refDir = path.join(gitDir, 'refs', 'merge-sprint');
  return { gitDir, refDir, refFile: path.join(refDir, 'plan'), packedRefs: path.join(gitDir, 'packed-refs') };
}
