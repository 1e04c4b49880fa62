/**
 * A repository's plan sync as the app runs it (one per RepoServices): one sync at a time, the
 * state the header shows (in sync, N changes to send, N new, offline, the last error in
 * words), a push of that state to every board when it changes, and syncing by itself every N
 * seconds (`merge-sprint serve --sync-every`, or the clone's `merge-sprint.syncEvery` that the
 * window's setting writes). `dispose` stops the timer.
 */
import type { Actor } from '../../../shared/model';
import { fail, ok, type Result } from '../../../shared/result';
import { SYNC_EVERY_MAX, SYNC_EVERY_MIN, type NotApplied, type SyncPush, type SyncReport, type SyncState } from '../../../shared/sync/api';
import { readConfig, unsetLocalConfig, writeLocalConfig } from '../git/config';
import { listRemotes } from '../git/remote';
import { countCommitsSince } from '../git/rev-list';
import { commitId } from '../git/rev-parse';
import { emptyLog, type FoldedLog } from './log';
import { readPlanHead } from './plan-ref';
import { DEFAULT_REMOTE, remotePlanRef, syncPlan } from './sync';

export const SYNC_EVERY_KEY = 'merge-sprint.syncEvery';
const NOT_APPLIED_KEPT = 50;

export interface PlanSync {
  sync(actor: Actor, remote?: string): Promise<Result<SyncReport>>;
  state(): Promise<SyncState>;
  /** Sync by itself every `seconds` (null: only when asked), kept in the clone's git config. */
  setEvery(seconds: number | null): Promise<Result<SyncState>>;
  /** Tells the boards the state again (after a plan change here: one more change to send). */
  refresh(): void;
  dispose(): void;
}

export interface PlanSyncOptions {
  /** Signs the merge commits of automatic syncs. */
  actor: Actor;
  push: (push: SyncPush) => void;
  /** Seconds between automatic syncs, overriding the clone's setting (`serve --sync-every`). */
  every?: number;
}

/** The clone's own setting, or null when it has none (or one that is no whole number in range). */
async function everyFromConfig(repo: string): Promise<number | null> {
  const n = Number(await readConfig(repo, SYNC_EVERY_KEY));
  return Number.isInteger(n) && n >= SYNC_EVERY_MIN && n <= SYNC_EVERY_MAX ? n : null;
}

export async function createPlanSync(repo: string, opts: PlanSyncOptions): Promise<PlanSync> {
  let every = opts.every ?? (await everyFromConfig(repo));
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<Result<SyncReport>> | null = null;
  let disposed = false;
  let log: FoldedLog = emptyLog();
  let lastRemote: string | null = null;
  let lastSyncAt: string | null = null;
  let lastIncoming = 0;
  let lastError: { message: string; offline: boolean } | null = null;
  let notApplied: NotApplied[] = [];

  const state = async (): Promise<SyncState> => {
    const remotes = await listRemotes(repo);
    const remote = lastRemote ?? (remotes.includes(DEFAULT_REMOTE) ? DEFAULT_REMOTE : null);
    const base = { remote, lastIncoming, lastSyncAt, lastError: lastError?.message ?? null, notApplied, every, syncing: running !== null };
    if (remote === null) return { ...base, status: 'no-remote', toSend: 0 };
    const [head, theirs] = await Promise.all([readPlanHead(repo), commitId(repo, remotePlanRef(remote))]);
    const toSend = await countCommitsSince(repo, head, theirs ?? '');
    const status = lastError ? (lastError.offline ? 'offline' : 'error') : toSend > 0 ? 'to-send' : lastSyncAt === null && theirs === null ? 'never' : 'in-sync';
    return { ...base, status, toSend };
  };

  const tell = (): void => {
    if (disposed) return;
    void state().then((s) => opts.push({ type: 'sync.state', state: s }), () => undefined);
  };

  const runSync = (actor: Actor, remote?: string): Promise<Result<SyncReport>> => {
    if (running) return running;
    const task = (async (): Promise<Result<SyncReport>> => {
      const done = await syncPlan(repo, { actor, log, ...(remote === undefined ? {} : { remote }) });
      lastSyncAt = new Date().toISOString();
      if (!done.ok) {
        lastError = { message: done.error.message, offline: done.error.detail?.kind === 'remote-unreachable' };
        return done;
      }
      const { log: folded, ...report } = done.value;
      log = folded;
      lastRemote = report.remote;
      lastError = null;
      lastIncoming = report.incoming.length;
      notApplied = [...report.notApplied.reverse(), ...notApplied].slice(0, NOT_APPLIED_KEPT);
      return ok(report);
    })();
    running = task;
    tell();
    return task.finally(() => {
      running = null;
      tell();
    });
  };

  const schedule = (): void => {
    if (timer) clearInterval(timer);
    timer = null;
    if (every === null || disposed) return;
    timer = setInterval(() => {
      if (running === null) void runSync(opts.actor).catch(() => undefined);
    }, every * 1000);
    timer.unref();
  };
  schedule();

  return {
    sync: runSync,
    state,
    async setEvery(seconds) {
      if (seconds !== null && !(Number.isInteger(seconds) && seconds >= SYNC_EVERY_MIN && seconds <= SYNC_EVERY_MAX)) {
        return fail('bad-input', `Sync every takes a whole number of seconds from ${SYNC_EVERY_MIN} to ${SYNC_EVERY_MAX}, or none to sync only when asked; not ${seconds}.`);
      }
      if (seconds === null) await unsetLocalConfig(repo, SYNC_EVERY_KEY);
      else await writeLocalConfig(repo, SYNC_EVERY_KEY, String(seconds));
      every = seconds;
      schedule();
      const s = await state();
      opts.push({ type: 'sync.state', state: s });
      return ok(s);
    },
    refresh: tell,
    dispose() {
      disposed = true;
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
