import { describe, expect, it } from 'vitest';
import { createSprintStore } from '../../renderer/src/store/create';
import { laneKey } from '../../renderer/src/store/selectors';
import { dropChange } from '../../renderer/src/views/board/boardDnd';
import { boardPlan, FakeServer } from './fakeServer';

async function setup() {
  const server = new FakeServer(boardPlan());
  const store = createSprintStore(server.client());
  store.getState().resetSnapshot(server.snapshot());
  // Subscribe to pushes the way boot() does, without the app.info round trip.
  server.client().subscribe((p) => {
    if (p.type === 'plan.events') store.getState().receiveEvents(p);
  });
  return { server, store };
}

describe('applyLocal', () => {
  it('shows the change before the server answers, then keeps it once accepted', async () => {
    const { server, store } = await setup();
    server.holdAnswers = true;
    const done = store.getState().applyLocal({ type: 'card.assign', subsystemId: 'net', owner: 'ada' });
    expect(store.getState().plan.subsystems.net?.owner).toBe('ada');
    expect(store.getState().confirmed.subsystems.net?.owner).toBeNull();
    server.release();
    expect(await done).toBe(true);
    expect(store.getState().plan.subsystems.net?.owner).toBe('ada');
    expect(store.getState().confirmed.subsystems.net?.owner).toBe('ada');
    expect(store.getState().pending).toHaveLength(0);
  });

  it('rolls back and shows the server message when the change is refused', async () => {
    const { server, store } = await setup();
    server.refuseNext = 'Bob left the sprint: pick someone else.';
    const accepted = await store.getState().applyLocal({ type: 'card.assign', subsystemId: 'net', owner: 'bob' });
    expect(accepted).toBe(false);
    expect(store.getState().plan.subsystems.net?.owner).toBeNull();
    expect(store.getState().notices.map((n) => n.text)).toContain('Bob left the sprint: pick someone else.');
    expect(store.getState().undoStack).toHaveLength(0);
  });

  it('refuses locally, without a round trip, a change the plan engine rejects', async () => {
    const { server, store } = await setup();
    const accepted = await store.getState().applyLocal({ type: 'card.assign', subsystemId: 'net', owner: 'nobody-by-that-id' });
    expect(accepted).toBe(false);
    expect(server.received).toHaveLength(0);
    expect(store.getState().notices).toHaveLength(1);
  });

  it('keeps an in-flight change visible when a push about something else arrives', async () => {
    const { server, store } = await setup();
    server.holdAnswers = true;
    const done = store.getState().applyLocal({ type: 'card.state', subsystemId: 'net', state: 'Review' });
    server.changeElsewhere({ type: 'card.assign', subsystemId: 'blk', owner: 'bob' });
    expect(store.getState().plan.subsystems.blk?.owner).toBe('bob');
    expect(store.getState().plan.subsystems.net?.state).toBe('Review');
    server.release();
    await done;
    expect(store.getState().plan.subsystems.net?.state).toBe('Review');
    expect(store.getState().plan.subsystems.blk?.owner).toBe('bob');
  });

  it('ignores an answer older than a push already shown', async () => {
    const { server, store } = await setup();
    server.delayDelivery = true;
    const done = store.getState().applyLocal({ type: 'card.assign', subsystemId: 'net', owner: 'ada' });
    // The server has committed and pushed; someone else changes net before our answer arrives.
    expect(server.plan.subsystems.net?.owner).toBe('ada');
    server.changeElsewhere({ type: 'card.assign', subsystemId: 'net', owner: 'bob' });
    server.release();
    await done;
    expect(store.getState().plan.subsystems.net?.owner).toBe('bob');
  });

  it('folds the events of its own answer when no push told of them, without asking for a snapshot', async () => {
    const { server, store } = await setup();
    server.losePushes = true;
    expect(await store.getState().applyLocal({ type: 'card.state', subsystemId: 'net', state: 'Review' })).toBe(true);
    expect(server.count('plan.get')).toBe(0);
    expect(store.getState().confirmed.head).toBe(server.plan.head);
    expect(store.getState().confirmed.subsystems.net?.state).toBe('Review');
    expect(store.getState().pending).toHaveLength(0);
    expect(store.getState().activity.map((e) => e.type)).toEqual(server.activity.map((e) => e.type));
  });

  it('asks for a snapshot when its answer starts at a head it has not seen, and shows the change throughout', async () => {
    const { server, store } = await setup();
    server.losePushes = true;
    server.changeElsewhere({ type: 'card.assign', subsystemId: 'blk', owner: 'bob' }, 'Grace', { lost: true });
    const done = store.getState().applyLocal({ type: 'card.state', subsystemId: 'net', state: 'Review' });
    expect(store.getState().plan.subsystems.net?.state).toBe('Review');
    expect(await done).toBe(true);
    expect(server.count('plan.get')).toBe(1);
    expect(store.getState().confirmed.head).toBe(server.plan.head);
    expect(store.getState().plan.subsystems.blk?.owner).toBe('bob');
    expect(store.getState().plan.subsystems.net?.state).toBe('Review');
    expect(store.getState().pending).toHaveLength(0);
  });

  it('keeps the record drawn optimistically once the server confirms it', async () => {
    const { store } = await setup();
    const drawn = store.getState().applyLocal({ type: 'card.assign', subsystemId: 'net', owner: 'ada' });
    const optimistic = store.getState().plan.subsystems.net;
    expect(optimistic?.owner).toBe('ada');
    await drawn;
    expect(store.getState().plan.subsystems.net).toBe(optimistic);
  });

  it('keeps the identity of records a push did not change', async () => {
    const { server, store } = await setup();
    const blkBefore = store.getState().plan.subsystems.blk;
    server.changeElsewhere({ type: 'card.assign', subsystemId: 'net', owner: 'ada' });
    expect(store.getState().plan.subsystems.blk).toBe(blkBefore);
    expect(store.getState().plan.subsystems.net?.owner).toBe('ada');
  });
});

