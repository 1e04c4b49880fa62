/**
 * The plan store on `refs/merge-sprint/plan` (layout in ../git/plan-ref.ts). It keeps the fold
 * of the head it last read. Clients' commands come in through `change`, which takes only client
 * commands (no engine event, every path by the path rules); the services write through
 * `record`. Either way a change is checked against the current plan with applyChange,
 * appended as commits and published with a compare-and-swap of the ref. When another process
 * (the command line, a second window, a fetch and merge) wrote first, it re-reads, checks the
 * change again on the new plan and retries. Listeners hear of every new head, written here or
 * elsewhere (file watchers on the ref, and a once-a-second `rev-parse` as a fallback).
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { PlanEventsPush, PlanSnapshot, PlanWritten } from '../../../shared/api';
import type { Actor, Plan } from '../../../shared/model';
import { applyChange } from '../../../shared/plan/apply';
import type { ClientCommand, PlanChange, PlanEvent } from '../../../shared/plan/events';
import { parsePlanEvent } from '../../../shared/plan/fold';
import { historyOf, type PlanHistory } from '../../../shared/plan/history';
import { newEventId, nextEventTime } from '../../../shared/plan/ids';
import { parseClientCommand } from '../../../shared/plan/schema';
import { fail, ok, type Result } from '../../../shared/result';
import type { PlanStore } from '../context';
import { emptyTree } from '../git/trees';
import { backoff, commitPlanEvents, LOCK_MESSAGE, planRefFiles, readPlanHead, updatePlanRef } from './plan-ref';
import { activityOf, appendFolded, emptyLog, eventsSince, loadLog, type FoldedLog, type PlanProblem } from './log';

export interface GitPlanStore extends PlanStore {
  /** Events the fold skipped (refused after a merge) and commits holding no readable event. */
  problems(): Promise<PlanProblem[]>;
}

const POLL_MS = 1000;
const MAX_ATTEMPTS = 50;

export async function openPlanStore(repo: string): Promise<GitPlanStore> {
  const files = await planRefFiles(repo);
  const store = new RefPlanStore(repo, files);
  await store.snapshot();
  return store;
}

class RefPlanStore implements GitPlanStore {
  private log: FoldedLog = emptyLog();
  private queue: Promise<unknown> = Promise.resolve();
  private tree: string | null = null;
  private readonly listeners = new Set<(snapshot: PlanSnapshot, news: PlanEventsPush) => void>();
  /** The log as listeners last heard of it: the next news is the events after it. */
  private emitted: FoldedLog | null = null;
  private watchers = new Map<string, FSWatcher>();
  private timer: NodeJS.Timeout | null = null;
  private pending: NodeJS.Timeout | null = null;
  private activity: { head: string; events: PlanEvent[] } | null = null;
  private histories: { key: string; history: PlanHistory } | null = null;

  constructor(
    readonly repo: string,
    private readonly files: { gitDir: string; refDir: string; packedRefs: string },
  ) {}

  /** Runs `task` after every task before it: reads and writes of this store never interleave. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Re-reads the ref and folds what is new. */
  private async refresh(): Promise<FoldedLog> {
    const head = await readPlanHead(this.repo);
    this.log = await loadLog(this.repo, head, this.log);
    return this.log;
  }

  private snapshotOf(log: FoldedLog): PlanSnapshot {
    if (this.activity?.head !== log.head) this.activity = { head: log.head, events: activityOf(log) };
    return { plan: log.plan, activity: this.activity.events };
  }

  snapshot(): Promise<PlanSnapshot> {
    return this.exclusive(async () => this.snapshotOf(await this.refresh()));
  }

  history(actor: Actor): Promise<PlanHistory> {
    return this.exclusive(async () => {
      const log = await this.refresh();
      // One replay per head and person: a reload, or a second window of the same person, asks again.
      const key = `${log.head}\n${actor.name}\n${actor.email}`;
      if (this.histories?.key !== key) this.histories = { key, history: historyOf(log.events, actor) };
      return this.histories.history;
    });
  }

  async problems(): Promise<PlanProblem[]> {
    return this.exclusive(async () => (await this.refresh()).problems);
  }

  change(command: ClientCommand, actor: Actor): Promise<Result<PlanWritten>> {
    return this.changeAll([command], actor);
  }

  changeAll(commands: ClientCommand[], actor: Actor): Promise<Result<PlanWritten>> {
    // Typed callers can only pass commands; this also holds for whatever reaches here untyped.
    const checked: ClientCommand[] = [];
    for (const [i, command] of commands.entries()) {
      const parsed = parseClientCommand(command);
      if (!parsed.ok) return Promise.resolve(fail(parsed.error.code, `${commands.length > 1 ? `Change ${i + 1} of ${commands.length}: ` : ''}${parsed.error.message}`));
      checked.push(parsed.value);
    }
    return this.recordAll(checked, actor);
  }

  record(change: PlanChange, actor: Actor): Promise<Result<PlanWritten>> {
    return this.recordAll([change], actor);
  }

