/**
 * Series benchmark (`npx tsx bench/series.ts`, and part of `npm run bench`): on the Linux-size
 * repository, a series of 50 patches over the fork's ~3,500 changed files. Our check (apply all
 * in a temporary worktree, compare trees) plus our export (commits, format-patch, MAINTAINERS
 * To/Cc) against raw `git format-patch` plus `git am` of the same series, in the same run.
 * The last line is the ratio (target <= 1.5).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSeries } from '../electron/core/series/check';
import { exportSeries } from '../electron/core/series/export';
import { loadSeries } from '../electron/core/series/load';
import { diffTreeChanges } from '../electron/core/git/diff-tree';
import { resolveCommit } from '../electron/core/git/refs';
import { emptyPlan, type Plan } from '../shared/model';
import { applyChange } from '../shared/plan/apply';
import type { ChangedFile } from '../shared/series/changes';
import type { SeriesPatch } from '../shared/series/model';
import { LINUX_FORK_REF, LINUX_UPSTREAM_REF, makeLinuxSizeRepo, type LinuxSizeRepo } from './linux-repo';

export interface SeriesBench {
  patches: number;
  files: number;
  checkMs: number;
  exportMs: number;
  rawFormatPatchMs: number;
  /** `git worktree add` at upstream: the checkout `git am` needs. */
  rawWorktreeMs: number;
  rawAmMs: number;
  ratio: number;
  summary: string;
}

const PATCHES = 50;
const SENDER = { name: 'Bench Sender', email: 'bench@example.org' };

/** Runs git to completion, output discarded; rejects on a non-zero exit. */
function raw(cwd: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C', ...env } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

/** 50 patches: files upstream has first (in place), then the new folders, in path order, cut evenly. */
function cutSeries(changes: ChangedFile[]): SeriesPatch[] {
  const ordered = [...changes].sort((a, b) => Number(a.status === 'A') - Number(b.status === 'A') || (a.path < b.path ? -1 : 1));
  const size = Math.ceil(ordered.length / PATCHES);
  return Array.from({ length: PATCHES }, (_, i) => {
    const files = ordered.slice(i * size, (i + 1) * size).map((c) => c.path);
    return { id: `p${i + 1}`, subject: `xen: part ${i + 1} of the port`, description: `Files ${i * size + 1} to ${i * size + files.length}.`, author: null, files };
  }).filter((p) => p.files.length > 0);
}

export async function seriesPlanForBench(repo: string): Promise<{ plan: Plan; files: number }> {
  const base = await resolveCommit(repo, LINUX_UPSTREAM_REF);
  const target = await resolveCommit(repo, LINUX_FORK_REF);
  if (!base.ok || !target.ok) throw new Error('the benchmark repository lacks its refs');
  const changes = await diffTreeChanges(repo, base.value, target.value);
  let plan: Plan = emptyPlan();
  for (const change of [
    { type: 'sprint.init' as const, upstreamRef: LINUX_UPSTREAM_REF, forkRef: LINUX_FORK_REF, pairings: [] },
    { type: 'series.propose' as const, target: LINUX_FORK_REF, base: base.value, patches: cutSeries(changes) },
  ]) {
    const next = applyChange(plan, change);
    if (!next.ok) throw new Error(next.error.message);
    plan = next.value;
  }
  return { plan, files: changes.length };
}

const ms = (t: number): number => performance.now() - t;

/** `fixture`: a repository from makeLinuxSizeRepo (only its path is read); generated when absent. */
export async function benchSeries(fixture?: Pick<LinuxSizeRepo, 'repo'>): Promise<SeriesBench> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'merge-sprint-series-bench-'));
  try {
    const repo = fixture?.repo ?? (await makeLinuxSizeRepo(path.join(scratch, 'linux'))).repo;
    const { plan, files } = await seriesPlanForBench(repo);

    let t = performance.now();
    const forCheck = await loadSeries(repo, plan);
    if (!forCheck.ok) throw new Error(forCheck.error.message);
    const check = await checkSeries(forCheck.value, { runId: 'bench' });
    if (!check.ok || !check.value.treeMatches) throw new Error(`check failed: ${check.ok ? check.value.summary : check.error.message}`);
    const checkMs = ms(t);

    t = performance.now();
    const forExport = await loadSeries(repo, plan);
    if (!forExport.ok) throw new Error(forExport.error.message);
    const exported = await exportSeries(forExport.value, SENDER, { out: path.join(scratch, 'ours') });
    if (!exported.ok) throw new Error(exported.error.message);
    const exportMs = ms(t);

    // Raw git: format-patch of the same commits, then am in a new worktree at upstream.
    const { base, tip } = exported.value.report;
    const rawDir = path.join(scratch, 'raw');
    t = performance.now();
    await raw(repo, ['format-patch', '-q', '--cover-letter', '--binary', '-M', '-o', rawDir, `${base}..${tip}`]);
    const rawFormatPatchMs = ms(t);
    const worktree = path.join(scratch, 'am');
    t = performance.now();
    await raw(repo, ['-c', 'core.sparseCheckout=false', 'worktree', 'add', '-q', '--detach', worktree, base]);
    const rawWorktreeMs = ms(t);
    const patches = readdirSync(rawDir).filter((n) => !n.startsWith('0000-')).sort().map((n) => path.join(rawDir, n));
    t = performance.now();
    await raw(worktree, ['-c', 'core.sparseCheckout=false', 'am', '-q', ...patches], { GIT_COMMITTER_NAME: SENDER.name, GIT_COMMITTER_EMAIL: SENDER.email });
    const rawAmMs = ms(t);
    await raw(repo, ['worktree', 'remove', '--force', worktree]);

    const ours = checkMs + exportMs;
    const rawTotal = rawFormatPatchMs + rawWorktreeMs + rawAmMs;
    const ratio = ours / rawTotal;
    const n = plan.series.patchOrder.length;
    const summary =
      `${n} patches over ${files} files: check ${checkMs.toFixed(0)} ms + export ${exportMs.toFixed(0)} ms; ` +
      `raw format-patch ${rawFormatPatchMs.toFixed(0)} ms + worktree ${rawWorktreeMs.toFixed(0)} ms + am ${rawAmMs.toFixed(0)} ms; ` +
      `ratio ${ratio.toFixed(2)} (target <= 1.5)`;
    return { patches: n, files, checkMs, exportMs, rawFormatPatchMs, rawWorktreeMs, rawAmMs, ratio, summary };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// `npx tsx bench/series.ts [REPO]`: generates the Linux-size repository unless one is given.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const given = process.argv[2];
  const result = await benchSeries(given ? { repo: path.resolve(given) } : undefined);
  process.stdout.write(`series: ${result.summary}\n`);
  process.stdout.write(`series ratio against raw git: ${result.ratio.toFixed(2)}\n`);
}
