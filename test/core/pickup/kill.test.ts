/**
 * The kill test of the pick-up: stopped dead at each of its steps (in this process, and as a
 * child process SIGKILLed there), the sprint branch holds the tree from before or from after the
 * whole pick-up (never between), the user's uncommitted work elsewhere stays, recovery brings the
 * files and the plan in line, and picking up again ends on the same tree without applying
 * anything twice.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { KILL_AT_VARIABLE } from '../../../electron/core/rename/checkpoint';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { applyPickup } from '../../../electron/core/pickup/apply';
import { recoverRenames } from '../../../electron/core/rename/recover';
import type { PlanAccess } from '../../../electron/core/context';
import { openPlanStore } from '../../../electron/core/plan/store';
import { cleanup, git, tempDir } from '../../helpers/repo';
import { crashAt } from '../rename/crash';
import { lines } from '../rename/fixture';
import { withCtx } from '../rename/user-work';
import { DST, FORK, SRC, forkCommit, sprintAt } from './fixture';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

const CHECKPOINTS = ['pickup:checked', 'pickup:built', 'pickup:before-ref', 'pickup:after-ref', 'pickup:after-worktree', 'pickup:after-plan'];
const CHANGED = ['evtchn.c', 'with space.c'];

/** The tree after the pick-up, made by git itself: the fork's blobs on both copies. */
function expectedTree(repo: string, before: string): string {
  const env = { GIT_INDEX_FILE: path.join(tempDir(), 'index') };
  git(repo, ['read-tree', before], { env });
  for (const rel of CHANGED) {
    const blob = git(repo, ['rev-parse', `${FORK}:${SRC}/${rel}`]).trim();
    for (const p of [`${SRC}/${rel}`, `${DST}/${rel}`]) git(repo, ['update-index', '--cacheinfo', `100644,${blob},${p}`], { env });
  }
  return git(repo, ['write-tree'], { env }).trim();
}

const stores: { close(): void }[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

async function realContext(repo: string): Promise<PlanAccess> {
  const plan = await openPlanStore(repo);
  stores.push(plan);
  return { repo, actor: { name: 'Test', email: 'test@example.org' }, plan };
}

async function killedAt(point: string, die: (repo: string, ctx: PlanAccess) => Promise<void>): Promise<void> {
  const { repo, ctx } = await sprintAt('copied', repos, realContext);
  const forks = [forkCommit(repo, { [`${SRC}/evtchn.c`]: lines(30, 'fixed') }), forkCommit(repo, { [`${SRC}/with space.c`]: lines(20, 'fixed') })];
  writeFileSync(path.join(repo, 'README'), 'unsaved edit\n');
  writeFileSync(path.join(repo, 'notes.txt'), 'untracked notes\n');
  const before = git(repo, ['rev-parse', 'HEAD']).trim();
  const after = expectedTree(repo, before);

  await die(repo, ctx);
  const recovered = await withCtx(repo, (fresh) => recoverRenames(fresh));
  expect(recovered.ok).toBe(true);
  // Recovery leaves no journal or scratch folder behind.
  expect(readdirSync(path.join(repo, '.git', 'merge-sprint')).filter((f) => f !== 'rename.lock')).toEqual([]);

  const tip = git(repo, ['rev-parse', 'HEAD']).trim();
  // Once the branch moved (after-ref and later) recovery finishes the pick-up; before that it forgets it.
  expect(tip === before ? 'before' : 'after').toBe(CHECKPOINTS.indexOf(point) >= CHECKPOINTS.indexOf('pickup:after-ref') ? 'after' : 'before');
  const picked = await withCtx(repo, async (fresh) => (await fresh.plan.snapshot()).plan.pickup.picked);
  if (tip === before) expect(picked).toEqual({});
  else {
    expect(git(repo, ['rev-parse', 'HEAD~2']).trim()).toBe(before);
    expect(git(repo, ['rev-parse', 'HEAD^{tree}']).trim()).toBe(after);
    expect(Object.keys(picked).sort()).toEqual([...forks].sort());
  }
  // The files follow the branch; the user's work elsewhere is as it was.
  expect(git(repo, ['status', '--porcelain=v1', '--untracked-files=all'])).toBe(' M README\n?? notes.txt\n');
  expect(readFileSync(path.join(repo, 'README'), 'utf8')).toBe('unsaved edit\n');

  const again = await withCtx(repo, (fresh) => applyPickup(fresh, {}));
  expect(again.ok).toBe(true);
  expect(git(repo, ['rev-parse', 'HEAD~2']).trim()).toBe(before);
  expect(git(repo, ['rev-parse', 'HEAD^{tree}']).trim()).toBe(after);
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..', '..');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

test.each(CHECKPOINTS)('stopped dead at %s: before or after, never between', (point) => killedAt(point, (_repo, ctx) => crashAt(point, () => applyPickup(ctx, {}))));

test.each(CHECKPOINTS)('SIGKILLed at %s: before or after, never between', (point) =>
  killedAt(point, async (repo) => {
    const run = spawnSync(process.execPath, ['--import', TSX, path.join(HERE, 'fixtures', 'kill-runner.ts'), repo], { cwd: ROOT, env: { ...process.env, [KILL_AT_VARIABLE]: point }, encoding: 'utf8' });
    expect(run.signal).toBe('SIGKILL');
  }),
);
