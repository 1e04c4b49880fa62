/**
 * Plan stores on real repositories for a test file: each call makes a repository (or opens one)
 * that the file's afterEach closes and removes, and `cloneWithPlan` gives a second laptop's clone
 * that starts from the first one's plan.
 */
import { afterEach } from 'vitest';
import { openPlanStore, type GitPlanStore } from '../../electron/core/plan/store';
import { PLAN_REF } from '../../electron/core/plan/plan-ref';
import { cleanup, git, makeCommit, makeRepo, tempDir, type FileSpec } from './repo';

export interface PlanStoreFixture {
  /** A repository with one commit of these files (a README when none are given). */
  repo(files?: Record<string, FileSpec>): string;
  open(repo: string): Promise<GitPlanStore>;
  /** A clone of `origin` whose plan ref is origin's, as a colleague's laptop after a fetch. */
  cloneWithPlan(origin: string): string;
  /** Fetches origin's plan into the clone's remote-tracking plan ref and returns that ref. */
  fetchPlan(clone: string): string;
}

export function planStoreFixture(): PlanStoreFixture {
  const dirs: string[] = [];
  const stores: GitPlanStore[] = [];
  afterEach(() => {
    for (const s of stores.splice(0)) s.close();
    cleanup(...dirs.splice(0));
  });
  const remoteRef = 'refs/merge-sprint/remotes/origin/plan';
  return {
    repo(files = { README: 'hello\n' }) {
      const r = makeRepo();
      dirs.push(r);
      makeCommit(r, { files });
      return r;
    },
    async open(repo) {
      const s = await openPlanStore(repo);
      stores.push(s);
      return s;
    },
    cloneWithPlan(origin) {
      const clone = tempDir();
      dirs.push(clone);
      git(clone, ['clone', '-q', origin, clone]);
      git(clone, ['fetch', '-q', 'origin', `${PLAN_REF}:${PLAN_REF}`]);
      return clone;
    },
    fetchPlan(clone) {
      git(clone, ['fetch', '-q', 'origin', `${PLAN_REF}:${remoteRef}`]);
      return remoteRef;
    },
  };
}
