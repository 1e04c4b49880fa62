/**
 * The kill test of "Switch references": stopped dead at each step (in this process, and as a
 * child process SIGKILLed there), the branch holds the commit from before or after the switch,
 * never a half-rewritten tree; the user's uncommitted work elsewhere stays; recovery brings the
 * files in line and leaves no journal; switching again ends on the same tree.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { KILL_AT_VARIABLE } from '../../../electron/core/rename/checkpoint';
import { copyRules } from '../../../electron/core/rename/copy';
import { finishRule } from '../../../electron/core/rename/finish';
import { recoverRenames } from '../../../electron/core/rename/recover';
import { addRule } from '../../../electron/core/rename/rules';
import { switchReferences } from '../../../electron/core/rename/switch-refs';
import { cleanup, git } from '../../helpers/repo';
import { crashAt } from './crash';
import { withCtx } from './user-work';
import { FROM, TO, makeSwitchFork } from './switch-refs-fixture';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

const CHECKPOINTS = ['switch-refs:built', 'switch-refs:before-ref', 'switch-refs:after-ref', 'switch-refs:after-worktree', 'switch-refs:after-plan'];
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..', '..');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

async function killedAt(point: string, die: (repo: string) => Promise<void>): Promise<void> {
  const repo = makeSwitchFork();
  repos.push(repo);
  await withCtx(repo, async (ctx) => {
    const added = await addRule(ctx, FROM, TO);
    if (!added.ok) throw new Error(added.error.message);
    expect((await copyRules(ctx, { all: true })).ok).toBe(true);
    expect((await finishRule(ctx, added.value.rule.id)).ok).toBe(true);
  });
  const before = git(repo, ['rev-parse', 'HEAD']).trim();
  const expected = await withCtx(repo, async (ctx) => {
    const preview = await switchReferences(ctx, {}, false);
    if (!preview.ok) throw new Error(preview.error.message);
    return preview.value.diff;
  });
  writeFileSync(path.join(repo, 'README'), 'unsaved edit\n');

  await die(repo);
  const recovered = await withCtx(repo, (fresh) => recoverRenames(fresh));
  expect(recovered.ok).toBe(true);
  expect(readdirSync(path.join(repo, '.git', 'merge-sprint')).filter((f) => f !== 'rename.lock')).toEqual([]);
  const tip = git(repo, ['rev-parse', 'HEAD']).trim();
  // Once the branch moved (after-ref and later) the switch is on it; before that it is forgotten.
  expect(tip === before ? 'before' : 'after').toBe(CHECKPOINTS.indexOf(point) >= CHECKPOINTS.indexOf('switch-refs:after-ref') ? 'after' : 'before');
  if (tip !== before) {
    expect(git(repo, ['rev-parse', 'HEAD^']).trim()).toBe(before);
    expect(git(repo, ['diff', '--no-renames', before, tip])).toBe(expected);
  }
  // The files follow the branch; the user's work elsewhere is as it was.
  expect(git(repo, ['status', '--porcelain=v1', '--untracked-files=all'])).toBe('?? README\n');
  expect(readFileSync(path.join(repo, 'README'), 'utf8')).toBe('unsaved edit\n');

  const again = await withCtx(repo, (fresh) => switchReferences(fresh, {}, true));
  expect(again.ok).toBe(tip === before);
  expect(git(repo, ['diff', '--no-renames', before, 'HEAD'])).toBe(expected);
}

test.each(CHECKPOINTS)('stopped dead at %s: before or after, never between', (point) =>
  killedAt(point, (repo) => withCtx(repo, (ctx) => crashAt(point, () => switchReferences(ctx, {}, true)))),
);

test.each(CHECKPOINTS)('SIGKILLed at %s: before or after, never between', (point) =>
  killedAt(point, async (repo) => {
    const run = spawnSync(process.execPath, ['--import', TSX, path.join(HERE, 'fixtures', 'switch-refs-runner.ts'), repo], { cwd: ROOT, env: { ...process.env, [KILL_AT_VARIABLE]: point }, encoding: 'utf8' });
    expect(run.signal).toBe('SIGKILL');
  }),
);
