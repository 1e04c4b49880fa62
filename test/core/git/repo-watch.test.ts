/**
 * Commits, checkouts and fetches made outside the app reach open boards as a `repo.changed`
 * push; reading the repository (git status rewriting the index) does not.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Push } from '../../../shared/api';
import { openRepoServices } from '../../../electron/core/host/services';
import type { RepoServices } from '../../../electron/core/context';
import { watchRepoRefs, type RepoWatch } from '../../../electron/core/git/repo-watch';
import { cleanup, git, makeCommit, makeRepo } from '../../helpers/repo';

const dirs: string[] = [];
const watches: RepoWatch[] = [];
const contexts: RepoServices[] = [];
afterEach(() => {
  for (const w of watches.splice(0)) w.stop();
  for (const c of contexts.splice(0)) c.dispose();
  cleanup(...dirs.splice(0));
});

function repoWithCommit(): string {
  const repo = makeRepo();
  dirs.push(repo);
  makeCommit(repo, { files: { 'a.c': 'one\n' }, message: 'first' });
  return repo;
}

/** Resolves with the number of calls once `count()` reaches `want`, or rejects after `ms`. */
function until(count: () => number, want: number, ms = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = setInterval(() => {
      if (count() >= want) {
        clearInterval(tick);
        resolve(count());
      } else if (Date.now() - started > ms) {
        clearInterval(tick);
        reject(new Error(`expected ${want} call(s), saw ${count()}`));
      }
    }, 20);
  });
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('watchRepoRefs', () => {
  it('calls once per move of a branch, HEAD or tag, and not for reads of the repository', async () => {
    const repo = repoWithCommit();
    let calls = 0;
    watches.push(watchRepoRefs(repo, () => calls++));
    // The first reading is the baseline; git status rewrites the index but moves no ref.
    await pause(300);
    git(repo, ['status', '--porcelain']);
    git(repo, ['log', '--oneline']);
    await pause(2500);
    expect(calls).toBe(0);

    makeCommit(repo, { files: { 'a.c': 'two\n' }, message: 'second' });
    await until(() => calls, 1);
    git(repo, ['checkout', '-q', '--detach', 'HEAD~1']);
    await until(() => calls, 2);
    git(repo, ['tag', 'v1']);
    await until(() => calls, 3);
    // A branch in a nested folder, which no watcher covers: the poll finds it.
    git(repo, ['branch', 'team/feature']);
    await until(() => calls, 4);
    await pause(2500);
    expect(calls).toBe(4);
  });

  it('stops calling once stopped', async () => {
    const repo = repoWithCommit();
    let calls = 0;
    const watch = watchRepoRefs(repo, () => calls++);
    await pause(300);
    watch.stop();
    makeCommit(repo, { files: { 'a.c': 'two\n' }, message: 'second' });
    await pause(2500);
    expect(calls).toBe(0);
  });
});

describe('an open sprint', () => {
  it('pushes repo.changed to its listeners after a plain git commit, and only while someone listens', async () => {
    const repo = repoWithCommit();
    const opened = await openRepoServices(repo, { log: () => undefined });
    if (!opened.ok) throw new Error(opened.error.message);
    contexts.push(opened.value);
    const pushes: Push[] = [];
    const stop = opened.value.subscribe((p) => pushes.push(p));
    const changed = (): number => pushes.filter((p) => p.type === 'repo.changed').length;
    await pause(300);
    makeCommit(repo, { files: { 'b.c': 'new\n' }, message: 'outside the app' });
    await until(changed, 1);

    stop();
    makeCommit(repo, { files: { 'b.c': 'newer\n' }, message: 'nobody listens' });
    await pause(2500);
    expect(changed()).toBe(1);
  });
});
