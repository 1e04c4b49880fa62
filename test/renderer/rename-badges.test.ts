/**
 * Rename badges on the board: each card selects the rules its files lie under, with the phase
 * and the drift of copied rules; the drift comes from one `rename.drift` request for the whole
 * board, asked for when the plan head moves (once for pushes arriving together).
 */
import { describe, expect, it } from 'vitest';
import type { RenameRule, RuleDrift } from '../../shared/rename/model';
import { ok } from '../../shared/result';
import { createSprintStore } from '../../renderer/src/store/create';
import { renamesOf } from '../../renderer/src/store/cardRenames';
import { boardPlan, FakeServer } from './fakeServer';

const rule = (id: string, from: string, to: string, phase: RenameRule['phase']): RenameRule => ({ id, from, to, phase, copyCommit: phase === 'planned' ? null : 'c0ffee', moveCommit: null });
const drifting = (ruleId: string, n: number): RuleDrift => ({
  ruleId,
  files: Array.from({ length: n }, (_, i) => ({
    rel: `f${i}.c`,
    sourcePath: `arch/xen/kernel/f${i}.c`,
    destinationPath: `drivers/xen/core/f${i}.c`,
    kind: 'source' as const,
    base: null,
    source: null,
    destination: null,
  })),
});

async function setup(rules: RenameRule[], drift: () => RuleDrift[] = () => []) {
  const plan = boardPlan();
  for (const r of rules) {
    plan.renames[r.id] = r;
    plan.renameOrder.push(r.id);
  }
  const server = new FakeServer(plan);
  server.answer('rename.drift', () => ok({ rules: drift() }));
  const store = createSprintStore(server.client());
  // boot() subscribes to pushes as the app does (the fake server answers no app.info).
  await store.getState().boot();
  store.getState().resetSnapshot(server.snapshot());
  // The board is shown: its cards' badges watch the drift, as BoardView does.
  store.getState().watchRenameDrift();
  const settle = () => new Promise((r) => setTimeout(r, 0));
  await settle();
  return { server, store, driftRequests: () => server.count('rename.drift'), settle };
}

describe('rename badges on board cards', () => {
  it('a card under a copied rule shows the phase and its drift; others show nothing', async () => {
    const { store, driftRequests } = await setup([rule('k', 'arch/xen/kernel', 'drivers/xen/core', 'copied')], () => [drifting('k', 3)]);
    expect(driftRequests()).toBe(1);
    expect(renamesOf(store.getState(), 'core')).toEqual([{ ruleId: 'k', from: 'arch/xen/kernel', to: 'drivers/xen/core', phase: 'copied', drift: 3 }]);
    expect(renamesOf(store.getState(), 'net')).toEqual([]);
  });

  it('planned and moved rules show their phase without drift; abandoned ones nothing; no copied rule, no request', async () => {
    const { store, driftRequests } = await setup([
      rule('k', 'arch/xen/kernel', 'drivers/xen/core', 'planned'),
      rule('n', 'drivers/xen/net', 'drivers/net/xen', 'moved'),
      rule('b', 'drivers/xen/blk', 'drivers/block/xen', 'abandoned'),
    ]);
    expect(renamesOf(store.getState(), 'core').map((r) => [r.phase, r.drift])).toEqual([['planned', null]]);
    expect(renamesOf(store.getState(), 'net').map((r) => [r.phase, r.drift])).toEqual([['moved', null]]);
    expect(renamesOf(store.getState(), 'blk')).toEqual([]);
    expect(driftRequests()).toBe(0);
  });

  it('a card keeps its badge list while another card moves, so it does not re-render', async () => {
    const { store } = await setup([rule('k', 'arch/xen/kernel', 'drivers/xen/core', 'copied')], () => [drifting('k', 1)]);
    const before = renamesOf(store.getState(), 'core');
    await store.getState().applyLocal({ type: 'card.assign', subsystemId: 'net', owner: 'ada' });
    expect(renamesOf(store.getState(), 'core')).toBe(before);
  });

  it('after plan pushes the drift is asked for again, once for pushes arriving together', async () => {
    let n = 1;
    const { server, store, driftRequests, settle } = await setup([rule('k', 'arch/xen/kernel', 'drivers/xen/core', 'copied')], () => [drifting('k', n)]);
    expect(driftRequests()).toBe(1);
    n = 4;
    server.changeElsewhere({ type: 'card.assign', subsystemId: 'net', owner: 'bob' });
    server.changeElsewhere({ type: 'card.state', subsystemId: 'blk', state: 'Review' });
    await settle();
    expect(driftRequests()).toBe(2);
    expect(renamesOf(store.getState(), 'core')[0]?.drift).toBe(4);
  });

  it('a rule finished elsewhere turns the badge to moved and stops asking for its drift', async () => {
    const copied = rule('k', 'arch/xen/kernel', 'drivers/xen/core', 'copied');
    let rules = [drifting('k', 2)];
    const { server, store, settle } = await setup([copied], () => rules);
    rules = [];
    server.changeElsewhere({ type: 'rename.put', rule: { ...copied, phase: 'moved', moveCommit: 'beef' } });
    await settle();
    expect(renamesOf(store.getState(), 'core').map((r) => [r.phase, r.drift])).toEqual([['moved', null]]);
    expect(store.getState().renameDrift).toEqual({});
  });
});
