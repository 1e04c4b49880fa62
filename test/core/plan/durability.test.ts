/**
 * The plan survives a kill at any instant: a child process appends plan steps in a loop and is
 * SIGKILLed (with its git processes: the whole process group) at random moments. After each
 * kill the plan must read without error, be the fold of a prefix of the intended steps (no
 * step half there: each is one changeAll of two events), and `git fsck` must find no broken ref.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openPlanStore } from '../../../electron/core/plan/store';
import { PLAN_REF } from '../../../electron/core/plan/plan-ref';
import { cleanup, git, makeCommit, makeRepo } from '../../helpers/repo';

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures', 'append-loop.ts');
const projectRoot = path.resolve(here, '..', '..', '..');

/** Starts the writer, waits until it is writing, lets it run for `ms`, then kills its process group. */
function runAndKill(repo: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', fixture, repo], { cwd: projectRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), ms);
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the writer stopped by itself (exit ${code}): ${stderr}`));
    });
  });
}

describe('plan durability', () => {
  it('reads a whole prefix of the intended steps after kills at random instants', async () => {
    const repo = makeRepo();
    dirs.push(repo);
    makeCommit(repo, { files: { README: 'hello\n' } });
    let before = 0;
    for (let round = 0; round < 6; round++) {
      await runAndKill(repo, 50 + Math.floor(Math.random() * 900));
      const lock = path.join(repo, '.git', 'refs', 'merge-sprint', 'plan.lock');
      const store = await openPlanStore(repo);
      const { plan } = await store.snapshot();
      store.close();
      const steps = plan.personOrder.length;
      // A prefix: p0..p(k-1), each with its subsystem and all of its files, nothing else.
      expect(plan.personOrder).toEqual([...Array(steps).keys()].map((i) => `p${i}`));
      expect(plan.subsystemOrder).toEqual([...Array(steps).keys()].map((i) => `s${i}`));
      for (const id of plan.subsystemOrder) expect(plan.subsystems[id]?.files).toHaveLength(2000);
      expect(steps).toBeGreaterThanOrEqual(before);
      before = steps;
      // Git agrees: two event commits per step, and a sound repository.
      const commits = steps === 0 ? 0 : Number(git(repo, ['rev-list', '--count', PLAN_REF]).trim());
      expect(commits).toBe(steps * 2);
      const fsck = git(repo, ['fsck', '--no-dangling', '--no-progress']);
      expect(fsck).not.toMatch(/broken|missing|invalid|error/i);
      expect(git(repo, ['status', '--porcelain'])).toBe('');
      // A kill inside update-ref itself leaves git's lock file, as for any git command; the
      // store's message (LOCK_MESSAGE) tells the user to remove it. Play that user here.
      if (existsSync(lock)) rmSync(lock);
    }
    expect(before).toBeGreaterThan(0);
  }, 240_000);
});
