/**
 * The plan synced through real remotes: a bare repository on disk and `git daemon` on
 * 127.0.0.1. Three laptops edit at once and sync; every event of every laptop ends up on all
 * three, and all three fold to the same plan.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadLog, emptyLog } from '../../../electron/core/plan/log';
import { readPlanHead } from '../../../electron/core/plan/plan-ref';
import { syncPlan } from '../../../electron/core/plan/sync';
import { cleanup, git } from '../../helpers/repo';
import { makeTeam, startDaemon, type Laptop, actorOf, changeOn } from '../../helpers/remotes';

const dirs: string[] = [];
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  cleanup(...dirs.splice(0));
});

const change = changeOn;

async function sync(l: Laptop, remote?: string) {
  const done = await syncPlan(l.repo, { actor: actorOf(l), ...(remote ? { remote } : {}) });
  if (!done.ok) throw new Error(done.error.message);
  return done.value;
}

const folded = async (repo: string) => loadLog(repo, await readPlanHead(repo), emptyLog());

/** The subsystem of a demo folder, by id. */
async function cardOf(repo: string, folder: string): Promise<string> {
  const { plan } = await folded(repo);
  const found = Object.values(plan.subsystems).find((s) => s.source.kind === 'folder' && s.source.folder === folder);
  if (!found) throw new Error(`no card for ${folder}`);
  return found.id;
}

describe.each([
  ['a bare repository on disk', false],
  ['git daemon on 127.0.0.1', true],
])('three laptops syncing through %s', (_kind, viaDaemon) => {
  it('ends with every event of every laptop on all three, folded to the same plan', async () => {
    let url: ((p: string) => string) | undefined;
    let team;
    if (viaDaemon) {
      const { tempDir } = await import('../../helpers/repo');
      const dir = tempDir('merge-sprint-daemon-');
      const daemon = await startDaemon(dir);
      stops.push(daemon.stop);
      url = daemon.url;
      team = await makeTeam(['Keir Fraser', 'Ian Pratt', 'Christian Limpach'], { url, dir });
    } else {
      team = await makeTeam(['Keir Fraser', 'Ian Pratt', 'Christian Limpach']);
    }
    dirs.push(team.dir);
    const [keir, ian, christian] = team.laptops as [Laptop, Laptop, Laptop];
    for (const l of team.laptops) expect((await sync(l)).incoming.length).toBeGreaterThan(10);
    const mm = await cardOf(keir.repo, 'arch/xen/i386/mm');
    const blk = await cardOf(keir.repo, 'drivers/xen/blkfront');
    const x64 = await cardOf(keir.repo, 'arch/xen/x86_64/kernel');

    // All three edit before anyone syncs, then all three sync at once.
    await Promise.all([
      change(keir, [{ type: 'card.state', subsystemId: mm, state: 'Done' }]),
      change(ian, [{ type: 'card.assign', subsystemId: blk, owner: 'person-ian' }, { type: 'card.state', subsystemId: blk, state: 'In progress' }]),
      change(christian, [{ type: 'card.block', subsystemId: x64, reason: null }]),
    ]);
    const first = await Promise.all(team.laptops.map((l) => sync(l)));
    expect(first.map((r) => r.outgoing.length).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    // A second round brings everyone what the others pushed after their fetch.
    await Promise.all(team.laptops.map((l) => sync(l)));
    const last = await sync(keir);
    expect(last.outgoing).toEqual([]);

    const heads = await Promise.all(team.laptops.map((l) => readPlanHead(l.repo)));
    const remoteHead = git(team.remote, ['rev-parse', 'refs/merge-sprint/plan']).trim();
    const logs = await Promise.all(team.laptops.map((l) => folded(l.repo)));
    // Every laptop has every event id, and the same fold, whichever head it is on.
    const ids = logs.map((log) => [...log.ids].sort());
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).toEqual(ids[0]);
    const plans = logs.map(({ plan }) => JSON.stringify({ ...plan, head: '' }));
    expect(plans[1]).toBe(plans[0]);
    expect(plans[2]).toBe(plans[0]);
    const plan = logs[0]!.plan;
    expect(plan.subsystems[mm]?.state).toBe('Done');
    expect(plan.subsystems[blk]).toMatchObject({ owner: 'person-ian', state: 'In progress' });
    expect(plan.subsystems[x64]?.blocked).toBeNull();
    expect(heads).toContain(remoteHead);
    // Each change is signed by the laptop that made it.
    const byOf = (id: string) => logs[0]!.events.filter((e) => 'subsystemId' in e && e.subsystemId === id).at(-1)?.by.name;
    expect([byOf(mm), byOf(blk), byOf(x64)]).toEqual(['Keir Fraser', 'Ian Pratt', 'Christian Limpach']);
  }, 120_000);
});
