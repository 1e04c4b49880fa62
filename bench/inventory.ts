/**
 * The inventory's time against the raw git commands it needs, run directly on the same
 * repository in the same run: both refs resolved, the paired folders looked up, then at once one
 * `diff-tree --numstat` per pairing, the `ls-tree` of the fork folders and the whole-tree
 * `diff-tree` without them. The ratio is inventory / raw git (medians of a few cold runs).
 *
 * The timed runs happen in a fresh Node process, so its peak memory is the inventory's (plus
 * Node's own), not the repository generator's that ran before in the caller.
 *
 * Standalone: `npx tsx bench/inventory.ts [REPO]` (without REPO it generates the Linux-size
 * repository in a temporary folder); the last line printed is the ratio.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { computeInventory } from '../electron/core/inventory/inventory';
import type { SprintSettings } from '../shared/model';
import { LINUX_FORK_REF, LINUX_PAIRINGS, LINUX_UPSTREAM_REF, makeLinuxSizeRepo } from './linux-repo';

export interface InventoryBench {
  /** Median time of computeInventory with no cache (a repository's services keep one; the bench gives none). */
  ms: number;
  /** Median time of the same git commands run directly. */
  rawGitMs: number;
  ratio: number;
  /** Peak resident set size of the process that computed the inventories. */
  peakRssMb: number;
  files: number;
}

const REPETITIONS = 7;

/** Runs git and collects its output as bytes, nothing else. */
function raw(repo: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' };
    const child = spawn('git', args, { cwd: repo, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'ignore'], env });
    const out: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`git ${args[0]} exited ${code}`))));
    child.stdin?.end(input);
  });
}

/** The git work of one inventory, without the inventory's own code. */
async function rawInventoryCommands(repo: string, settings: SprintSettings): Promise<number> {
  const revParse = (ref: string) => raw(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  const [up, fork] = (await Promise.all([revParse(settings.upstreamRef), revParse(settings.forkRef)])).map((b) => b.toString().trim());
  const names = settings.pairings.flatMap((p) => [`${up}:${p.upstream}`, `${fork}:${p.fork}`]);
  const found = (await raw(repo, ['cat-file', '--batch-check', '-z'], names.map((n) => `${n}\0`).join(''))).toString().split('\n');
  const tree = (i: number): string => found[i]?.split(' ')[0] ?? '';
  const outputs = await Promise.all([
    ...settings.pairings.map((_, i) => raw(repo, ['diff-tree', '-r', '-z', '--raw', '--numstat', '--no-renames', '--no-ext-diff', tree(2 * i), tree(2 * i + 1)])),
    raw(repo, ['ls-tree', '-r', '-z', '--full-tree', fork!, '--', ...settings.pairings.map((p) => `:(top,literal)${p.fork}`)]),
    raw(repo, ['diff-tree', '-r', '-z', '--raw', '--numstat', '--no-renames', '--no-ext-diff', up!, fork!, '--', ...settings.pairings.map((p) => `:(top,literal,exclude)${p.fork}`)]),
  ]);
  return outputs.reduce((n, b) => n + b.length, 0);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/** The timed runs, in this process. */
export async function measureInventory(repo: string, settings: SprintSettings): Promise<InventoryBench> {
  // One untimed round of each, so both find the same warm page cache.
  await rawInventoryCommands(repo, settings);
  const warm = await computeInventory(repo, settings);
  if (!warm.ok) throw new Error(`inventory failed: ${warm.error.message}`);

  const rawTimes: number[] = [];
  const times: number[] = [];
  let files = 0;
  for (let i = 0; i < REPETITIONS; i += 1) {
    let t = performance.now();
    await rawInventoryCommands(repo, settings);
    rawTimes.push(performance.now() - t);

      t = performance.now();
    const result = await computeInventory(repo, settings);
    times.push(performance.now() - t);
    if (!result.ok) throw new Error(`inventory failed: ${result.error.message}`);
    files = result.value.files.length;
  }
  const ms = median(times);
  const rawGitMs = median(rawTimes);
  return { ms, rawGitMs, ratio: ms / rawGitMs, peakRssMb: process.resourceUsage().maxRSS / 1024, files };
}

/** The timed runs in a fresh Node process (with tsx), which answers with one JSON line. */
export function benchInventory(repo: string, settings: SprintSettings): Promise<InventoryBench> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    // From the project folder, where `--import tsx` finds the tsx package.
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--measure', repo, JSON.stringify(settings)], {
      cwd: path.resolve(path.dirname(script), '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`inventory benchmark process exited ${code}`));
      else resolve(JSON.parse(last) as InventoryBench);
    });
  });
}

async function main(): Promise<void> {
  if (process.argv[2] === '--measure') {
    const [repo = '', settings = '{}'] = process.argv.slice(3);
    process.stdout.write(`${JSON.stringify(await measureInventory(repo, JSON.parse(settings) as SprintSettings))}\n`);
    return;
  }
  const given = process.argv[2];
  const dir = given ? null : mkdtempSync(path.join(tmpdir(), 'merge-sprint-inventory-'));
  try {
    let repo = given ?? '';
    let settings: SprintSettings = { upstreamRef: LINUX_UPSTREAM_REF, forkRef: LINUX_FORK_REF, pairings: LINUX_PAIRINGS };
    if (dir) {
      const t = performance.now();
      const fixture = await makeLinuxSizeRepo(path.join(dir, 'linux'));
      ({ repo, settings } = fixture);
      const c = fixture.counts;
      console.log(`repository: ${c.upstreamFiles} upstream files, ${c.forkFolderFiles} in paired fork folders, ${c.changedInPlace} changed in place; generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const r = await benchInventory(repo, settings);
    console.log(`inventory: ${r.files} files in ${r.ms.toFixed(0)} ms (median of ${REPETITIONS}, cold cache)`);
    console.log(`raw git commands: ${r.rawGitMs.toFixed(0)} ms`);
    console.log(`peak memory of the process computing it: ${r.peakRssMb.toFixed(0)} MB`);
    console.log(`inventory ratio against raw git: ${r.ratio.toFixed(2)} (target <= 1.5)`);
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
