/**
 * Team benchmark (`npx tsx bench/team.ts [REPO]`, and part of `npm run bench`): on the
 * Linux-size repository, 1,000 cards each naming their owner's branch, 200 of them with a commit
 * the sprint branch does not have and 800 merged. The verification (`team.status`: every card's
 * branch against the sprint branch, commits touching its files, each Done card's verdict) cold,
 * then again with nothing moved, against raw `git rev-list --count sprint..BRANCH` for the same
 * 1,000 branches, six at a time as the git runner allows. The last line is the ratio.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RepoCaches } from '../electron/core/context';
import { createLru } from '../electron/core/host/lru';
import { teamStatusOf } from '../electron/core/team/status';
import { emptyPlan, type Plan, type Subsystem } from '../shared/model';
import { LINUX_FORK_REF, makeLinuxSizeRepo } from './linux-repo';

const CARDS = 1000;
const UNMERGED = 200;
const PARALLEL = 6;

export interface TeamBench {
  cards: number;
  coldMs: number;
  warmMs: number;
  rawMs: number;
  ratio: number;
  summary: string;
}

function run(cwd: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'b@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'b@example.org' } });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`git ${args.join(' ')} exited ${code}: ${err}`))));
    if (input !== undefined) child.stdin?.end(input);
  });
}

const ms = (since: number): number => performance.now() - since;
const branchOf = (i: number): string => `bench-team/person${i % 50}/card${i}`;

export async function benchTeam(fixture?: { repo: string }): Promise<TeamBench> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'merge-sprint-team-bench-'));
  try {
    const repo = fixture?.repo ?? (await makeLinuxSizeRepo(path.join(scratch, 'linux'))).repo;
    const sprint = (await run(repo, ['rev-parse', `${LINUX_FORK_REF}^{commit}`])).trim();
    const tree = (await run(repo, ['rev-parse', `${sprint}^{tree}`])).trim();
    const files = (await run(repo, ['ls-tree', '-r', '-z', '--name-only', sprint, '--', 'arch'])).split('\0').filter(Boolean);
    // The unmerged branches hold one commit each on top of the sprint branch; the others point at it.
    const tips: string[] = [];
    for (let i = 0; i < CARDS; i++) tips.push(i < UNMERGED ? (await run(repo, ['commit-tree', tree, '-p', sprint, '-m', `card ${i}: work in progress`])).trim() : sprint);
    await run(repo, ['update-ref', '--stdin'], tips.map((tip, i) => `create refs/heads/${branchOf(i)} ${tip}\n`).join(''));

    const per = Math.max(1, Math.floor(files.length / CARDS));
    const subsystems: Record<string, Subsystem> = {};
    const branches: Record<string, string> = {};
    const order: string[] = [];
    for (let i = 0; i < CARDS; i++) {
      const id = `card${i}`;
      subsystems[id] = { id, name: id, files: files.slice(i * per, (i + 1) * per), source: { kind: 'manual' }, owner: null, state: i % 3 === 0 ? 'Done' : 'In progress', blocked: null };
      branches[id] = branchOf(i);
      order.push(id);
    }
    const plan: Plan = { ...emptyPlan(), sprint: { upstreamRef: sprint, forkRef: LINUX_FORK_REF, pairings: [] }, subsystems, subsystemOrder: order, team: { branches, wipLimits: {} } };
    const caches = { teamWork: createLru(2), seriesApplies: createLru(2) } as unknown as RepoCaches;

    let t = performance.now();
    const cold = await teamStatusOf({ repo, caches }, plan);
    const coldMs = ms(t);
    if (!cold.ok) throw new Error(cold.error.message);
    const unverified = Object.values(cold.value.verdicts).filter((v) => v.verified === false).length;
    t = performance.now();
    await teamStatusOf({ repo, caches }, plan);
    const warmMs = ms(t);

    t = performance.now();
    let next = 0;
    const counts: number[] = new Array<number>(CARDS);
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let i = next++; i < CARDS; i = next++) counts[i] = Number((await run(repo, ['rev-list', '--count', `${sprint}..${branchOf(i)}`])).trim());
      }),
    );
    const rawMs = ms(t);
    const rawUnmerged = counts.filter((c) => c > 0).length;
    const ours = Object.values(cold.value.work).filter((w) => w.unmerged > 0).length;
    if (ours !== rawUnmerged) throw new Error(`team.status found ${ours} unmerged branches, git rev-list ${rawUnmerged}`);

    await run(repo, ['update-ref', '--stdin'], tips.map((_, i) => `delete refs/heads/${branchOf(i)}\n`).join(''));
    const ratio = coldMs / rawMs;
    const summary =
      `verifying ${CARDS} cards' branches (${UNMERGED} unmerged, ${unverified} Done cards not confirmed) ${coldMs.toFixed(0)} ms cold, ${warmMs.toFixed(0)} ms with nothing moved; ` +
      `raw git rev-list --count per branch ${rawMs.toFixed(0)} ms; ratio ${ratio.toFixed(2)} (target <= 1)`;
    return { cards: CARDS, coldMs, warmMs, rawMs, ratio, summary };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const given = process.argv[2];
  const result = await benchTeam(given ? { repo: path.resolve(given) } : undefined);
  process.stdout.write(`team: ${result.summary}\n`);
  process.stdout.write(`team ratio against raw git: ${result.ratio.toFixed(2)}\n`);
}
