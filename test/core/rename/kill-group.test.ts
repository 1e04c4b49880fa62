/**
 * The kill test with git included: "make interim copies" and "finish move" of a few thousand
 * files run in a child process whose whole process group is SIGKILLed right after each named step,
 * while git writes the work tree, and at moments spread over the run. git's own lock files may
 * be left: recovery never removes them, and once the user has (as git's message says), the
 * repository is before or after the operation: the branch at the old commit with no copy in
 * the index or the work tree, or at the operation's commit with every file in place and
 * `git status` clean; the plan agrees with git, and the user's work elsewhere is untouched.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyRules } from '../../../electron/core/rename/copy';
import { recoverRenames } from '../../../electron/core/rename/recover';
import { addRule } from '../../../electron/core/rename/rules';
import { cleanup, git, makeCommit, tempDir } from '../../helpers/repo';
import { addUserWork, userEdits, withCtx } from './user-work';
import { DST, SRC, lines, makeXenRepo } from './fixture';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FILES = 2000;

let work = '';
let runner = '';
const bases: Record<'planned' | 'copied', { repo: string; head: string }> = { planned: { repo: '', head: '' }, copied: { repo: '', head: '' } };

const userWork = (repo: string) => ({
  status: git(repo, ['status', '--porcelain=v1', '-z', '--', 'README', 'drivers/xen/balloon', 'notes.txt']),
  ...userEdits(repo),
  notes: readFileSync(path.join(repo, 'notes.txt'), 'utf8'),
});

beforeAll(async () => {
  work = tempDir();
  // Bundled once, so that each run starts in a fraction of what compiling TypeScript takes.
  runner = path.join(work, 'kill-runner.mjs');
  await build({
    entryPoints: [path.join(HERE, 'fixtures', 'kill-runner.ts')],
    outfile: runner,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  const repo = makeXenRepo();
  const files: Record<string, string> = {};
  for (let i = 0; i < FILES; i++) files[`${SRC}/d${i % 40}/f${i}.c`] = lines(4, `f${i}`);
  makeCommit(repo, { files, message: 'a few thousand files' });
  await withCtx(repo, async (ctx) => expect((await addRule(ctx, SRC, DST)).ok).toBe(true));
  addUserWork(repo);
  git(repo, ['repack', '-a', '-d', '-q']);
  bases.planned = { repo, head: git(repo, ['rev-parse', 'HEAD']).trim() };
  const copied = path.join(work, 'copied');
  cpSync(repo, copied, { recursive: true, verbatimSymlinks: true });
  git(copied, ['update-index', '-q', '--refresh']);
  await withCtx(copied, async (ctx) => expect((await copyRules(ctx, { all: true })).ok).toBe(true));
  git(copied, ['repack', '-a', '-d', '-q']);
  bases.copied = { repo: copied, head: git(copied, ['rev-parse', 'HEAD']).trim() };
}, 120_000);

afterAll(() => cleanup(work, bases.planned.repo), 120_000);

let cases = 0;
/** A fresh copy of a base repository, with its index's file times refreshed for the new folder. */
function fresh(base: 'planned' | 'copied'): string {
  const repo = path.join(work, `case-${++cases}`);
  cpSync(bases[base].repo, repo, { recursive: true, verbatimSymlinks: true });
  git(repo, ['update-index', '-q', '--refresh']);
  return repo;
}

type KillWhen = { at: string; then?: 'now' | 'writing' } | { afterMs: number } | 'never';

/** Runs the operation in its own process group and kills the whole group as `when` says; returns the milliseconds from "ready" to the end. */
async function runAndKill(repo: string, op: 'copy' | 'finish', when: KillWhen): Promise<number> {
  const child = spawn(process.execPath, [runner, repo, op], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  const pgid = child.pid as number;
  const killGroup = () => {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // The group is gone already: the operation ran to its end.
    }
  };
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  let out = '';
  let fired = false;
  let ready = 0;
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString('utf8');
    if (ready === 0 && out.includes('ready\n')) ready = Date.now();
    if (fired || when === 'never') return;
    if ('afterMs' in when && ready > 0) {
      fired = true;
      setTimeout(killGroup, when.afterMs);
    } else if ('at' in when && out.includes(`at ${when.at}\n`)) {
      fired = true;
      if (when.then === 'writing') void killWhileWriting(repo, op, killGroup);
      else killGroup();
    }
  });
  await closed;
  const took = Date.now() - ready;
  for (let i = 0; i < 400; i++) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return took;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`process group ${pgid} is still running`);
}

/** Kills as soon as git has begun the work tree: the first copy appears, or the first source goes. */
async function killWhileWriting(repo: string, op: 'copy' | 'finish', kill: () => void): Promise<void> {
  const probe = path.join(repo, op === 'copy' ? DST : `${SRC}/d0/f0.c`);
  for (let i = 0; i < 20_000 && existsSync(probe) !== (op === 'copy'); i++) await new Promise((r) => setImmediate(r));
  kill();
}

