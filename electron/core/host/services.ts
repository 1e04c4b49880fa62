/**
 * Opening one repository's services (RepoServices): the repository, its plan store, who acts,
 * the fan-out of pushes to every board on it, the refs watcher, the registries of running
 * builds and series checks, and the caches keyed by commit id. `dispose` undoes all of it.
 */
import { OWNER } from '../../../shared/access';
import type { Push } from '../../../shared/api';
import type { Actor } from '../../../shared/model';
import { ok, type Result } from '../../../shared/result';
import type { PlanStore, RepoCaches, RepoServices } from '../context';
import { GitError } from '../git/errors';
import { closeRepository, openRepository } from '../git/repository';
import { watchRepoRefs, type RepoWatch } from '../git/repo-watch';
import { personForIdentity, resolveActor } from '../plan/actor';
import { openPlanStore } from '../plan/store';
import { createPlanSync, type PlanSync } from '../plan/sync-service';
import { describeRecovery, recoverRenames } from '../rename/recover';
import type { RecoveryReport } from '../rename/recovery-report';
import { gitFailure } from './host';
import { createLru } from './lru';
import { createRunRegistry } from './runs';

export interface RepoServicesOptions {
  /** Who acts; default: the sprint's person with the clone's user.email, else its git identity. */
  actor?: Actor;
  /** Receives every push (plan changes from this process or another, build and series logs). */
  push?: (push: Push) => void;
  /** Sync the plan with the clone's remote every this many seconds (`serve --sync-every`). */
  syncEvery?: number;
  /** Where start-up recovery reports what it did and what looks wrong; default: stderr. */
  log?: (line: string) => void;
}

const logToStderr = (line: string): void => {
  process.stderr.write(`merge-sprint: ${line}\n`);
};

function createCaches(): RepoCaches {
  return {
    inventoryFiles: createLru(8),
    inventoriesInFlight: new Map(),
    forkPaths: createLru(8),
    destinationBefore: createLru(16),
    seriesNumstat: createLru(4),
    seriesFileBytes: createLru(4),
    teamWork: createLru(2),
    seriesApplies: createLru(2),
    planEvents: createLru(2),
  };
}

function clearCaches(caches: RepoCaches): void {
  for (const cache of Object.values(caches) as Array<{ clear(): void }>) cache.clear();
}

/**
 * Finishes or forgets a rename operation a killed run left, removes its build worktrees, and
 * checks the rules' commits are on the branch. Reports on the log; never fails: a repository
 * that cannot be recovered now (read-only, another operation running, which recovers first
 * itself) still opens.
 */
async function recoverOnOpen(ctx: RepoServices, log: (line: string) => void): Promise<RecoveryReport | null> {
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
 * `plan.events` push of the new events.
 */
export async function openRepoServices(repo: string, opts: RepoServicesOptions = {}): Promise<Result<RepoServices>> {
  let root: string;
  let store: PlanStore;
  let actor: Actor;
  let sync: PlanSync;
  try {
    const opened = await openRepository(repo);
    if (!opened.ok) return opened;
    root = opened.value.root;
    const [planStore, identity] = await Promise.all([openPlanStore(root), opts.actor ? Promise.resolve(opts.actor) : resolveActor(root)]);
    store = planStore;
    // On a laptop the person whose email is the clone's user.email signs with the board's name for them.
    actor = opts.actor ?? personForIdentity((await store.snapshot()).plan, identity);
    sync = await createPlanSync(root, { actor, push: (p) => push(p), ...(opts.syncEvery === undefined ? {} : { every: opts.syncEvery }) });
  } catch (error) {
    if (error instanceof GitError) return gitFailure(error);
    throw error;
  }
  const listeners = new Set<(push: Push) => void>();
  if (opts.push) listeners.add(opts.push);
  // Commits, checkouts and fetches made outside the app are watched for while anyone listens.
  let refsWatch: RepoWatch | null = null;
  let disposed = false;
  const watchRefs = (): void => {
    if (refsWatch === null && listeners.size > 0 && !disposed) refsWatch = watchRepoRefs(root, () => push({ type: 'repo.changed' }));
    if (refsWatch !== null && (listeners.size === 0 || disposed)) {
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
  const caches = createCaches();
  const builds = createRunRegistry<{ buildId: string; commit: string }>();
  const seriesRuns = createRunRegistry<Record<string, never>>();
  let stopPlanPushes = (): void => undefined;
  const services: RepoServices = {
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
    builds,
    seriesRuns,
    caches,
    sync,
    recovery: null,
    dispose() {
      if (disposed) return;
      disposed = true;
      stopPlanPushes();
      sync.dispose();
      listeners.clear();
      watchRefs();
      builds.cancelAll();
      seriesRuns.cancelAll();
      clearCaches(caches);
      store.close();
      // Lets go of the repository's git process pool; a later call (another context on the
      // same clone) simply makes a new one.
      closeRepository(root);
    },
  };
  // Each push carries only the new events (and the head they apply to), in the store's order.
  stopPlanPushes = store.onChange((_snapshot, news) => {
    push(news);
    // One more change to send, or one a sync brought: the header's count follows.
    sync.refresh();
  });
  const recovery = await recoverOnOpen(services, opts.log ?? logToStderr);
  watchRefs();
  return ok({ ...services, recovery });
}