  recordAll(changes: PlanChange[], actor: Actor): Promise<Result<PlanWritten>> {
    if (changes.length === 0) {
      return this.exclusive(async () => {
        const log = await this.refresh();
        return ok({ ...this.snapshotOf(log), news: { type: 'plan.events' as const, from: log.head, to: log.head, events: [] } });
      });
    }
    return this.exclusive(() => this.append(changes, actor));
  }

  private async append(changes: PlanChange[], actor: Actor): Promise<Result<PlanWritten>> {
    this.tree ??= await emptyTree(this.repo);
    let locked = 0;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // The first attempt builds on the head last read: the ref's compare-and-swap refuses it if
      // another writer moved the ref since, and only then is the ref read again. A drag costs
      // two git commands instead of three.
      const log = attempt === 0 && locked === 0 ? this.log : await this.refresh();
      const built = buildEvents(log, changes, actor);
      if (!built.ok) return built;
      const head = await commitPlanEvents(this.repo, built.value.events, log.head, this.tree);
      const update = await updatePlanRef(this.repo, head, log.head);
      if (update === 'updated') {
        this.log = appendFolded(log, head, built.value.plan, built.value.events);
        const snapshot = this.snapshotOf(this.log);
        this.emit(this.log, snapshot);
        return ok({ ...snapshot, news: { type: 'plan.events', from: log.head, to: head, events: built.value.events } });
      }
      if (update === 'locked' && ++locked > 20) return fail('conflict', LOCK_MESSAGE);
      await backoff(attempt);
    }
    return fail('conflict', 'The plan kept changing while this change was being saved: try again.');
  }

  onChange(listener: (snapshot: PlanSnapshot, news: PlanEventsPush) => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.startWatching();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopWatching();
    };
  }

  close(): void {
    this.listeners.clear();
    this.stopWatching();
  }

  /** Tells every listener about a new head, once per head, with the events since the head they heard of last. */
  private emit(log: FoldedLog, snapshot: PlanSnapshot): void {
    const base = this.emitted;
    if (base === null || log.head === base.head) return;
    this.emitted = log;
    const events = eventsSince(log, base);
    const news: PlanEventsPush = { type: 'plan.events', from: events ? base.head : null, to: log.head, events: events ?? [] };
    for (const listener of [...this.listeners]) {
      try {
        listener(snapshot, news);
      } catch {
        // A failing listener (a closed window) must not keep the others from hearing.
      }
    }
  }

  /** Re-reads the ref after a watcher or the poll saw something, and tells listeners if it moved. */
  private check(): void {
    void this.exclusive(async () => {
      if (this.listeners.size === 0) return;
      const log = await this.refresh();
      this.emit(log, this.snapshotOf(log));
    }).catch(() => undefined);
  }

  private soon(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.check();
    }, 15);
    this.pending.unref();
  }

  private startWatching(): void {
    this.emitted = this.log;
    // The ref's own folder appears with the first plan commit; until then watch .git/refs.
    this.watchPath(this.files.gitDir);
    this.watchPath(path.join(this.files.gitDir, 'refs'));
    this.watchPath(this.files.refDir);
    this.timer = setInterval(() => {
      if (!this.watchers.has(this.files.refDir)) this.watchPath(this.files.refDir);
      this.check();
    }, POLL_MS);
    this.timer.unref();
    this.check();
  }

  private watchPath(dir: string): void {
    if (this.watchers.has(dir) || !existsSync(dir)) return;
    try {
      const watcher = watch(dir, { persistent: false }, () => this.soon());
      watcher.on('error', () => {
        watcher.close();
        this.watchers.delete(dir);
      });
      this.watchers.set(dir, watcher);
    } catch {
      // Watching is a speed-up; the poll still sees every change.
    }
  }

  private stopWatching(): void {
    this.emitted = null;
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    if (this.timer) clearInterval(this.timer);
    if (this.pending) clearTimeout(this.pending);
    this.timer = null;
    this.pending = null;
  }
}

/**
 * The events for `changes` on top of `log`: each checked as it will be read back (the event
 * schema) and against the plan the changes before it leave (applyChange), timed after the
 * newest event in the log so that the fold applies them last, exactly as checked here.
 */
function buildEvents(log: FoldedLog, changes: PlanChange[], actor: Actor): Result<{ plan: Plan; events: PlanEvent[] }> {
  let plan = log.plan;
  let newest = log.events.at(-1)?.at ?? null;
  const events: PlanEvent[] = [];
  for (const [i, change] of changes.entries()) {
    const at = nextEventTime(new Date(), newest);
    const where = changes.length > 1 ? `Change ${i + 1} of ${changes.length} (${change.type}): ` : '';
    const parsed = parsePlanEvent({ ...change, id: newEventId(at), at, by: actor });
    if (!parsed.ok) return fail('bad-input', `${where}${parsed.error.message}`);
    const applied = applyChange(plan, parsed.value);
    if (!applied.ok) return fail(applied.error.code, `${where}${applied.error.message}`, applied.error.detail);
    plan = applied.value;
    newest = at;
    events.push(parsed.value);
  }
  return ok({ plan, events });
}