describe('undo and redo', () => {
  it('undo sends the inverse and puts the card back; redo moves it again', async () => {
    const { server, store } = await setup();
    await store.getState().applyLocal({ type: 'card.assign', subsystemId: 'net', owner: 'ada' });
    await store.getState().applyLocal({ type: 'card.state', subsystemId: 'net', state: 'In progress' });
    expect(store.getState().undoStack).toHaveLength(2);

    await store.getState().undo();
    expect(store.getState().plan.subsystems.net?.state).toBe('Backlog');
    expect(server.received.at(-1)).toEqual({ type: 'card.state', subsystemId: 'net', state: 'Backlog' });
    await store.getState().undo();
    expect(store.getState().plan.subsystems.net?.owner).toBeNull();
    expect(server.plan.subsystems.net?.owner).toBeNull();
    expect(store.getState().undoStack).toHaveLength(0);
    expect(store.getState().redoStack).toHaveLength(2);

    await store.getState().redo();
    expect(store.getState().plan.subsystems.net?.owner).toBe('ada');
    expect(server.plan.subsystems.net?.owner).toBe('ada');
  });

  it('a swimlane drop on another person and another state is one step: one undo puts the card back in its old cell', async () => {
    const { server, store } = await setup();
    const drop = dropChange(store.getState().plan, 'lanes', 'net', laneKey('ada', 'In progress'));
    expect(drop).not.toBeNull();
    await store.getState().applyLocal(drop!);
    expect(store.getState().plan.subsystems.net).toMatchObject({ owner: 'ada', state: 'In progress' });
    expect(store.getState().undoStack.map((e) => e.label)).toEqual(['assigned net to Ada and moved it to In progress']);

    await store.getState().undo();
    expect(store.getState().plan.subsystems.net).toMatchObject({ owner: null, state: 'Backlog' });
    expect(server.plan.subsystems.net).toMatchObject({ owner: null, state: 'Backlog' });
    expect(store.getState().undoStack).toHaveLength(0);

    await store.getState().redo();
    expect(server.plan.subsystems.net).toMatchObject({ owner: 'ada', state: 'In progress' });
    // A drop that changes one of the two stays the board's ordinary change.
    expect(dropChange(store.getState().plan, 'lanes', 'net', laneKey('ada', 'Review'))).toEqual({ type: 'card.state', subsystemId: 'net', state: 'Review' });
    expect(dropChange(store.getState().plan, 'lanes', 'net', laneKey('ada', 'In progress'))).toBeNull();
  });

  it('removing a person takes them off the cards they review, and one undo puts them back as reviewer', async () => {
    const { server, store } = await setup();
    await store.getState().applyLocal({ type: 'card.reviewer', subsystemId: 'net', reviewer: 'bob' });
    await store.getState().applyLocal({ type: 'person.remove', personId: 'bob' });
    expect(store.getState().plan.cards.net).toBeUndefined();
    expect(server.plan.cards.net).toBeUndefined();
    await store.getState().undo();
    expect(server.plan.people.bob?.name).toBe('Bob');
    expect(server.plan.cards.net?.reviewer).toBe('bob');
    expect(store.getState().plan.cards.net?.reviewer).toBe('bob');
  });

  it('a new change clears the redo stack', async () => {
    const { store } = await setup();
    await store.getState().applyLocal({ type: 'card.assign', subsystemId: 'net', owner: 'ada' });
    await store.getState().undo();
    expect(store.getState().redoStack).toHaveLength(1);
    await store.getState().applyLocal({ type: 'card.assign', subsystemId: 'blk', owner: 'bob' });
    expect(store.getState().redoStack).toHaveLength(0);
  });

  it('drops an undo the server refuses and says why', async () => {
    const { server, store } = await setup();
    await store.getState().applyLocal({ type: 'card.assign', subsystemId: 'net', owner: 'ada' });
    server.refuseNext = 'The plan moved on: reload.';
    await store.getState().undo();
    expect(store.getState().plan.subsystems.net?.owner).toBe('ada');
    expect(store.getState().undoStack).toHaveLength(0);
    expect(store.getState().redoStack).toHaveLength(0);
    expect(store.getState().notices.at(-1)?.text).toBe('The plan moved on: reload.');
  });

  it('undoes a merge back to the two subsystems with their files', async () => {
    const { store } = await setup();
    const before = structuredClone(store.getState().plan.subsystems);
    await store.getState().applyLocal({ type: 'subsystem.merge', subsystemIds: ['net', 'blk'], into: 'net' });
    expect(store.getState().plan.subsystems.blk).toBeUndefined();
    expect(store.getState().plan.subsystems.net?.files).toHaveLength(3);
    await store.getState().undo();
    expect(store.getState().plan.subsystems).toEqual(before);
  });
});
