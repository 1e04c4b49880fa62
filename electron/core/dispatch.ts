/**
 * One entry point for every API call, whichever way it came in (Electron IPC, the room server,
 * the command line): the channel must exist, the client must be allowed to call it
 * (shared/access.ts), the request must match its schema, and whatever the handler throws comes
 * back as a Result error in words.
 */
import type { z } from 'zod';
import { OWNER, refusalFor } from '../../shared/access';
import { contract, isChannel, type Channel, type PlanSnapshot, type Push } from '../../shared/api';
import type { Actor } from '../../shared/model';
import { fail, ok, type AppError, type Result } from '../../shared/result';
import type { Handlers, PlanStore, SprintContext } from './context';
import { GitError } from './git/errors';
import { openRepository } from './git/repository';
import { watchRepoRefs, type RepoWatch } from './git/repo-watch';
import { coreHandlers } from './handlers/core';
import { openPlanStore } from './plan/store';
import { renameHandlers } from './rename/handlers';
import { describeRecovery, recoverRenames, type RecoveryReport } from './rename/recover';
import { seriesHandlers } from './series/handlers';
import { resolveActor, withUnassignedFiles } from './sprint';

export const handlers: Handlers<Channel> = { ...coreHandlers, ...renameHandlers, ...seriesHandlers };

type AnyHandler = (ctx: SprintContext, request: unknown) => Promise<Result<unknown>>;

/** `pairings[0].fork` for a zod issue path. */
function fieldName(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out;
}

/** The bad fields of a request, in words: `upstreamRef is missing; pairings[0].fork: expected string, received number`. */
export function describeIssues(channel: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const field = fieldName(issue.path);
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    if (missing) return `${field || 'the request'} is missing`;
    const message = issue.message.replace(/^Invalid input: /, '');
    return field ? `${field}: ${message}` : message;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return `The request for ${channel} is not valid: ${parts.join('; ')}${more}.`;
}

/** A GitError as the user reads it, with git's own words kept in `detail`. */
export function gitFailure(error: GitError): { ok: false; error: AppError } {
  const firstLine = error.stderr.trim().split('\n')[0] ?? '';
  return fail('git-failed', `git ${error.operation} failed${firstLine ? `: ${firstLine}` : ''}.`, {
    operation: error.operation,
    args: error.args,
    stderr: error.stderr,
    kind: error.kind,
    ...(error.exitCode === null ? {} : { exitCode: error.exitCode }),
  });
}

/** The context a handler sees: a room client acts as the person it chose, never as the server's git user. */
function actingContext(ctx: SprintContext): SprintContext {
  return ctx.client.kind === 'room' && ctx.client.actor !== null ? { ...ctx, actor: ctx.client.actor } : ctx;
}

/** Answers one call. Never throws. */
export async function dispatch(ctx: SprintContext, channel: string, rawRequest: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail('bad-input', `There is no API call named ${JSON.stringify(channel.slice(0, 80))}.`);
  }
  // Before the request is even read: a refused client learns nothing from validation messages.
  const refused = refusalFor(channel, ctx.client);
  if (refused) return fail('refused', refused);
  const parsed = contract[channel].request.safeParse(rawRequest ?? {});
  if (!parsed.success) return fail('bad-input', describeIssues(channel, parsed.error));
  const handler = handlers[channel] as AnyHandler | undefined;
  if (!handler) return fail('internal', `The call ${channel} is declared but nothing answers it yet.`);
  try {
    return await handler(actingContext(ctx), parsed.data);
  } catch (error) {
    if (error instanceof GitError) return gitFailure(error);
    return fail('internal', `Merge Sprint failed while answering ${channel}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface SprintContextOptions {
  /** Who acts; default: the repository's git identity. */
  actor?: Actor;
  /** Receives every push (plan changes from this process or another, build and series logs). */
  push?: (push: Push) => void;
  /** Where start-up recovery reports what it did and what looks wrong; default: stderr. */
  log?: (line: string) => void;
}

/** An open repository: the handlers' context plus a way to listen to its pushes and to close it. */
export interface OpenSprint extends SprintContext {
  /** Adds a listener for pushes; returns the function that removes it. */
  subscribe(listener: (push: Push) => void): () => void;
  close(): void;
  /** What recovery of the rename plan did on opening; null when it could not run (it never stops the open). */
  recovery: RecoveryReport | null;
}

const logToStderr = (line: string): void => {
  process.stderr.write(`merge-sprint: ${line}\n`);
};

/**
 * Finishes or forgets a rename operation a killed run left, removes its build worktrees, and
 * checks the rules' commits are on the branch. Reports on the log; never fails: a repository
 * that cannot be recovered now (read-only, another operation running, which recovers first
 * itself) still opens.
 */
async function recoverOnOpen(ctx: SprintContext, log: (line: string) => void): Promise<RecoveryReport | null> {
  try {
    const report = await recoverRenames(ctx);
    if (!report.ok) {
      // 'refused': another live process holds the operations' lock and recovers before it acts.
      if (report.error.code !== 'refused') log(`Could not check for an interrupted rename operation: ${report.error.message}`);
      return null;
    }
    for (const line of describeRecovery(report.value)) log(line);
    return report.value;
  } catch (error) {
    log(`Could not check for an interrupted rename operation: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/**
 * Opens the repository and its plan store, recovers what a killed rename operation left, and
 * turns every plan change (made here, or by another process such as the command line) into a
 * `plan.changed` push with unassigned files.
 */
export async function openSprintContext(repo: string, opts: SprintContextOptions = {}): Promise<Result<OpenSprint>> {
  let root: string;
  let store: PlanStore;
  let actor: Actor;
  try {
    const opened = await openRepository(repo);
    if (!opened.ok) return opened;
    root = opened.value.root;
    [store, actor] = await Promise.all([openPlanStore(root), opts.actor ? Promise.resolve(opts.actor) : resolveActor(root)]);
  } catch (error) {
    if (error instanceof GitError) return gitFailure(error);
    throw error;
  }
  const listeners = new Set<(push: Push) => void>();
  if (opts.push) listeners.add(opts.push);
  // Commits, checkouts and fetches made outside the app are watched for while anyone listens.
  let refsWatch: RepoWatch | null = null;
  const watchRefs = (): void => {
    if (refsWatch === null && listeners.size > 0) refsWatch = watchRepoRefs(root, () => push({ type: 'repo.changed' }));
    if (refsWatch !== null && listeners.size === 0) {
      refsWatch.stop();
      refsWatch = null;
    }
  };
  const push = (p: Push): void => {
    for (const listener of listeners) {
      try {
        listener(p);
      } catch {
        // One broken listener (a closed window) must not stop the others.
      }
    }
  };
  const ctx: OpenSprint = {
    repo: root,
    client: OWNER,
    actor,
    plan: store,
    push,
    subscribe(listener) {
      listeners.add(listener);
      watchRefs();
      return () => {
        listeners.delete(listener);
        watchRefs();
      };
    },
    close() {
      stopWatching();
      listeners.clear();
      watchRefs();
      store.close();
    },
    recovery: null,
  };
  // Snapshots arrive in order; each push waits for the previous so boards never go back in time.
  let queue: Promise<void> = Promise.resolve();
  const stopWatching = store.onChange((snapshot: PlanSnapshot) => {
    queue = queue.then(async () => push({ type: 'plan.changed', snapshot: await withUnassignedFiles(ctx, snapshot) })).catch(() => undefined);
  });
  ctx.recovery = await recoverOnOpen(ctx, opts.log ?? logToStderr);
  watchRefs();
  return ok(ctx);
}
