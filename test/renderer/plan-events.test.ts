/**
 * Pushes that carry events: the store folds them onto the plan it has when they start at its
 * head, asks for one snapshot when it missed one, keeps drags in flight and undo working, and
 * derives the files in no subsystem from the inventory it holds.
 */
import { describe, expect, it } from 'vitest';
import type { PlanEventsPush } from '../../shared/api';
import type { Inventory } from '../../shared/model';
import { createSprintStore } from '../../renderer/src/store/create';
import { selectUnassignedFiles } from '../../renderer/src/store/selectors';
import { inventoryFile } from '../helpers/inventory';
import { boardPlan, FakeServer } from './fakeServer';

function setup() {
  const server = new FakeServer(boardPlan());
  const store = createSprintStore(server.client());
  store.getState().resetSnapshot(server.snapshot());
  // Pushes are delivered at once unless a test holds them back (the socket is slower than HTTP).
  const held: PlanEventsPush[] = [];
  const pushes = { hold: false, flush: () => held.splice(0).forEach((p) => store.getState().receiveEvents(p)) };
  server.client().subscribe((p) => {
    if (p.type !== 'plan.events') return;
    if (pushes.hold) held.push(p);
    else store.getState().receiveEvents(p);
  });
  return { server, store, pushes };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a push of events', () => {
  it('gives the plan and the feed a fresh snapshot gives, without asking for one', async () => {
    const { server, store } = setup();
    server.changeElsewhere({ type: 'card.assign', subsystemId: 'net', owner: 'bob' });
    server.changeElsewhere({ type: 'card.state', subsystemId: 'net', state: 'Review' }, 'Bob');
    server.changeElsewhere({ type: 'subsystem.rename', subsystemId: 'blk', name: 'Block devices' });
    await settle();
    const fresh = createSprintStore(server.client());
    fresh.getState().resetSnapshot(server.snapshot());
    expect(store.getState().confirmed).toEqual(fresh.getState().confirmed);
    expect(store.getState().plan).toEqual(server.plan);
    expect(store.getState().activity).toEqual(fresh.getState().activity);
    expect(server.count('plan.get')).toBe(0);
  });

  it('after a push the board missed, asks for exactly one snapshot and folds what came meanwhile on top', async () => {
    const { server, store } = setup();
    server.changeElsewhere({ type: 'card.assign', subsystemId: 'net', owner: 'bob' }, 'Grace', { lost: true });
    server.holding.add('plan.get');
    server.changeElsewhere({ type: 'card.state', subsystemId: 'net', state: 'Review' });
    server.changeElsewhere({ type: 'card.state', subsystemId: 'blk', state: 'Done' });
    expect(server.count('plan.get')).toBe(1);
    // The snapshot answered is the one asked for; a change after it still reaches the board.
    server.deliver('plan.get');
    await settle();
    server.changeElsewhere({ type: 'card.assign', subsystemId: 'core', owner: 'ada' });
    await settle();
    expect(server.count('plan.get')).toBe(1);
    expect(store.getState().plan).toEqual(server.plan);
  });

  it('takes its own change once, whether the push or the answer comes first', async () => {
    const { server, store, pushes } = setup();
    await store.getState().applyLocal({ type: 'card.state', subsystemId: 'net', state: 'Done' });
    pushes.hold = true;
    await store.getState().applyLocal({ type: 'card.assign', subsystemId: 'net', owner: 'bob' });
    const answered = store.getState().confirmed;
    expect(answered.head).toBe(server.plan.head);
    pushes.flush();
    await settle();
    expect(store.getState().confirmed).toBe(answered);
    expect(store.getState().activity.map((e) => e.type)).toEqual(['card.assign', 'card.state']);
    expect(server.count('plan.get')).toBe(0);
  });

  it('keeps a drag in flight on top and undo puts the card back', async () => {
    const { server, store } = setup();
    server.holdAnswers = true;
    const drag = store.getState().applyLocal({ type: 'card.state', subsystemId: 'net', state: 'Review' });
    server.changeElsewhere({ type: 'card.assign', subsystemId: 'blk', owner: 'ada' });
    expect(store.getState().plan.subsystems.net?.state).toBe('Review');
    expect(store.getState().plan.subsystems.blk?.owner).toBe('ada');
    server.release();
    expect(await drag).toBe(true);
    server.holdAnswers = false;
    await store.getState().undo();
    await settle();
    expect(store.getState().plan.subsystems.net?.state).toBe('Backlog');
    expect(store.getState().plan.subsystems.blk?.owner).toBe('ada');
    expect(store.getState().plan).toEqual(server.plan);
    expect(server.count('plan.get')).toBe(0);
  });
});

describe('files in no subsystem', () => {
  it('are derived from the inventory and the plan shown, and follow a file moved out of every subsystem', async () => {
    const { store } = setup();
    expect(selectUnassignedFiles(store.getState())).toEqual([]);
    const inventory: Inventory = {
      upstreamRef: 'v2.6.12',
      forkRef: 'xen',
      upstreamCommit: 'a',
      forkCommit: 'b',
      pairings: [],
      files: [
        inventoryFile('drivers/xen/net/netfront.c', 'modified'),
        inventoryFile('drivers/xen/net/netback.c', 'modified'),
        inventoryFile('drivers/xen/blk/blkfront.c', 'fork-only'),
        inventoryFile('arch/xen/kernel/evtchn.c', 'modified'),
        inventoryFile('arch/xen/kernel/time.c', 'modified'),
        inventoryFile('drivers/xen/core/evtchn.c', 'fork-only', 1, 0, { interimCopyOf: 'arch/xen/kernel/evtchn.c' }),
      ],
    };
    store.setState({ inventory });
    const first = selectUnassignedFiles(store.getState());
    expect(first).toEqual(['arch/xen/kernel/time.c']);
    // Selecting again with nothing changed gives the same array: a view showing it does not re-render.
    expect(selectUnassignedFiles(store.getState())).toBe(first);
    await store.getState().applyLocal({ type: 'subsystems.put', subsystems: [{ ...store.getState().plan.subsystems.blk!, files: [] }], remove: [] });
    expect(selectUnassignedFiles(store.getState())).toEqual(['drivers/xen/blk/blkfront.c', 'arch/xen/kernel/time.c']);
  });
});
