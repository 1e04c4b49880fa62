/**
 * Rename benchmark (`npx tsx bench/rename.ts`, and part of `npm run bench`): a rule over 5,000
 * files. Our interim copy plus finish move (checks, temporary index, commits, compare-and-swap,
 * work tree, plan) against the raw git work (`cp -a`, `git add`, `git commit`, `git rm -r`,
 * `git commit`); and the drift check on the 5,000 copied files. The last line is the ratio
 * (target <= 1.5).
 *
 * Writing and deleting 5,000 files is disk work whose time varies from one run to the next
 * (writes of the run before, other processes on the machine), so one run of each side says
 * little. Each side runs REPS times, alternating which goes first; every run gets its own fresh
 * copy of the same repository, and every timed section starts after `sync`, with nothing
 * pending on the disk. Each side counts with its median.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPlanStore } from '../electron/core/plan/store';
import type { PlanAccess } from '../electron/core/context';
import { watchCheckpoints } from '../electron/core/rename/checkpoint';
import { copyRules } from '../electron/core/rename/copy';
import { driftOf } from '../electron/core/rename/drift';
import { finishRule } from '../electron/core/rename/finish';
import { addRule } from '../electron/core/rename/rules';

export interface RenameBench {
  files: number;
  runs: number;
  /** Medians of our interim copy, our finish move, and of the two together. */
  copyMs: number;
  finishMs: number;
  oursMs: number;
  /** Median of the raw git work, both steps together. */
  rawMs: number;
  driftMs: number;
  driftFiles: number;
  ratio: number;
  summary: string;
  /** Our steps' medians, in ms. */
  steps: string;
}

const FILES = 5000;
/** Runs of each side. */
const REPS = 5;
const SRC = 'arch/xen/big';
const DST = 'drivers/xen/big';
/** Files changed on each side before the drift check, so it has something to find. */
const EDITED = 50;

function git(repo: string, args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, LC_ALL: 'C' } });
}

/** A repository with the rule's 5,000 files (200 folders of 25) and a few thousand others. */
function makeRepo(repo: string): void {
  mkdirSync(repo, { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  git(repo, ['config', 'user.name', 'Bench']);
  git(repo, ['config', 'user.email', 'bench@example.org']);
  git(repo, ['config', 'commit.gpgsign', 'false']);
  // No background gc packing objects while the repository is being copied or timed.
  git(repo, ['config', 'gc.auto', '0']);
  git(repo, ['config', 'maintenance.auto', 'false']);
  const write = (rel: string, text: string): void => {
    mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    writeFileSync(path.join(repo, rel), text);
  };
  const body = (i: number): string => Array.from({ length: 40 }, (_, l) => `/* file ${i} line ${l} */ int f${i}_${l}(void);`).join('\n') + '\n';
  for (let i = 0; i < FILES; i++) write(`${SRC}/dir${String(Math.floor(i / 25)).padStart(3, '0')}/file${i}.c`, body(i));
  for (let i = 0; i < 3000; i++) write(`kernel/sub${Math.floor(i / 50)}/other${i}.c`, body(-i));
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'tree']);
}

/** Times `run` after writing every pending file to disk, so no run pays for the writes of the one before. */
const time = async <T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
  execFileSync('sync');
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
};

interface Timing {
  copyMs: number;
  finishMs: number;
}

/** Our steps, between the rename engine's checkpoints (commitStep and moveBranch in atomic.ts). */
const STEPS = ['checks', 'temporary index and commit', 'journal', 'branch', 'work tree', 'plan', 'the rest'];

interface OurTiming extends Timing {
  copySteps: number[];
  finishSteps: number[];
}

/** Like `time`, with the time from one checkpoint to the next. */
async function timeSteps<T>(run: () => Promise<T>): Promise<{ ms: number; value: T; steps: number[] }> {
  execFileSync('sync');
  const points = [performance.now()];
  watchCheckpoints(() => points.push(performance.now()));
  try {
    const value = await run();
    points.push(performance.now());
    return { ms: (points.at(-1) as number) - (points[0] as number), value, steps: points.slice(1).map((p, i) => p - (points[i] as number)) };
  } finally {
    watchCheckpoints(null);
  }
}

/** The raw git work, timed as the same two steps as ours: the copy committed, then the move committed. */
async function rawGitWork(repo: string): Promise<Timing> {
  const copy = await time(() => {
    mkdirSync(path.dirname(path.join(repo, DST)), { recursive: true });
    execFileSync('cp', ['-a', path.join(repo, SRC), path.join(repo, DST)]);
    git(repo, ['add', '--', DST]);
    git(repo, ['commit', '-q', '-m', `Interim copy: ${SRC} -> ${DST}`]);
  });
  const finish = await time(() => {
    git(repo, ['rm', '-r', '-q', '--', SRC]);
    git(repo, ['commit', '-q', '-m', `Move ${SRC} -> ${DST}`]);
  });
  return { copyMs: copy.ms, finishMs: finish.ms };
}

