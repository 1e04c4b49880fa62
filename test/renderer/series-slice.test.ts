/**
 * The series slice: the patches' numbers (`series.get`) and upstream's drift (`series.drift`)
 * are asked for while the Series view shows, once per change of the series or `repo.changed`
 * push; a card moved on the board asks nothing; a late answer does not replace a newer one.
 */
import { describe, expect, it } from 'vitest';
import type { SeriesPatch } from '../../shared/series/model';
import type { DriftReport, SeriesState } from '../../shared/series/reports';
import { ok } from '../../shared/result';
import { createSprintStore } from '../../renderer/src/store/create';
import { boardPlan, FakeServer } from './fakeServer';

const settle = () => new Promise((r) => setTimeout(r, 0));

const patch = (id: string, files: string[]): SeriesPatch => ({ id, subject: `${id}: hooks`, description: '', author: null, files });

async function setup() {
  const plan = boardPlan();
  plan.series = { target: 'xen', base: 'b45e', patches: { p1: patch('p1', ['arch/i386/Kconfig']), p2: patch('p2', ['drivers/xen/net/netfront.c']) }, patchOrder: ['p1', 'p2'], versions: [] };
  const server = new FakeServer(plan);
  const world = { added: 10, problem: null as string | null, moved: false };
  server.answer('series.get', () => {
    const state: SeriesState = {
      series: server.plan.series,
      targetCommit: 'f00d',
      stats: server.plan.series.patchOrder.map((patchId) => ({ patchId, files: 1, added: world.added, removed: 0, binary: 0 })),
      coverage: { uncovered: [], duplicates: [], unchanged: [], empty: [] },
      problem: world.problem,
      sizes: [],
      limitKb: 100,
      recipients: [],
      recipientsProblem: null,
    };
    return ok(state);
  });
  server.answer('series.drift', () => ok<DriftReport>({ oldBase: 'b45e', newBase: world.moved ? 'c0de' : 'b45e', moved: world.moved, patches: [], summary: world.moved ? 'Upstream moved.' : 'Upstream has not moved.' }));
  const store = createSprintStore(server.client());
  await store.getState().boot();
  store.getState().resetSnapshot(server.snapshot());
  await settle();
  return { server, store, world };
}

describe('the series slice', () => {
  it('asks once when the Series view opens, and nothing when a card moves on the board', async () => {
    const { server, store } = await setup();
    expect(server.count('series.get')).toBe(0);
    store.getState().watchSeries();
    await settle();
    expect(server.count('series.get')).toBe(1);
    expect(server.count('series.drift')).toBe(1);
    expect(store.getState().seriesStats.p2?.added).toBe(10);

    server.changeElsewhere({ type: 'card.assign', subsystemId: 'net', owner: 'bob' });
    await settle();
    expect(server.count('series.get')).toBe(1);
    expect(server.count('series.drift')).toBe(1);
  });

  it('a reorder asks once each, after the server confirms it, and keeps the stats of patches that did not change', async () => {
    const { server, store, world } = await setup();
    store.getState().watchSeries();
    await settle();
    const p1 = store.getState().seriesStats.p1;
    world.problem = 'p2 adds a path p1 still has to clear.';
    await store.getState().applyLocal({ type: 'series.reorder', order: ['p2', 'p1'] });
    await settle();
    expect(server.count('series.get')).toBe(2);
    expect(server.count('series.drift')).toBe(2);
    expect(store.getState().seriesProblem).toBe('p2 adds a path p1 still has to clear.');
    expect(store.getState().seriesStats.p1).toBe(p1);
  });

  it('repo.changed refreshes both; upstream moving is kept for the view to show', async () => {
    const { server, store, world } = await setup();
    store.getState().watchSeries();
    await settle();
    expect(store.getState().seriesUpstream?.moved).toBe(false);
    world.moved = true;
    world.added = 12;
    server.send({ type: 'repo.changed' });
    await settle();
    expect(server.count('series.get')).toBe(2);
    expect(server.count('series.drift')).toBe(2);
    expect(store.getState().seriesUpstream?.moved).toBe(true);
    expect(store.getState().seriesStats.p1?.added).toBe(12);
  });

  it('a stale series.get answer arriving after a newer one does not win', async () => {
    const { server, store, world } = await setup();
    store.getState().watchSeries();
    await settle();
    server.holding.add('series.get');
    world.added = 20;
    server.send({ type: 'repo.changed' });
    await settle();
    world.added = 30;
    server.send({ type: 'repo.changed' });
    await settle();
    server.deliver('series.get', 'newest-first');
    await settle();
    expect(store.getState().seriesStats.p1?.added).toBe(30);
  });

  it('the button asks series.drift again even when nothing changed', async () => {
    const { server, store, world } = await setup();
    store.getState().watchSeries();
    await settle();
    world.moved = true;
    const res = await store.getState().checkUpstream();
    expect(res?.ok).toBe(true);
    expect(server.count('series.drift')).toBe(2);
    expect(store.getState().seriesUpstream?.moved).toBe(true);
  });
});
