/**
 * Pick-up benchmark (`npx tsx bench/pickup.ts`, and part of `npm run bench`): 200 fork commits
 * made on the old layout of a Linux-size repository (changes to files of the three fork folders,
 * and new files inside them), picked up onto a sprint branch where the three folders were moved.
 * Against `git cherry-pick -x` of the same commits onto the same tree, moves done by hand (git
 * follows them by rename detection; new files in a moved folder by `merge.directoryRenames=true`,
 * which is what the rule says). Both sides must end on the same tree. Each side runs REPS times
 * on fresh clones, alternating which goes first, and counts with its median. The fork commits do
 * not delete moved files: git would stop at each with a rename/delete conflict for a hand to
 * resolve. The last line is the ratio (target <= 1.5).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlanAccess } from '../electron/core/context';
import { applyPickup } from '../electron/core/pickup/apply';
import { openPlanStore } from '../electron/core/plan/store';
import type { RenameRule } from '../shared/rename/model';
import { makeLinuxSizeRepo, type LinuxSizeRepo } from './linux-repo';

const COMMITS = 200;
/** One run each: git's side takes a minute and more (rename detection over the moved folders per commit), far beyond the noise. */
const REPS = 1;
const RULES = [
  { from: 'arch/xen/i386', to: 'arch/i386/xen' },
  { from: 'arch/xen/x86_64', to: 'arch/x86_64/xen' },
  { from: 'drivers/xen/core', to: 'drivers/xen/kernel' },
];
const FORK_LIVE = 'xen-unstable';
const SPRINT = 'sprint';
const ENV = { ...process.env, LC_ALL: 'C', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.org' };

function git(repo: string, args: string[], opts: { input?: string; env?: Record<string, string> } = {}): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28, input: opts.input, env: { ...ENV, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** The three moves as commits on the sprint branch, each the tree with one folder's entries renamed (what `git mv` makes). */
function moveByHand(repo: string, forkRef: string): string[] {
  const index = path.join(mkdtempSync(path.join(os.tmpdir(), 'pickup-index-')), 'index');
  let head = git(repo, ['rev-parse', forkRef]).trim();
  const moves: string[] = [];
  for (const rule of RULES) {
    git(repo, ['read-tree', head], { env: { GIT_INDEX_FILE: index } });
    const entries = git(repo, ['ls-files', '-s', '-z', '--', rule.from], { env: { GIT_INDEX_FILE: index } }).split('\0').filter(Boolean);
    const input = entries.map((e) => {
      const [info, p] = e.split('\t') as [string, string];
      const [mode, oid] = info.split(' ');
      return `0 ${'0'.repeat(40)}\t${p}\0${mode} ${oid}\t${rule.to}${p.slice(rule.from.length)}\0`;
    }).join('');
    git(repo, ['update-index', '-z', '--index-info'], { input, env: { GIT_INDEX_FILE: index } });
    const tree = git(repo, ['write-tree'], { env: { GIT_INDEX_FILE: index } }).trim();
    head = git(repo, ['commit-tree', tree, '-p', head, '-m', `Move ${rule.from} -> ${rule.to}`]).trim();
    moves.push(head);
  }
  git(repo, ['update-ref', `refs/heads/${SPRINT}`, head]);
  rmSync(path.dirname(index), { recursive: true, force: true });
  return moves;
}

/** 200 commits on the fork's live ref, old layout: each changes one to three files of the fork folders; every tenth adds one. */
function forkCommits(repo: string, forkRef: string): void {
  const files = git(repo, ['ls-tree', '-r', '-z', '--name-only', forkRef, '--', ...RULES.map((r) => r.from)]).split('\0').filter(Boolean);
  let seed = 2005;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const parts: string[] = [];
  for (let i = 1; i <= COMMITS; i++) {
    const when = 1_120_000_000 + i * 600;
    const message = `xen: fork change ${i}\n`;
    parts.push(`commit refs/heads/${FORK_LIVE}\nmark :${i}\nauthor Keir Fraser <keir@example.org> ${when} +0100\ncommitter Keir Fraser <keir@example.org> ${when} +0100\n`);
    parts.push(`data ${Buffer.byteLength(message)}\n${message}from ${i === 1 ? forkRef : `:${i - 1}`}\n`);
    const touched = 1 + Math.floor(rand() * 3);
    for (let n = 0; n < touched; n++) {
      const file = files[Math.floor(rand() * files.length)] as string;
      const body = `/* ${file}: fork change ${i}.${n} */\nint xen_${i}_${n}(void) { return ${i}; }\n`;
      parts.push(`M 100644 inline ${file}\ndata ${Buffer.byteLength(body)}\n${body}`);
    }
    if (i % 10 === 0) {
      const rule = RULES[i % RULES.length] as (typeof RULES)[number];
      const body = `/* new in the fork, ${i} */\n`;
      parts.push(`M 100644 inline ${rule.from}/xen/added_${i}.c\ndata ${Buffer.byteLength(body)}\n${body}`);
    }
    parts.push('\n');
  }
  git(repo, ['fast-import', '--quiet'], { input: parts.join('') });
}

/** A clone on the sprint branch with the three folders' new places in its work tree (the rest sparse, as the Linux-size fixture is). */
function cloneSprint(prep: string, dir: string): string {
  git(os.tmpdir(), ['clone', '-q', '--shared', '--no-checkout', '-b', SPRINT, prep, dir]);
  git(dir, ['config', 'user.name', 'Bench']);
  git(dir, ['config', 'user.email', 'bench@example.org']);
  git(dir, ['branch', '-q', FORK_LIVE, `origin/${FORK_LIVE}`]);
  git(dir, ['sparse-checkout', 'set', '--no-cone', '/*', '!/*/', ...RULES.map((r) => `/${r.to}/`)]);
  git(dir, ['checkout', '-q', SPRINT]);
  return dir;
}

async function ours(dir: string, forkCommit: string, moves: string[]): Promise<number> {
  const plan = await openPlanStore(dir);
  try {
    const ctx: PlanAccess = { repo: dir, actor: { name: 'Bench', email: 'bench@example.org' }, plan };
    for (const [i, r] of RULES.entries()) {
      const rule: RenameRule = { id: `rule-${i}`, from: r.from, to: r.to, phase: 'moved', copyCommit: null, moveCommit: moves[i] as string };
      await plan.record({ type: 'rename.put', rule }, ctx.actor);
    }
    await plan.record({ type: 'pickup.from', ref: FORK_LIVE, base: forkCommit }, ctx.actor);
    const start = performance.now();
    const done = await applyPickup(ctx, {});
    const ms = performance.now() - start;
    if (!done.ok) throw new Error(done.error.message);
    if (done.value.picked.length !== COMMITS || done.value.stoppedAt) throw new Error(`picked up ${done.value.picked.length} of ${COMMITS}`);
    return ms;
  } finally {
    plan.close();
  }
}

function cherryPick(dir: string, forkCommit: string): number {
  const start = performance.now();
  git(dir, ['-c', 'merge.directoryRenames=true', 'cherry-pick', '-x', '--allow-empty', `${forkCommit}..${FORK_LIVE}`]);
  return performance.now() - start;
}

export interface PickupBench {
  oursMs: number;
  gitMs: number;
  sameTree: boolean;
  ratio: number;
  summary: string;
}

export async function benchPickup(fixture: LinuxSizeRepo): Promise<PickupBench> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'merge-sprint-pickup-'));
  try {
    const prep = path.join(work, 'prep');
    git(os.tmpdir(), ['clone', '-q', '--shared', '--no-checkout', fixture.repo, prep]);
    const forkCommit = git(prep, ['rev-parse', `origin/${fixture.forkRef}`]).trim();
    const moves = moveByHand(prep, forkCommit);
    git(prep, ['update-ref', `refs/heads/${FORK_LIVE}`, forkCommit]);
    forkCommits(prep, forkCommit);
    const oursRuns: number[] = [];
    const gitRuns: number[] = [];
    let sameTree = true;
    for (let rep = 0; rep < REPS; rep++) {
      const a = cloneSprint(prep, path.join(work, `ours-${rep}`));
      const b = cloneSprint(prep, path.join(work, `git-${rep}`));
      execFileSync('sync');
      if (rep % 2 === 0) {
        oursRuns.push(await ours(a, forkCommit, moves));
        gitRuns.push(cherryPick(b, forkCommit));
      } else {
        gitRuns.push(cherryPick(b, forkCommit));
        oursRuns.push(await ours(a, forkCommit, moves));
      }
      sameTree &&= git(a, ['rev-parse', 'HEAD^{tree}']).trim() === git(b, ['rev-parse', 'HEAD^{tree}']).trim();
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
    const oursMs = median(oursRuns);
    const gitMs = median(gitRuns);
    const ratio = oursMs / gitMs;
    const summary = `${COMMITS} fork commits through 3 moved folders: pick-up ${oursMs.toFixed(0)} ms, git cherry-pick -x ${gitMs.toFixed(0)} ms (medians of ${REPS}); same tree: ${sameTree ? 'yes' : 'NO'}; ratio ${ratio.toFixed(2)} (target <= 1.5)`;
    return { oursMs, gitMs, sameTree, ratio, summary };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'merge-sprint-bench-'));
  try {
    process.stdout.write('Generating a Linux-size repository…\n');
    const result = await benchPickup(await makeLinuxSizeRepo(path.join(dir, 'linux')));
    process.stdout.write(`pickup: ${result.summary}\n`);
    process.stdout.write(`pickup ratio against git cherry-pick: ${result.ratio.toFixed(2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
