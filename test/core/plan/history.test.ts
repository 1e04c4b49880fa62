import { describe, expect, it } from 'vitest';
import type { Subsystem } from '../../../shared/model';
import { planStoreFixture } from '../../helpers/plan-store';

const fx = planStoreFixture();
const ada = { name: 'Ada', email: 'ada@example.org' };
const grace = { name: 'Grace', email: 'grace@example.org' };
const sub = (id: string): Subsystem => ({ id, name: id, files: [`drivers/xen/${id}/a.c`], source: { kind: 'manual' }, owner: null, state: 'Backlog', blocked: null });

describe('undo history from the plan ref', () => {
  it("a store opened again (a reload) gives each person their own last changes, and knows an undo that was made", async () => {
    const repo = fx.repo();
    const first = await fx.open(repo);
    expect((await first.change({ type: 'subsystems.replace', subsystems: [sub('core'), sub('net')] }, grace)).ok).toBe(true);
    expect((await first.change({ type: 'card.state', subsystemId: 'core', state: 'In progress' }, ada)).ok).toBe(true);
    expect((await first.change({ type: 'card.state', subsystemId: 'net', state: 'Review' }, ada)).ok).toBe(true);
    expect((await first.change({ type: 'card.state', subsystemId: 'core', state: 'Done' }, grace)).ok).toBe(true);
    // Ada undoes her last change.
    expect((await first.change({ type: 'card.state', subsystemId: 'net', state: 'Backlog' }, ada)).ok).toBe(true);
    first.close();

    const again = await fx.open(repo);
    const h = await again.history(ada);
    expect(h.undo.map((s) => s.redo)).toEqual([{ type: 'card.state', subsystemId: 'core', state: 'In progress' }]);
    expect(h.undo.map((s) => s.undo)).toEqual([{ type: 'card.state', subsystemId: 'core', state: 'Backlog' }]);
    expect(h.redo.map((s) => s.redo)).toEqual([{ type: 'card.state', subsystemId: 'net', state: 'Review' }]);
    const g = await again.history(grace);
    expect(g.undo.map((s) => s.redo.type)).toEqual(['subsystems.replace', 'card.state']);
    expect(g.undo[1]!.undo).toEqual({ type: 'card.state', subsystemId: 'core', state: 'In progress' });
  });
});
