/**
 * Rename benchmark (`npx tsx bench/rename.ts`, and part of `npm run bench`): a rule over 5,000
 * files. Our interim copy plus finish move (checks, temporary index, commits, compare-and-swap,
 * work tree, plan) against the raw git work on an identical copy of the repository made in the
 * same run (`cp -a`, `git add`, `git commit`, `git rm -r`, `git commit`); and the drift check
 * on the 5,000 copied files. The last line is the ratio (target <= 1.5).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPlanStore } from '../electron/services/plan/store';
import type { RenameContext } from '../electron/services/rename/atomic';
import { copyRules } from '../electron/services/rename/copy';
import { driftOf } from '../electron/services/rename/drift';
import { finishRule } from '../electron/services/rename/finish';
import { addRule } from '../electron/services/rename/rules';

export interface RenameBench {
  files: number;
  copyMs: number;
  finishMs: number;
  rawMs: number;
  driftMs: number;
  driftFiles: number;
  ratio: number;
  summary: string;
}

const FILES = 5000;
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

function rawGitWork(repo: string): void {
  mkdirSync(path.dirname(path.join(repo, DST)), { recursive: true });
  execFileSync('cp', ['-a', path.join(repo, SRC), path.join(repo, DST)]);
  git(repo, ['add', '--', DST]);
  git(repo, ['commit', '-q', '-m', `Interim copy: ${SRC} -> ${DST}`]);
  git(repo, ['rm', '-r', '-q', '--', SRC]);
  git(repo, ['commit', '-q', '-m', `Move ${SRC} -> ${DST}`]);
}

/** Interim copy and finish with the engine; on the first run also the drift check, with edits on both sides. */
async function ourWork(repo: string, measureDrift: boolean): Promise<{ copyMs: number; finishMs: number; driftMs: number; driftFiles: number }> {
  const plan = await openPlanStore(repo);
  const ctx: RenameContext = { repo, actor: { name: 'Bench', email: 'bench@example.org' }, plan };
  try {
    const added = await addRule(ctx, SRC, DST);
    if (!added.ok) throw new Error(added.error.message);
    const id = added.value.rule.id;
    const copy = await time(() => copyRules(ctx, { ruleIds: [id] }));
    if (!copy.value.ok) throw new Error(copy.value.error.message);
    let driftMs = 0;
    let driftFiles = 0;
    if (measureDrift) {
      for (let i = 0; i < EDITED; i++) {
        const rel = `dir${String(Math.floor(i / 25)).padStart(3, '0')}/file${i}.c`;
        writeFileSync(path.join(repo, i % 2 === 0 ? SRC : DST, rel), `edited ${i}\n`);
      }
      git(repo, ['commit', '-q', '-a', '-m', 'edits on both sides']);
      const drift = await time(() => driftOf(ctx, id));
      if (!drift.value.ok) throw new Error(drift.value.error.message);
      driftMs = drift.ms;
      driftFiles = drift.value.value[0]?.files.length ?? 0;
    }
    const finish = await time(() => finishRule(ctx, id, 'source'));
    if (!finish.value.ok) throw new Error(finish.value.error.message);
    return { copyMs: copy.ms, finishMs: finish.ms, driftMs, driftFiles };
  } finally {
    plan.close();
  }
}

/**
 * Each side runs twice on its own copy of the repository, in the order ours, raw, raw, ours, and
 * the faster run of each counts: writing and deleting 5,000 files leaves the file system busy for
 * whichever run comes next, and this order gives both sides the same share of that.
 */
export async function benchRename(): Promise<RenameBench> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'merge-sprint-bench-rename-'));
  try {
    const base = path.join(dir, 'base');
    makeRepo(base);
    const copies = ['ours1', 'raw1', 'raw2', 'ours2'].map((name) => path.join(dir, name));
    for (const copy of copies) {
      execFileSync('cp', ['-a', base, copy]);
      // Same starting point for every run: git's view of the work tree freshly refreshed.
      git(copy, ['status', '--porcelain']);
    }
    const [ours1, raw1, raw2, ours2] = copies as [string, string, string, string];
    const first = await ourWork(ours1, true);
    const rawRuns = [(await time(() => rawGitWork(raw1))).ms, (await time(() => rawGitWork(raw2))).ms];
    const second = await ourWork(ours2, false);
    const best = [first, second].reduce((a, b) => (a.copyMs + a.finishMs <= b.copyMs + b.finishMs ? a : b));
    const rawMs = Math.min(...rawRuns);
    const ratio = (best.copyMs + best.finishMs) / rawMs;
    const summary =
      `${FILES} files: interim copy ${best.copyMs.toFixed(0)} ms + finish ${best.finishMs.toFixed(0)} ms against raw git ${rawMs.toFixed(0)} ms, ratio ${ratio.toFixed(2)} (target <= 1.5); ` +
      `drift check ${first.driftMs.toFixed(0)} ms for ${FILES} copied files, ${first.driftFiles} drifting (target < 1000)`;
    return { files: FILES, copyMs: best.copyMs, finishMs: best.finishMs, rawMs, driftMs: first.driftMs, driftFiles: first.driftFiles, ratio, summary };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await benchRename();
  process.stdout.write(`rename: ${result.summary}\n`);
  process.stdout.write(`rename ratio against raw git: ${result.ratio.toFixed(2)}\n`);
}
