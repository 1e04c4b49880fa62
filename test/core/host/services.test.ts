/**
 * One repository's services as the API host serves them: disposing them stops the refs watcher
 * and the builds they run, and a run belongs to its repository, so a Cancel sent to another
 * repository's board stops nothing.
 */
import { setTimeout as pause } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Push } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import type { RepoServices } from '../../../electron/core/context';
import { callRepo } from '../../../electron/core/host';
import { openRepoServices } from '../../../electron/core/host/services';
import { findBuild, startBuild } from '../../../electron/core/rename/builds';
import { cleanup, git, makeCommit, makeRepo } from '../../helpers/repo';

const dirs: string[] = [];
const open: RepoServices[] = [];
afterEach(() => {
  for (const services of open.splice(0)) services.dispose();
  cleanup(...dirs.splice(0));
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

async function repoServices(): Promise<RepoServices> {
  const repo = makeRepo();
  dirs.push(repo);
  makeCommit(repo, { files: { 'a.c': 'one\n' }, message: 'first' });
  const services = value<RepoServices>(await openRepoServices(repo, { log: () => undefined }));
  open.push(services);
  return services;
}

/** A build check whose command sleeps far longer than any test waits. */
async function startSleepingBuild(services: RepoServices): Promise<{ runId: string; done: Promise<{ stopped: string | null; passed: boolean }> }> {
  const { id } = value<{ id: string }>(await callRepo(services, 'build.add', { name: 'slow', command: 'echo started; sleep 120' }));
  const build = value<Parameters<typeof startBuild>[1]>(await findBuild(services, { buildId: id }));
  let started: () => void = () => undefined;
  const sawStart = new Promise<void>((resolve) => (started = resolve));
  const run = value<{ runId: string; done: Promise<{ stopped: string | null; passed: boolean }> }>(
    await startBuild(services, build, { onLog: (chunk) => chunk.includes('started') && started() }),
  );
  await sawStart;
  return run;
}

const buildWorktrees = (repo: string): string[] =>
  git(repo, ['worktree', 'list', '--porcelain']).split('\n').filter((l) => l.startsWith('worktree ') && l.includes('merge-sprint-build-'));

describe('RepoServices.dispose', () => {
  it('cancels a running build, which removes its worktree, and leaves no run listed', async () => {
    const services = await repoServices();
    const run = await startSleepingBuild(services);
    expect(buildWorktrees(services.repo)).toHaveLength(1);
    const before = Date.now();
    services.dispose();
    const outcome = await run.done;
    expect(outcome).toMatchObject({ stopped: 'cancelled', passed: false });
    expect(Date.now() - before).toBeLessThan(10_000);
    expect(buildWorktrees(services.repo)).toEqual([]);
    expect(services.builds.list()).toEqual([]);
  });

  it('stops the refs watcher: a commit after dispose pushes nothing, even to a late listener', async () => {
    const services = await repoServices();
    const pushes: Push[] = [];
    services.subscribe((p) => pushes.push(p));
    await pause(300);
    makeCommit(services.repo, { files: { 'a.c': 'two\n' }, message: 'seen' });
    for (let waited = 0; pushes.length === 0 && waited < 10_000; waited += 50) await pause(50);
    expect(pushes.map((p) => p.type)).toContain('repo.changed');

    services.dispose();
    const late: Push[] = [];
    services.subscribe((p) => late.push(p));
    makeCommit(services.repo, { files: { 'a.c': 'three\n' }, message: 'after dispose' });
    await pause(2500);
    expect(late).toEqual([]);
  });
});

describe('build.cancel', () => {
  it("from one repository's services cannot cancel another repository's run", async () => {
    const [mine, theirs] = await Promise.all([repoServices(), repoServices()]);
    const run = await startSleepingBuild(mine);
    expect(value<{ cancelled: boolean }>(await callRepo(theirs, 'build.cancel', { runId: run.runId }))).toEqual({ cancelled: false });
    expect(mine.builds.list().map((r) => r.runId)).toEqual([run.runId]);
    expect(value<{ cancelled: boolean }>(await callRepo(mine, 'build.cancel', { runId: run.runId }))).toEqual({ cancelled: true });
    expect(await run.done).toMatchObject({ stopped: 'cancelled' });
  });
});