/** git's lock files a killed git may leave: the app never removes them; the user does, as git's message says. */
const GIT_LOCKS = ['.git/index.lock', '.git/refs/heads/main.lock', '.git/refs/merge-sprint/plan.lock'];

async function recover(repo: string): Promise<void> {
  const left = GIT_LOCKS.filter((l) => existsSync(path.join(repo, l)));
  const first = await withCtx(repo, (ctx) => recoverRenames(ctx));
  expect(first.ok).toBe(true);
  for (const l of left) expect(existsSync(path.join(repo, l))).toBe(true);
  if (left.length === 0) return;
  for (const l of left) rmSync(path.join(repo, l));
  expect((await withCtx(repo, (ctx) => recoverRenames(ctx))).ok).toBe(true);
}

const ls = (repo: string, rev: string, dir: string): string => git(repo, ['ls-tree', '-r', '-z', '--full-tree', rev, '--', dir]);
const lsIndex = (repo: string, dir: string): string =>
  git(repo, ['ls-files', '-s', '-z', '--', dir]).split('\0').filter(Boolean).map((r) => r.replace(/^(\d+) (\w+) 0\t/, '$1 blob $2\t')).join('\0');
const statusOf = (repo: string, dir: string): string => git(repo, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored', '--', dir]);

/** Before or after, never between; returns which. */
async function beforeOrAfter(repo: string, base: 'planned' | 'copied', moved: string): Promise<'before' | 'after'> {
  const start = bases[base].head;
  expect(git(repo, ['symbolic-ref', 'HEAD']).trim()).toBe('refs/heads/main');
  const tip = git(repo, ['rev-parse', 'HEAD']).trim();
  const state = tip === start ? 'before' : 'after';
  if (state === 'after') expect(git(repo, ['rev-parse', 'HEAD^']).trim()).toBe(start);
  // The folder the operation writes (copy) or removes (finish) is in the index and the work tree exactly as the branch has it.
  expect(lsIndex(repo, moved)).toBe(ls(repo, 'HEAD', moved).replace(/\0$/, ''));
  expect(statusOf(repo, moved)).toBe('');
  expect(git(repo, ['diff', '--name-only', '-z', 'HEAD', '--', moved])).toBe('');
  const present = existsSync(path.join(repo, moved));
  expect(present).toBe(base === 'planned' ? state === 'after' : state === 'before');
  const phase = await withCtx(repo, async (ctx) => Object.values((await ctx.plan.snapshot()).plan.renames)[0]);
  if (base === 'planned') expect(phase).toMatchObject(state === 'after' ? { phase: 'copied', copyCommit: tip } : { phase: 'planned' });
  else expect(phase).toMatchObject(state === 'after' ? { phase: 'moved', moveCommit: tip } : { phase: 'copied' });
  expect(userWork(repo)).toEqual(userWork(bases.planned.repo));
  const own = path.join(repo, '.git', 'merge-sprint');
  expect(existsSync(own) ? readdirSync(own) : []).toEqual([]);
  return state;
}

const STEPS = ['built', 'before-ref', 'after-ref', 'after-worktree', 'after-plan'];

describe.each([
  { op: 'copy' as const, base: 'planned' as const, moved: DST },
  { op: 'finish' as const, base: 'copied' as const, moved: SRC },
])('the whole process group killed during $op', ({ op, base, moved }) => {
  test.each(STEPS)(`right after ${op}:%s`, async (step) => {
    const repo = fresh(base);
    await runAndKill(repo, op, { at: `${op}:${step}` });
    await recover(repo);
    await beforeOrAfter(repo, base, moved);
    cleanup(repo);
  });

  test('while git writes the work tree, after the branch moved', async () => {
    const repo = fresh(base);
    await runAndKill(repo, op, { at: `${op}:after-ref`, then: 'writing' });
    // git died holding the index's lock, with some of the files written.
    expect(existsSync(path.join(repo, '.git/index.lock'))).toBe(true);
    await recover(repo);
    expect(await beforeOrAfter(repo, base, moved)).toBe('after');
    cleanup(repo);
  });

  test('at moments spread over the run', async () => {
    const timing = fresh(base);
    const duration = await runAndKill(timing, op, 'never');
    expect(await beforeOrAfter(timing, base, moved)).toBe('after');
    cleanup(timing);
    for (const fraction of [0.35, 0.7]) {
      const repo = fresh(base);
      await runAndKill(repo, op, { afterMs: Math.round(duration * fraction) });
      await recover(repo);
      await beforeOrAfter(repo, base, moved);
      cleanup(repo);
    }
  });
});
