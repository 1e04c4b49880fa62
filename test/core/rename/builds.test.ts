import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { addBuild, cancelBuild, removeLeftoverBuildWorktrees, startBuild } from '../../../electron/core/rename/builds';
import { cleanup, git } from '../../helpers/repo';
import { head, makeXenRepo, statusZ } from './fixture';
import { renameContext } from './memory-plan';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

async function setup(command: string) {
  const repo = makeXenRepo();
  repos.push(repo);
  const ctx = renameContext(repo);
  const build = await addBuild(ctx, 'check', command);
  if (!build.ok) throw new Error(build.error.message);
  return { repo, ctx, build: build.value };
}

const worktrees = (repo: string): string[] => git(repo, ['worktree', 'list', '--porcelain']).split('\n').filter((l) => l.startsWith('worktree '));

describe('build checks', () => {
  test('run in a temporary worktree of HEAD, not in the working tree, stream the log, and leave nothing behind', async () => {
    const { repo, ctx, build } = await setup('pwd; cat README; echo made > build-output.txt; ls arch/xen/kernel/run.sh');
    writeFileSync(path.join(repo, 'README'), 'uncommitted edit\n');
    const chunks: string[] = [];
    const started = await startBuild(ctx, build, { onLog: (c) => chunks.push(c) });
    if (!started.ok) throw new Error(started.error.message);
    const result = await started.value.done;
    const log = chunks.join('');
    const [where] = log.split('\n');
    expect(where).not.toBe(repo);
    expect(log).toContain('readme\n');
    expect(log).not.toContain('uncommitted edit');
    expect(result).toMatchObject({ passed: true, exitCode: 0, stopped: null, commit: head(repo) });
    expect(existsSync(path.join(repo, 'build-output.txt'))).toBe(false);
    expect(existsSync(where as string)).toBe(false);
    expect(worktrees(repo)).toEqual([`worktree ${repo}`]);
    expect(statusZ(repo)).toBe(' M README\0');
    expect((await ctx.plan.snapshot()).plan.builds[build.id]?.last).toMatchObject({ passed: true, commit: head(repo), exitCode: 0 });
  });

  test('a failing command fails, with its exit code', async () => {
    const { ctx, build } = await setup('echo broken >&2; exit 3');
    const started = await startBuild(ctx, build);
    if (!started.ok) throw new Error(started.error.message);
    expect(await started.value.done).toMatchObject({ passed: false, exitCode: 3, stopped: null });
  });

  test('cancel stops the whole command and still removes the worktree', async () => {
    const { repo, ctx, build } = await setup('echo started; sleep 60 & wait');
    let sawStart: () => void = () => undefined;
    const startedLog = new Promise<void>((r) => (sawStart = r));
    const started = await startBuild(ctx, build, { onLog: (c) => c.includes('started') && sawStart() });
    if (!started.ok) throw new Error(started.error.message);
    await startedLog;
    expect(cancelBuild(ctx, started.value.runId)).toBe(true);
    expect(await started.value.done).toMatchObject({ passed: false, stopped: 'cancelled' });
    expect(worktrees(repo)).toEqual([`worktree ${repo}`]);
    expect(cancelBuild(ctx, started.value.runId)).toBe(false);
  });

  test('the time limit stops a build', async () => {
    const { ctx, build } = await setup('sleep 60');
    const started = await startBuild(ctx, build, { timeoutMs: 300 });
    if (!started.ok) throw new Error(started.error.message);
    expect(await started.value.done).toMatchObject({ passed: false, stopped: 'timeout' });
  });

  test('two build checks may not share a name', async () => {
    const { ctx } = await setup('true');
    const again = await addBuild(ctx, 'CHECK', 'false');
    expect(again.ok).toBe(false);
  });

  test('a worktree left by a killed run is removed at recovery; one of a live run is kept', async () => {
    const { repo } = await setup('true');
    const made: string[] = [];
    for (const owner of ['999999999', String(process.pid)]) {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'merge-sprint-build-'));
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'owner.pid'), owner);
      git(repo, ['worktree', 'add', '--detach', '-q', path.join(folder, 'tree'), 'HEAD']);
      made.push(folder);
    }
    const removed = await removeLeftoverBuildWorktrees(repo);
    expect(removed).toEqual([path.join(made[0] as string, 'tree')]);
    expect(existsSync(made[0] as string)).toBe(false);
    expect(worktrees(repo)).toEqual([`worktree ${repo}`, `worktree ${path.join(made[1] as string, 'tree')}`]);
    git(repo, ['worktree', 'remove', '--force', path.join(made[1] as string, 'tree')]);
    cleanup(made[1] as string);
  });
});
