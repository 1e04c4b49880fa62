/**
 * The plan's sync at the scale of a hack week: 20 clones of one remote served by `git daemon`,
 * each syncing every second, while 1,000 changes are made across them. It prints whether
 * anything was lost (every clone ends with every event and the same plan), the time from the
 * last change until every clone shows it, and one sync's time against a baseline measured in
 * the same run: a raw `git fetch` plus `git push` of the same ref by the same clone.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { Actor } from '../shared/model';
import type { ClientCommand } from '../shared/plan/events';
import { emptyLog, loadLog, type FoldedLog } from '../electron/core/plan/log';
import { PLAN_REF, readPlanHead } from '../electron/core/plan/plan-ref';
import { openPlanStore, type GitPlanStore } from '../electron/core/plan/store';
import { syncPlan } from '../electron/core/plan/sync';
import { cleanup, gitEnv, tempDir } from '../test/helpers/repo';
import { makeTeam, startDaemon } from '../test/helpers/remotes';

// SYNC_BENCH_CLONES and SYNC_BENCH_CHANGES run it smaller on a machine shared with others.
const CLONES = Number(process.env.SYNC_BENCH_CLONES ?? 20);
const CHANGES = Number(process.env.SYNC_BENCH_CHANGES ?? 1000);
const SYNC_EVERY_MS = 1000;
const STATES = ['Backlog', 'In progress', 'Review', 'Done'] as const;

export interface SyncBench {
  clones: number;
  changes: number;
  lost: number;
  samePlan: boolean;
  convergeMs: number;
  changesMs: number;
  syncs: number;
  syncP50Ms: number;
  rawRoundTripMs: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

const git = (repo: string, args: string[]): string => execFileSync('git', args, { cwd: repo, env: gitEnv(), encoding: 'utf8' });

/** A raw round trip of the plan ref: fetch it, commit one empty-tree child, push it (what one sync does at least). */
function rawRoundTrip(repo: string): number {
  const tree = git(repo, ['hash-object', '-t', 'tree', '/dev/null']).trim();
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    git(repo, ['fetch', '-q', 'origin', `+${PLAN_REF}:refs/bench/plan`]);
    const parent = git(repo, ['rev-parse', 'refs/bench/plan']).trim();
    const commit = git(repo, ['commit-tree', '-p', parent, '-m', `bench ${i}`, tree]).trim();
    git(repo, ['push', '-q', 'origin', `+${commit}:refs/bench/raw`]);
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function benchSync(): Promise<SyncBench> {
  const dir = tempDir('merge-sprint-bench-sync-');
  const daemon = await startDaemon(dir);
  try {
    const names = Array.from({ length: CLONES }, (_, i) => `Hacker ${String(i + 1).padStart(2, '0')}`);
    const team = await makeTeam(names, { url: daemon.url, dir });
    const actors: Actor[] = team.laptops.map((l) => ({ name: l.name, email: l.email }));
    const logs: FoldedLog[] = team.laptops.map(() => emptyLog());
    for (const [i, l] of team.laptops.entries()) {
      const first = await syncPlan(l.repo, { actor: actors[i]! });
      if (!first.ok) throw new Error(first.error.message);
      logs[i] = first.value.log;
    }
    const rawRoundTripMs = rawRoundTrip(team.laptops[0]!.repo);
    const stores: GitPlanStore[] = await Promise.all(team.laptops.map((l) => openPlanStore(l.repo)));
    const cards = Object.keys((await stores[0]!.snapshot()).plan.subsystems);

    const made = new Set<string>();
    let stop = false;
    const syncTimes: number[] = [];
    let lastChangeAt = 0;
    let convergedAt = 0;
    const hasAll = (log: FoldedLog): boolean => made.size === CHANGES && [...made].every((id) => log.ids.has(id));
    // Each clone syncs every second, as `serve --sync-every` does, and notes when it has every change.
    const syncers = team.laptops.map(async (l, i) => {
      while (!stop) {
        const t0 = performance.now();
        const done = await syncPlan(l.repo, { actor: actors[i]!, log: logs[i]! });
        syncTimes.push(performance.now() - t0);
        if (done.ok) logs[i] = done.value.log;
        if (lastChangeAt > 0 && logs.every(hasAll)) {
          convergedAt ||= performance.now();
          stop = true;
        }
        await new Promise((r) => setTimeout(r, SYNC_EVERY_MS));
      }
    });
    const t0 = performance.now();
    for (let n = 0; n < CHANGES; n++) {
      const i = n % CLONES;
      const command: ClientCommand = { type: 'card.state', subsystemId: cards[n % cards.length]!, state: STATES[n % STATES.length]! };
      const changed = await stores[i]!.change(command, actors[i]!);
      if (!changed.ok) throw new Error(changed.error.message);
      made.add(changed.value.activity[0]!.id);
    }
    lastChangeAt = performance.now();
    const deadline = lastChangeAt + 120_000;
    while (!stop && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    stop = true;
    await Promise.all(syncers);
    for (const s of stores) s.close();

    const finals = await Promise.all(team.laptops.map(async (l) => loadLog(l.repo, await readPlanHead(l.repo), emptyLog())));
    const lost = finals.reduce((n, log) => n + [...made].filter((id) => !log.ids.has(id)).length, 0);
    const plans = new Set(finals.map((log) => JSON.stringify({ ...log.plan, head: '' })));
    return {
      clones: CLONES,
      changes: CHANGES,
      lost,
      samePlan: plans.size === 1,
      convergeMs: convergedAt > 0 ? convergedAt - lastChangeAt : Number.NaN,
      changesMs: lastChangeAt - t0,
      syncs: syncTimes.length,
      syncP50Ms: median(syncTimes),
      rawRoundTripMs,
    };
  } finally {
    await daemon.stop();
    cleanup(dir);
  }
}

export function describeSync(r: SyncBench): string[] {
  return [
    `sync: ${r.clones} clones syncing every second through git daemon, ${r.changes} changes made across them in ${(r.changesMs / 1000).toFixed(1)} s: ${r.lost} lost, ${r.samePlan ? 'all fold to the same plan' : 'PLANS DIFFER'}`,
    `sync: every clone shows the last change ${(r.convergeMs / 1000).toFixed(1)} s after it was made (syncing every 1 s; ${r.syncs} syncs)`,
    `sync: one sync p50 ${r.syncP50Ms.toFixed(0)} ms against a raw git fetch + push of the plan ref ${r.rawRoundTripMs.toFixed(0)} ms: ratio ${(r.syncP50Ms / r.rawRoundTripMs).toFixed(2)}`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const l of describeSync(await benchSync())) process.stdout.write(`${l}\n`);
}
