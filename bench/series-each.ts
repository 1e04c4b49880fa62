/**
 * `series check --each` benchmark (`npx tsx bench/series-each.ts`, and part of `npm run bench`):
 * on the Linux-size repository, 50 patches over the fork's ~3,500 changed files, every step
 * checked to hold together (Makefile, Kconfig and include references read from git) and every
 * patch applied, against the same steps done by hand: `git format-patch` of the series,
 * `git worktree add` at upstream, and one `git am` per patch. The last line is the ratio.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSeries } from '../electron/core/series/check';
import { buildSeriesCommits } from '../electron/core/series/commits';
import { loadSeries } from '../electron/core/series/load';
import { makeLinuxSizeRepo, type LinuxSizeRepo } from './linux-repo';
import { rawGit } from './raw-git';
import { seriesPlanForBench } from './series';

export interface SeriesEachBench {
  patches: number;
  files: number;
  eachMs: number;
  rawMs: number;
  ratio: number;
  summary: string;
}

const SENDER = { name: 'Bench Sender', email: 'bench@example.org' };

/** The sender commits the steps by hand, as the export would name them. */
const raw = (cwd: string, args: string[]): Promise<void> => rawGit(cwd, args, { GIT_COMMITTER_NAME: SENDER.name, GIT_COMMITTER_EMAIL: SENDER.email });

const ms = (t: number): number => performance.now() - t;

export async function benchSeriesEach(fixture?: Pick<LinuxSizeRepo, 'repo'>): Promise<SeriesEachBench> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'merge-sprint-each-bench-'));
  try {
    const repo = fixture?.repo ?? (await makeLinuxSizeRepo(path.join(scratch, 'linux'))).repo;
    const { plan, files } = await seriesPlanForBench(repo);

    let t = performance.now();
    const input = await loadSeries(repo, plan);
    if (!input.ok) throw new Error(input.error.message);
    const check = await checkSeries(input.value, { runId: 'bench-each', each: true });
    if (!check.ok || check.value.steps.length !== plan.series.patchOrder.length) throw new Error(`check failed: ${check.ok ? check.value.summary : check.error.message}`);
    const eachMs = ms(t);

    // By hand: the same patches as mail, applied one step at a time in a worktree at upstream.
    const built = await buildSeriesCommits(input.value, SENDER);
    if (!built.ok) throw new Error(built.error.message);
    const dir = path.join(scratch, 'patches');
    const worktree = path.join(scratch, 'am');
    t = performance.now();
    await raw(repo, ['format-patch', '-q', '--binary', '-o', dir, `${input.value.base}..${built.value.tip}`]);
    await raw(repo, ['-c', 'core.sparseCheckout=false', 'worktree', 'add', '-q', '--detach', worktree, input.value.base]);
    for (const patch of readdirSync(dir).sort()) await raw(worktree, ['am', '-q', path.join(dir, patch)]);
    const rawMs = ms(t);
    await raw(repo, ['worktree', 'remove', '--force', worktree]);

    const ratio = eachMs / rawMs;
    const n = plan.series.patchOrder.length;
    const broken = check.value.firstBroken ? `first break: ${check.value.firstBroken}` : 'every step holds together';
    const summary =
      `check --each of ${n} patches over ${files} files ${eachMs.toFixed(0)} ms (${broken}); ` +
      `by hand (format-patch, worktree add, git am per patch) ${rawMs.toFixed(0)} ms; ratio ${ratio.toFixed(2)} (target <= 1)`;
    return { patches: n, files, eachMs, rawMs, ratio, summary };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// `npx tsx bench/series-each.ts [REPO]`: generates the Linux-size repository unless one is given.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const given = process.argv[2];
  const result = await benchSeriesEach(given ? { repo: path.resolve(given) } : undefined);
  process.stdout.write(`series --each: ${result.summary}\n`);
  process.stdout.write(`series --each ratio against git worktree and git am per step: ${result.ratio.toFixed(2)}\n`);
}
