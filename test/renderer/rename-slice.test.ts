/**
 * The rename slice: the board's badges and the Rename view select the same drift, asked for
 * once per plan head and per `repo.changed` push however many views watch it; an answer that
 * arrives after a newer one is dropped; nothing is asked for while no view watches.
 */
import { describe, expect, it } from 'vitest';
import type { RenameRule, RuleDrift, RuleSummary } from '../../shared/rename/model';
import { fail, ok } from '../../shared/result';
import { createSprintStore } from '../../renderer/src/store/create';
import { renamesOf } from '../../renderer/src/store/cardRenames';
import { boardPlan, FakeServer } from './fakeServer';

const copied: RenameRule = { id: 'k', from: 'arch/xen/kernel', to: 'drivers/xen/core', phase: 'copied', copyCommit: 'c0ffee', moveCommit: null };

const driftOf = (n: number): RuleDrift[] => [
  {
    ruleId: 'k',
    files: Array.from({ length: n }, (_, i) => ({
      rel: `f${i}.c`,
      sourcePath: `arch/xen/kernel/f${i}.c`,
      destinationPath: `drivers/xen/core/f${i}.c`,
      kind: 'source' as const,
      base: null,
      source: null,
      destination: null,
    })),
  },
];

const settle = () => new Promise((r) => setTimeout(r, 0));

async function setup() {
  const plan = boardPlan();
  plan.renames.k = copied;
  plan.renameOrder.push('k');
  const server = new FakeServer(plan);
  const world = { drifting: 1, fileCount: 3 };
  server.answer('rename.drift', () => ok({ rules: driftOf(world.drifting) }));
  server.answer('rename.list', () => ok({ rules: [{ rule: copied, problems: [], fileCount: world.fileCount } satisfies RuleSummary] }));
  const store = createSprintStore(server.client());
  // boot() subscribes to pushes as the app does (the fake server answers no app.info).
  await store.getState().boot();
  store.getState().resetSnapshot(server.snapshot());
  await settle();
  return { server, store, world };
}

/** Both views on screen: the board (BoardView's effect) and the Rename view (useRenameStatus's effect). */
function mountBoth(store: Awaited<ReturnType<typeof setup>>['store']): () => void {
  const board = store.getState().watchRenameDrift();
  const renameView = store.getState().watchRenameStatus();
  return () => {
    board();
    renameView();
  };
}