async function withContext<T>(repo: string, run: (ctx: PlanAccess, ruleId: string) => Promise<T>): Promise<T> {
  const plan = await openPlanStore(repo);
  const ctx: PlanAccess = { repo, actor: { name: 'Bench', email: 'bench@example.org' }, plan };
  try {
    const added = await addRule(ctx, SRC, DST);
    if (!added.ok) throw new Error(added.error.message);
    return await run(ctx, added.value.rule.id);
  } finally {
    plan.close();
  }
}

/** Interim copy and finish move with the engine. */
function ourWork(repo: string): Promise<OurTiming> {
  return withContext(repo, async (ctx, id) => {
    const copy = await timeSteps(() => copyRules(ctx, { ruleIds: [id] }));
    if (!copy.value.ok) throw new Error(copy.value.error.message);
    const finish = await timeSteps(() => finishRule(ctx, id, 'source'));
    if (!finish.value.ok) throw new Error(finish.value.error.message);
    return { copyMs: copy.ms, finishMs: finish.ms, copySteps: copy.steps, finishSteps: finish.steps };
  });
}

/** The drift check after an interim copy, with edits on both sides. */
function driftWork(repo: string): Promise<{ driftMs: number; driftFiles: number }> {
  return withContext(repo, async (ctx, id) => {
    const copy = await copyRules(ctx, { ruleIds: [id] });
    if (!copy.ok) throw new Error(copy.error.message);
    for (let i = 0; i < EDITED; i++) {
      const rel = `dir${String(Math.floor(i / 25)).padStart(3, '0')}/file${i}.c`;
      writeFileSync(path.join(repo, i % 2 === 0 ? SRC : DST, rel), `edited ${i}\n`);
    }
    git(repo, ['commit', '-q', '-a', '-m', 'edits on both sides']);
    const drift = await time(() => driftOf(ctx, id));
    if (!drift.value.ok) throw new Error(drift.value.error.message);
    return { driftMs: drift.ms, driftFiles: drift.value.value[0]?.files.length ?? 0 };
  });
}

/** Runs `work` on a fresh copy of `base`, removed afterwards (and its removal written out before the next run). */
async function onFreshCopy<T>(base: string, copy: string, work: (repo: string) => Promise<T>): Promise<T> {
  execFileSync('cp', ['-a', base, copy]);
  // Same starting point for every run: git's view of the work tree freshly refreshed.
  git(copy, ['status', '--porcelain']);
  try {
    return await work(copy);
  } finally {
    rmSync(copy, { recursive: true, force: true });
    execFileSync('sync');
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Each step's median, in words. */
const describeSteps = (runs: number[][]): string =>
  STEPS.map((name, i) => `${name} ${median(runs.map((r) => r[i] ?? 0)).toFixed(0)}`).join(', ');

const spread = (values: number[]): string => `${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)}`;

export async function benchRename(): Promise<RenameBench> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'merge-sprint-bench-rename-'));
  try {
    const base = path.join(dir, 'base');
    makeRepo(base);
    const ours: OurTiming[] = [];
    const raw: Timing[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      const sides = [
        async () => ours.push(await onFreshCopy(base, path.join(dir, `ours${rep}`), ourWork)),
        async () => raw.push(await onFreshCopy(base, path.join(dir, `raw${rep}`), rawGitWork)),
      ];
      // Alternating which side goes first, so that neither always follows the other's writes.
      for (const side of rep % 2 === 0 ? sides : sides.reverse()) await side();
    }
    const drift = await onFreshCopy(base, path.join(dir, 'drift'), driftWork);
    const total = (t: Timing): number => t.copyMs + t.finishMs;
    const copyMs = median(ours.map((t) => t.copyMs));
    const finishMs = median(ours.map((t) => t.finishMs));
    const oursMs = median(ours.map(total));
    const rawMs = median(raw.map(total));
    const ratio = oursMs / rawMs;
    const summary =
      `${FILES} files, median of ${REPS} runs each: interim copy ${copyMs.toFixed(0)} ms + finish ${finishMs.toFixed(0)} ms, together ${oursMs.toFixed(0)} ms (${spread(ours.map(total))}) ` +
      `against raw git ${rawMs.toFixed(0)} ms (copy ${median(raw.map((t) => t.copyMs)).toFixed(0)} + move ${median(raw.map((t) => t.finishMs)).toFixed(0)}; ${spread(raw.map(total))}), ratio ${ratio.toFixed(2)} (target <= 1.5); ` +
      `drift check ${drift.driftMs.toFixed(0)} ms for ${FILES} copied files, ${drift.driftFiles} drifting (target < 1000)`;
    const steps = `copy: ${describeSteps(ours.map((t) => t.copySteps))}; finish: ${describeSteps(ours.map((t) => t.finishSteps))}`;
    return { files: FILES, runs: REPS, copyMs, finishMs, oursMs, rawMs, driftMs: drift.driftMs, driftFiles: drift.driftFiles, ratio, summary, steps };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await benchRename();
  process.stdout.write(`rename: ${result.summary}\n`);
  process.stdout.write(`rename steps (median ms): ${result.steps}\n`);
  process.stdout.write(`rename ratio against raw git: ${result.ratio.toFixed(2)}\n`);
}
