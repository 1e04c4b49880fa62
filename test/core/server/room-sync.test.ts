/**
 * The room and the plan's sync: a browser that said who it is may sync (its name signs the
 * merge), one that did not is asked to first, and none may change how often it syncs; the
 * room's presence lists the people with a board open; `syncEvery` brings another laptop's
 * change in by itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Push } from '../../../shared/api';
import type { Presence, SyncReport, SyncState } from '../../../shared/sync/api';
import { startRoomServer, type RoomServer } from '../../../electron/core/server/room';
import { syncPlan } from '../../../electron/core/plan/sync';
import { openRepoServices } from '../../../electron/core/host/services';
import { cleanup, git } from '../../helpers/repo';
import { makeTeam, type Laptop } from '../../helpers/remotes';
import { fakeBoardDir, openBoard, type RoomBrowser } from './room-browser';

const dirs: string[] = [];
const servers: RoomServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  cleanup(...dirs.splice(0));
});

function socket(server: RoomServer, browser: RoomBrowser) {
  const pushes: Push[] = [];
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/push`, { headers: { cookie: browser.cookieHeader(), origin: `http://127.0.0.1:${server.port}` } });
  ws.on('message', (data) => pushes.push(JSON.parse(String(data)) as Push));
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('error', reject);
  });
  const presence = async (accept: (p: Presence) => boolean): Promise<Presence> => {
    for (let i = 0; i < 200; i++) {
      const last = pushes.filter((p): p is Extract<Push, { type: 'presence' }> => p.type === 'presence').at(-1);
      if (last && accept(last.presence)) return last.presence;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('no such presence push');
  };
  return { ws, opened, pushes, presence };
}

async function room(laptop: Laptop, syncEvery?: number): Promise<RoomServer> {
  const server = await startRoomServer({ repo: laptop.repo, port: 0, staticDir: fakeBoardDir(), ...(syncEvery ? { syncEvery } : {}) });
  servers.push(server);
  return server;
}

describe('the room and the sync', () => {
  it('lets a browser that said who it is sync, signs the merge with its name, and shows who is in the room', async () => {
    const team = await makeTeam(['Keir Fraser', 'Ian Pratt']);
    dirs.push(team.dir);
    const [keir, ian] = team.laptops as [Laptop, Laptop];
    expect((await syncPlan(keir.repo, { actor: { name: keir.name, email: keir.email } })).ok).toBe(true);
    const server = await room(keir);
    const ada = await openBoard(server);
    const anon = await openBoard(server);
    const adaSocket = socket(server, ada);
    const anonSocket = socket(server, anon);
    await Promise.all([adaSocket.opened, anonSocket.opened]);
    expect(await adaSocket.presence((p) => p.anonymous === 2)).toEqual({ people: [], anonymous: 2 });
    await ada.choose({ name: 'Ian Pratt', email: 'ian@xensource.example' });
    expect(await anonSocket.presence((p) => p.people.length === 1)).toEqual({ people: [{ name: 'Ian Pratt', email: 'ian@xensource.example' }], anonymous: 1 });

    const refused = await anon.call('plan.sync');
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('Who are you?') } });
    expect((await ada.call('sync.setEvery', { seconds: 30 })).json).toMatchObject({ ok: false, error: { message: expect.stringContaining('only possible in the Merge Sprint window') } });
    expect((await ada.call('plan.sync', { remote: '--upload-pack=x' })).json).toMatchObject({ ok: false, error: { code: 'bad-input' } });

    // Ian's laptop changes the plan elsewhere; the browser's sync brings it and merges with a change made here.
    expect((await syncPlan(ian.repo, { actor: { name: ian.name, email: ian.email } })).ok).toBe(true);
    const opened = await openRepoServices(ian.repo, { log: () => undefined });
    if (!opened.ok) throw new Error(opened.error.message);
    const { plan } = await opened.value.plan.snapshot();
    const mm = Object.values(plan.subsystems).find((s) => s.name === 'arch/xen/i386/mm');
    expect((await opened.value.plan.change({ type: 'card.state', subsystemId: mm?.id ?? '', state: 'Done' }, { name: ian.name, email: ian.email })).ok).toBe(true);
    opened.value.dispose();
    expect((await syncPlan(ian.repo, { actor: { name: ian.name, email: ian.email } })).ok).toBe(true);
    const blk = Object.values(plan.subsystems).find((s) => s.name === 'drivers/xen/blkfront');
    expect((await ada.call('plan.change', { change: { type: 'card.state', subsystemId: blk?.id, state: 'Review' } })).json.ok).toBe(true);
    const state = await ada.call<SyncState>('sync.state');
    expect(state.json).toMatchObject({ ok: true, value: { remote: 'origin', toSend: 1 } });

    const synced = await ada.call<SyncReport>('plan.sync');
    expect(synced.json).toMatchObject({ ok: true, value: { incoming: [{ words: 'Ian Pratt moved arch/xen/i386/mm to Done' }], outgoing: [{ words: 'Ian Pratt moved drivers/xen/blkfront to Review' }] } });
    expect(git(keir.repo, ['log', '-1', '--format=%an %s', 'refs/merge-sprint/plan']).trim()).toBe(`Ian Pratt plan: merge ${git(keir.repo, ['rev-parse', 'refs/merge-sprint/plan^2']).trim().slice(0, 12)} by Ian Pratt`);
    const inSync = (): boolean => adaSocket.pushes.some((p) => p.type === 'sync.state' && p.state.status === 'in-sync' && !p.state.syncing);
    for (let i = 0; i < 100 && !inSync(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(inSync()).toBe(true);
    adaSocket.ws.close();
    expect(await anonSocket.presence((p) => p.people.length === 0)).toEqual({ people: [], anonymous: 1 });
    anonSocket.ws.close();
  }, 90_000);

  it('syncs by itself every N seconds with syncEvery, saying so in its state', async () => {
    const team = await makeTeam(['Keir Fraser', 'Ian Pratt']);
    dirs.push(team.dir);
    const [keir, ian] = team.laptops as [Laptop, Laptop];
    expect((await syncPlan(keir.repo, { actor: { name: keir.name, email: keir.email } })).ok).toBe(true);
    const server = await room(keir, 5);
    const opened = await openRepoServices(ian.repo, { log: () => undefined });
    if (!opened.ok) throw new Error(opened.error.message);
    expect((await syncPlan(ian.repo, { actor: { name: ian.name, email: ian.email } })).ok).toBe(true);
    const { plan } = await opened.value.plan.snapshot();
    const mm = Object.values(plan.subsystems).find((s) => s.name === 'arch/xen/i386/mm');
    expect((await opened.value.plan.change({ type: 'card.state', subsystemId: mm?.id ?? '', state: 'Done' }, { name: ian.name, email: ian.email })).ok).toBe(true);
    opened.value.dispose();
    expect((await syncPlan(ian.repo, { actor: { name: ian.name, email: ian.email } })).ok).toBe(true);
    const ianHead = git(ian.repo, ['rev-parse', 'refs/merge-sprint/plan']).trim();
    const deadline = Date.now() + 15_000;
    while (git(keir.repo, ['rev-parse', 'refs/merge-sprint/plan']).trim() !== ianHead && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(git(keir.repo, ['rev-parse', 'refs/merge-sprint/plan']).trim()).toBe(ianHead);
    const board = await openBoard(server);
    expect((await board.call<SyncState>('sync.state')).json).toMatchObject({ ok: true, value: { every: 5, status: 'in-sync', lastIncoming: 1 } });
  }, 60_000);
});