describe('the rename slice', () => {
  it('asks nothing while no view watches, and once for the board and the Rename view mounting together', async () => {
    const { server, store } = await setup();
    server.changeElsewhere({ type: 'card.assign', subsystemId: 'net', owner: 'bob' });
    await settle();
    expect(server.count('rename.drift')).toBe(0);

    mountBoth(store);
    await settle();
    expect(server.count('rename.drift')).toBe(1);
    expect(server.count('rename.list')).toBe(1);
    expect(store.getState().renameDrift.k).toHaveLength(1);
    expect(store.getState().renameSummaries.k?.fileCount).toBe(3);
    expect(renamesOf(store.getState(), 'core')[0]?.drift).toBe(1);
  });

  it('a plan change makes exactly one rename.drift request with the board and the Rename view both mounted', async () => {
    const { server, store, world } = await setup();
    mountBoth(store);
    await settle();
    const before = server.count('rename.drift');

    world.drifting = 2;
    server.changeElsewhere({ type: 'card.state', subsystemId: 'blk', state: 'Review' });
    await settle();
    expect(server.count('rename.drift')).toBe(before + 1);
    expect(server.count('rename.list')).toBe(2);
    // The badge and the Rename view read the same answer.
    expect(renamesOf(store.getState(), 'core')[0]?.drift).toBe(2);
    expect(store.getState().renameDrift.k).toHaveLength(2);

    // The same snapshot pushed again (a reconnection's catch-up) is no new plan head.
    server.push();
    await settle();
    expect(server.count('rename.drift')).toBe(before + 1);
  });

  it('the Rename view opening after the board asks for the summaries only: the drift of this plan head is known or on its way', async () => {
    const { server, store } = await setup();
    store.getState().watchRenameDrift();
    await settle();
    store.getState().watchRenameStatus();
    await settle();
    expect(server.count('rename.drift')).toBe(1);
    expect(server.count('rename.list')).toBe(1);

    server.holding.add('rename.drift');
    server.changeElsewhere({ type: 'card.state', subsystemId: 'blk', state: 'Review' });
    await settle();
    // A second board (another tab of the same window) mounts while the answer is on its way.
    store.getState().watchRenameDrift();
    await settle();
    expect(server.count('rename.drift')).toBe(2);
    server.deliver('rename.drift');
  });

  it('a change applied from this board asks once, when the server confirms it', async () => {
    const { server, store } = await setup();
    mountBoth(store);
    await settle();
    await store.getState().applyLocal({ type: 'card.assign', subsystemId: 'net', owner: 'ada' });
    await settle();
    // The answer and the push carry the same plan head.
    expect(server.count('rename.drift')).toBe(2);
  });

  it('repo.changed refreshes the drift and the summaries, once each', async () => {
    const { server, store, world } = await setup();
    mountBoth(store);
    await settle();
    world.drifting = 4;
    world.fileCount = 5;
    server.send({ type: 'repo.changed' });
    await settle();
    expect(server.count('rename.drift')).toBe(2);
    expect(server.count('rename.list')).toBe(2);
    expect(renamesOf(store.getState(), 'core')[0]?.drift).toBe(4);
    expect(store.getState().renameSummaries.k?.fileCount).toBe(5);
  });

  it('a stale answer arriving after a newer one does not win', async () => {
    const { server, store, world } = await setup();
    mountBoth(store);
    await settle();
    server.holding.add('rename.drift');
    world.drifting = 2;
    server.changeElsewhere({ type: 'card.state', subsystemId: 'blk', state: 'Review' });
    await settle();
    world.drifting = 5;
    server.send({ type: 'repo.changed' });
    await settle();
    expect(server.count('rename.drift')).toBe(3);

    server.deliver('rename.drift', 'newest-first');
    await settle();
    expect(store.getState().renameDrift.k).toHaveLength(5);
    expect(renamesOf(store.getState(), 'core')[0]?.drift).toBe(5);
  });

  it('an older answer arriving first shows until the newer one comes', async () => {
    const { server, store, world } = await setup();
    mountBoth(store);
    await settle();
    server.holding.add('rename.drift');
    world.drifting = 2;
    server.changeElsewhere({ type: 'card.state', subsystemId: 'blk', state: 'Review' });
    await settle();
    world.drifting = 5;
    server.changeElsewhere({ type: 'card.state', subsystemId: 'net', state: 'Review' });
    await settle();
    server.deliver('rename.drift', 'oldest-first');
    await settle();
    expect(store.getState().renameDrift.k).toHaveLength(5);
  });

  it('stops asking once every view is gone; Refresh asks even when nothing changed', async () => {
    const { server, store } = await setup();
    const unmount = mountBoth(store);
    await settle();
    await store.getState().reloadRenameStatus();
    expect(server.count('rename.drift')).toBe(2);
    expect(server.count('rename.list')).toBe(2);

    unmount();
    // React may run an effect's cleanup twice; the second changes nothing.
    unmount();
    server.changeElsewhere({ type: 'card.state', subsystemId: 'blk', state: 'Review' });
    await settle();
    expect(server.count('rename.drift')).toBe(2);
    // The board alone still wants the drift, not the summaries.
    store.getState().watchRenameDrift();
    await settle();
    expect(server.count('rename.drift')).toBe(3);
    expect(server.count('rename.list')).toBe(2);
  });

  it('a failed drift request keeps the drift shown and says why', async () => {
    const { server, store } = await setup();
    mountBoth(store);
    await settle();
    server.answer('rename.drift', () => fail('internal', 'git diff-tree failed: run git fsck.'));
    server.changeElsewhere({ type: 'card.state', subsystemId: 'blk', state: 'Review' });
    await settle();
    expect(store.getState().renameDrift.k).toHaveLength(1);
    expect(store.getState().renameDriftError).toBe('git diff-tree failed: run git fsck.');
  });

  it('shows nothing read from the repository open before, even when it arrives after another was opened', async () => {
    const { server, store, world } = await setup();
    server.answer('repo.open', ({ path }) => ok({ path, name: 'linux', branch: 'xen', branches: ['xen'], tags: [], hasPlan: true }));
    await store.getState().openRepo('/src/xen-sparse');
    store.getState().watchRenameStatus();
    await settle();
    expect(store.getState().renameDrift.k).toHaveLength(1);

    server.holding.add('rename.drift');
    world.drifting = 7;
    server.send({ type: 'repo.changed' });
    await settle();
    world.drifting = 0;
    await store.getState().openRepo('/src/linux');
    await settle();
    expect(store.getState().renameDrift).toEqual({});
    server.deliver('rename.drift', 'oldest-first', 1);
    await settle();
    expect(store.getState().renameDrift).toEqual({});
    server.deliver('rename.drift');
    await settle();
    expect(store.getState().renameDrift.k).toEqual([]);
  });

  it('keeps the newest answer of what still names an old path', async () => {
    const { server, store } = await setup();
    let line = 1;
    server.answer('rename.refs', () => ok({ rules: [{ ruleId: 'k', references: [{ path: 'Makefile', line: line++, text: 'obj-y += arch/xen/kernel/', kind: 'makefile' }] }] }));
    server.holding.add('rename.refs');
    const first = store.getState().loadRenameRefs('k');
    const second = store.getState().loadRenameRefs('k');
    server.deliver('rename.refs', 'newest-first');
    await Promise.all([first, second]);
    expect(store.getState().renameRefs.k?.map((r) => r.line)).toEqual([2]);
  });
});
