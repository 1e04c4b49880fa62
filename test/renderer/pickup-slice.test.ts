/**
 * The pick-up slice: the list asked for once per plan head and per `repo.changed` push while a
 * view watches, nothing while none does or no fork ref is set; the cards' counts come from the
 * same answer; "Pick up all that apply cleanly" sends the commits that are not in conflict, a few
 * a call, and its progress ends.
 */
import { expect, it } from 'vitest';
import type { PickupCommit, PickupList } from '../../shared/pickup/model';
import { ok } from '../../shared/result';
import { createSprintStore } from '../../renderer/src/store/create';
import { boardPlan, FakeServer } from './fakeServer';

const settle = () => new Promise((r) => setTimeout(r, 0));
const commit = (n: number, status: PickupCommit['status'], path: string): PickupCommit => ({
  commit: String(n).repeat(40).slice(0, 40), subject: `fork ${n}`, author: 'Keir', date: '2005-06-01T00:00:00Z', merge: false, status,
  files: [{ path, lands: [path] }], conflicts: [],
});

async function setup(ref: string | null) {
  const plan = boardPlan();
  plan.pickup = { ref, base: ref === null ? null : 'b'.repeat(40), picked: {} };
  const server = new FakeServer(plan);
  const waiting: PickupCommit[] = [
    ...Array.from({ length: 6 }, (_, i) => commit(i + 1, 'clean', 'arch/xen/kernel/evtchn.c')),
    commit(7, 'conflict', 'drivers/xen/blk/blkfront.c'),
  ];
  const list = (): PickupList => ({ ref: ref ?? '', tip: 'c'.repeat(40), branch: 'main', base: 'b'.repeat(40), commits: waiting, warnings: [] });
  const applied: string[][] = [];
  server.answer('pickup.list', () => ok(list()));
  server.answer('pickup.apply', (req) => {
    const asked = req.commits ?? [];
    applied.push(asked);
    return ok({ picked: asked.map((from) => ({ from, commit: null })), skipped: [], stoppedAt: null });
  });
  const store = createSprintStore(server.client());
  await store.getState().boot();
  store.getState().resetSnapshot(server.snapshot());
  await settle();
  return { server, store, applied };
}

it('asks once per plan head and repo.changed while watched, and the cards count the commits touching their files', async () => {
  const { server, store } = await setup('xen-unstable');
  await settle();
  expect(server.count('pickup.list')).toBe(0);
  const release = store.getState().watchPickup();
  store.getState().watchPickup();
  await settle();
  expect(server.count('pickup.list')).toBe(1);
  expect(store.getState().pickupPerCard).toEqual({ core: 6, blk: 1 });
  // A commit on the fork's ref moves a ref: the server says repo.changed, and the list is asked for again, once.
  server.send({ type: 'repo.changed' });
  await settle();
  expect(server.count('pickup.list')).toBe(2);
  server.changeElsewhere({ type: 'card.state', subsystemId: 'blk', state: 'Review' });
  await settle();
  expect(server.count('pickup.list')).toBe(3);
  release();
});

it('with no fork ref set, nothing is asked for', async () => {
  const { server, store } = await setup(null);
  store.getState().watchPickup();
  await settle();
  expect(server.count('pickup.list')).toBe(0);
});

it('Pick up all that apply cleanly sends the commits not in conflict, five a call, and the progress ends', async () => {
  const { store, applied } = await setup('xen-unstable');
  store.getState().watchPickup();
  await settle();
  const done = await store.getState().pickUpClean();
  expect(applied).toEqual([
    ['1', '2', '3', '4', '5'].map((n) => n.repeat(40)),
    ['6'.repeat(40)],
  ]);
  expect(done?.picked).toHaveLength(6);
  expect(store.getState().pickupProgress).toBeNull();
});
