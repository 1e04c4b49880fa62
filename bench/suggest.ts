/**
 * Pairing suggestions on a Linux-size repository against the raw git commands they need, run
 * directly in the same run: the two commits' `ls-tree -r` and one `diff-tree -B/1%` per twin
 * folder compared by content. The ratio is suggestPairings / raw git (medians of a few runs);
 * what is not git is the name index over 70,000 files and the scoring.
 *
 * Standalone: `npx tsx bench/suggest.ts [REPO]` (without REPO it generates the Linux-size
 * repository in a temporary folder); the last line printed is the ratio.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nameCandidates, suggestPairings } from '../electron/core/inventory/suggest';
import { LINUX_FORK_REF, LINUX_UPSTREAM_REF, makeLinuxSizeRepo } from './linux-repo';

const REPETITIONS = 5;

function raw(repo: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: repo, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' } });
    const out: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out).toString()) : reject(new Error(`git ${args[0]} exited ${code}`))));
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

export interface SuggestBench {
  ms: number;
  rawGitMs: number;
  ratio: number;
  summary: string;
}

export async function benchSuggest(fixture?: { repo: string }): Promise<SuggestBench> {
  const scratch = fixture ? null : mkdtempSync(path.join(tmpdir(), 'merge-sprint-bench-suggest-'));
  try {
    const repo = fixture?.repo ?? (await makeLinuxSizeRepo(path.join(scratch as string, 'linux'))).repo;
    const [up, fork] = (await Promise.all([LINUX_UPSTREAM_REF, LINUX_FORK_REF].map((r) => raw(repo, ['rev-parse', '--verify', `${r}^{commit}`])))).map((s) => s.trim());
    const names = (out: string): string[] => out.split('\0').filter(Boolean).map((r) => r.slice(r.indexOf('\t') + 1));
    const list = (commit: string) => raw(repo, ['ls-tree', '-r', '-z', '--full-tree', commit!]);
    // The twin folders the suggestions compare by content, found once outside the timing.
    const candidates = nameCandidates(names(await list(up!)), names(await list(fork!)));
    const compared = candidates.flatMap((c) => c.twins.map((t) => [`${up}:${t.upstream}`, `${fork}:${c.fork}`] as const));
    const rawRun = async () => {
      await Promise.all([list(up!), list(fork!)]);
      await Promise.all(compared.map(([a, b]) => raw(repo, ['diff-tree', '-r', '-z', '--raw', '--no-renames', '--no-ext-diff', '-B/1%', a, b])));
    };
    let suggested = 0;
    let ticked = 0;
    const ms = await timed(async () => {
      const r = await suggestPairings(repo, LINUX_UPSTREAM_REF, LINUX_FORK_REF);
      if (!r.ok) throw new Error(r.error.message);
      suggested = r.value.length;
      ticked = r.value.filter((s) => s.confident).length;
    });
    const rawGitMs = await timed(rawRun);
    const ratio = ms / rawGitMs;
    const summary =
      `${suggested} pairs suggested (${ticked} ticked) from ${compared.length} twin folders compared by content in ${ms.toFixed(0)} ms; ` +
      `raw git ls-tree and diff-tree -B ${rawGitMs.toFixed(0)} ms; ratio ${ratio.toFixed(2)} (target <= 1.5)`;
    return { ms, rawGitMs, ratio, summary };
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const given = process.argv[2];
  const result = await benchSuggest(given ? { repo: path.resolve(given) } : undefined);
  process.stdout.write(`suggest: ${result.summary}\n`);
  process.stdout.write(`suggest ratio against raw git: ${result.ratio.toFixed(2)}\n`);
}
