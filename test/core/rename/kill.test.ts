/**
 * The kill test: "make interim copies" and "finish move" run in a child process that is
 * SIGKILLed at every named step and at spread-out moments. After each kill the branch holds
 * the tree from before or after each rule (never between), nothing uncommitted elsewhere is
 * lost, and recoverRenames brings the work tree and the plan in line; the operation can then
 * be run to its end.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { copyRules } from '../../../electron/core/rename/copy';
import { KILL_AT_VARIABLE } from '../../../electron/core/rename/checkpoint';
import { recoverRenames } from '../../../electron/core/rename/recover';
import { addRule } from '../../../electron/core/rename/rules';
import { cleanup, git, tempDir } from '../../helpers/repo';
import { addUserWork, userEdits, withCtx } from './user-work';
import { DST, SRC, makeXenRepo } from './fixture';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..', '..');
const RUNNER = path.join(HERE, 'fixtures', 'kill-runner.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const RULES = [
  { from: SRC, to: DST },
  { from: 'kernel', to: 'core/kernel' },
];

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

const userWork = (repo: string) => ({
  status: git(repo, ['status', '--porcelain=v1', '-z', '--untracked-files=all']),
  ...userEdits(repo),
  notes: readFileSync(path.join(repo, 'notes.txt'), 'utf8'),
});

/** A tree made by git itself: `base` with `from` copied to `to`, or with `remove` removed. */
function treeWith(repo: string, base: string, edit: { from: string; to: string } | { remove: string }): string {
  const env = { GIT_INDEX_FILE: path.join(tempDir(), 'index') };
  git(repo, ['read-tree', base], { env });
  if ('remove' in edit) git(repo, ['rm', '-q', '-r', '--cached', '--', edit.remove], { env });
  else git(repo, ['read-tree', `--prefix=${edit.to}/`, `${base}:${edit.from}`], { env });
  return git(repo, ['write-tree'], { env }).trim();
}
const treeOfHead = (repo: string): string => git(repo, ['rev-parse', 'HEAD^{tree}']).trim();

interface Run {
  ready: Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>;
  kill(): void;
  pid: number;
}

function startRunner(repo: string, op: 'copy' | 'finish', killAt?: string): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (killAt) env[KILL_AT_VARIABLE] = killAt;
  else delete env[KILL_AT_VARIABLE];
  const child = spawn(process.execPath, ['--import', TSX, RUNNER, repo, op], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString('utf8');
    if (stdout.includes('ready\n')) onReady();
  });
  child.stderr.resume();
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout })),
  );
  return { ready, exit, pid: child.pid as number, kill: () => child.kill('SIGKILL') };
}

/** Waits until no process of the runner's group is left (git children finish what they started). */
async function groupGone(pgid: number): Promise<void> {
  for (let i = 0; i < 400; i++) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`process group ${pgid} is still running`);
}

/** After a kill and recovery: which of `trees` the branch holds, with everything else consistent. */
async function checkConsistent(repo: string, start: string, trees: string[], user: ReturnType<typeof userWork>, phaseOf: (i: number, ruleIndex: number) => string) {
  expect(git(repo, ['symbolic-ref', 'HEAD']).trim()).toBe('refs/heads/main');
  const state = trees.indexOf(treeOfHead(repo));
  expect(state).toBeGreaterThanOrEqual(0);
  // One commit per completed step, on top of where the operation started.
  expect(git(repo, ['rev-parse', `HEAD~${state}`]).trim()).toBe(start);
  // The index and files follow HEAD; the user's work elsewhere is untouched.
  expect(userWork(repo)).toEqual(user);
  const dir = path.join(repo, '.git', 'merge-sprint');
  const left = existsSync(dir) ? readdirSync(dir) : [];
  expect(left.filter((f) => f !== 'rename.lock')).toEqual([]);
  await withCtx(repo, async (ctx) => {
    const { plan } = await ctx.plan.snapshot();
    plan.renameOrder.forEach((id, ruleIndex) => expect(plan.renames[id]?.phase).toBe(phaseOf(state, ruleIndex)));
  });
  return state;
}

async function killAndRecover(repo: string, op: 'copy' | 'finish', how: { at: string } | { afterMs: number }): Promise<void> {
  const run = startRunner(repo, op, 'at' in how ? how.at : undefined);
  if ('afterMs' in how) {
    await run.ready;
    await new Promise((r) => setTimeout(r, how.afterMs));
    run.kill();
  }
  const exit = await run.exit;
  await groupGone(run.pid);
  if ('at' in how) expect(exit.signal).toBe('SIGKILL');
  const recovered = await withCtx(repo, (ctx) => recoverRenames(ctx));
  expect(recovered.ok).toBe(true);
}

async function copyFixture() {
  const repo = makeXenRepo();
  repos.push(repo);
  await withCtx(repo, async (ctx) => {
    for (const r of RULES) expect((await addRule(ctx, r.from, r.to)).ok).toBe(true);
  });
  addUserWork(repo);
  const start = git(repo, ['rev-parse', 'HEAD']).trim();
  const t0 = treeOfHead(repo);
  const t1 = treeWith(repo, t0, RULES[0] as { from: string; to: string });
  const t2 = treeWith(repo, t1, RULES[1] as { from: string; to: string });
  return { repo, start, trees: [t0, t1, t2], user: userWork(repo) };
}

async function finishFixture() {
  const repo = makeXenRepo();
  repos.push(repo);
  await withCtx(repo, async (ctx) => {
    expect((await addRule(ctx, SRC, DST)).ok).toBe(true);
    expect((await copyRules(ctx, { all: true })).ok).toBe(true);
  });
  addUserWork(repo);
  const start = git(repo, ['rev-parse', 'HEAD']).trim();
  const copied = treeOfHead(repo);
  return { repo, start, trees: [copied, treeWith(repo, copied, { remove: SRC })], user: userWork(repo) };
}

const copyPhase = (state: number, ruleIndex: number): string => (ruleIndex < state ? 'copied' : 'planned');
const finishPhase = (state: number): string => (state === 1 ? 'moved' : 'copied');
const STEPS = ['built', 'before-ref', 'after-ref', 'after-worktree', 'after-plan'];

describe('killed while making interim copies', () => {
  test.each(STEPS.flatMap((s) => [`copy:${s}`, `copy:${s}#2`]))('at %s: before or after each rule, then recovered and completed', async (at) => {
    const f = await copyFixture();
    await killAndRecover(f.repo, 'copy', { at });
    const state = await checkConsistent(f.repo, f.start, f.trees, f.user, copyPhase);
    if (state < 2) await withCtx(f.repo, async (ctx) => expect((await copyRules(ctx, { all: true })).ok).toBe(true));
    expect(await checkConsistent(f.repo, f.start, f.trees, f.user, copyPhase)).toBe(2);
  });

  test('at moments spread over the whole run', async () => {
    const timing = await copyFixture();
    const run = startRunner(timing.repo, 'copy');
    await run.ready;
    const began = Date.now();
    expect((await run.exit).code).toBe(0);
    const duration = Math.max(50, Date.now() - began);
    for (const fraction of [0.05, 0.25, 0.45, 0.65, 0.85, 1.05]) {
      const f = await copyFixture();
      await killAndRecover(f.repo, 'copy', { afterMs: Math.round(duration * fraction) });
      await checkConsistent(f.repo, f.start, f.trees, f.user, copyPhase);
    }
  });
});

describe('killed while finishing the move', () => {
  test.each(STEPS.map((s) => `finish:${s}`))('at %s: before or after, then recovered and completed', async (at) => {
    const f = await finishFixture();
    await killAndRecover(f.repo, 'finish', { at });
    if ((await checkConsistent(f.repo, f.start, f.trees, f.user, finishPhase)) === 0) {
      expect((await startRunner(f.repo, 'finish').exit).code).toBe(0);
    }
    expect(await checkConsistent(f.repo, f.start, f.trees, f.user, finishPhase)).toBe(1);
  });

  test('at moments spread over the whole run', async () => {
    const timing = await finishFixture();
    const run = startRunner(timing.repo, 'finish');
    await run.ready;
    const began = Date.now();
    expect((await run.exit).code).toBe(0);
    const duration = Math.max(50, Date.now() - began);
    for (const fraction of [0.05, 0.3, 0.55, 0.8, 1.05]) {
      const f = await finishFixture();
      await killAndRecover(f.repo, 'finish', { afterMs: Math.round(duration * fraction) });
      await checkConsistent(f.repo, f.start, f.trees, f.user, finishPhase);
    }
  });
});

test('a lock left by a killed run is taken over; a live one is respected', async () => {
  const f = await copyFixture();
  const lock = path.join(f.repo, '.git', 'merge-sprint', 'rename.lock');
  rmSync(path.dirname(lock), { recursive: true, force: true });
  await withCtx(f.repo, async (ctx) => {
    mkdirSync(path.dirname(lock), { recursive: true });
    writeFileSync(lock, String(process.ppid));
    const refused = await copyRules(ctx, { all: true });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/Another Merge Sprint operation/);
    writeFileSync(lock, '999999999');
    expect((await copyRules(ctx, { all: true })).ok).toBe(true);
  });
});
