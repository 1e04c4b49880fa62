import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/model';
import type { ClientCommand, PlanChange, PlanEvent } from '../../../shared/plan/events';
import { historyOf, sameActor } from '../../../shared/plan/history';
import { applied, basePlan } from './plan-fixture';

const ALICE: Actor = { name: 'Alice', email: 'alice@example.org' };
const BOB: Actor = { name: 'Bob', email: 'bob@example.org' };

let n = 0;
function ev(by: Actor, change: PlanChange): PlanEvent {
  n++;
  const at = new Date(Date.UTC(2026, 0, 5, 9, 0, n)).toISOString();
  return { ...change, id: `${at}-${String(n).padStart(4, '0')}`, at, by } as PlanEvent;
}

const assign = (owner: string | null): ClientCommand => ({ type: 'card.assign', subsystemId: 'net', owner });
const state = (s: 'Backlog' | 'In progress' | 'Review' | 'Done'): ClientCommand => ({ type: 'card.state', subsystemId: 'net', state: s });

describe('undo and redo derived from the plan log', () => {
  it("keeps each person's own changes, newest last, with the inverse taken on the plan before each", () => {
    const log = [ev(ALICE, assign('bob')), ev(BOB, state('Review')), ev(ALICE, state('Done'))];
    const h = historyOf(log, ALICE, 200, basePlan());
    expect(h.undo.map((s) => s.redo)).toEqual([assign('bob'), state('Done')]);
    // Bob moved the card to Review before Alice made it Done: her undo goes back to Review.
    expect(h.undo.map((s) => s.undo)).toEqual([assign(null), state('Review')]);
    expect(h.redo).toEqual([]);
    expect(historyOf(log, BOB, 200, basePlan()).undo.map((s) => s.undo)).toEqual([state('Backlog')]);
  });

  it('recognises an undo in the log as the inverse of the top step, and a redo as its change', () => {
    const made = [ev(ALICE, assign('bob')), ev(ALICE, state('Done'))];
    const undone = [...made, ev(ALICE, state('Backlog'))];
    const h1 = historyOf(undone, ALICE, 200, basePlan());
    expect(h1.undo.map((s) => s.redo)).toEqual([assign('bob')]);
    expect(h1.redo.map((s) => s.redo)).toEqual([state('Done')]);

    const twice = [...undone, ev(ALICE, assign(null))];
    const h2 = historyOf(twice, ALICE, 200, basePlan());
    expect(h2.undo).toEqual([]);
    expect(h2.redo.map((s) => s.redo)).toEqual([state('Done'), assign('bob')]);

    const redone = [...twice, ev(ALICE, assign('bob'))];
    const h3 = historyOf(redone, ALICE, 200, basePlan());
    expect(h3.undo.map((s) => s.redo)).toEqual([assign('bob')]);
    expect(h3.redo.map((s) => s.redo)).toEqual([state('Done')]);
  });

  it('a new change after an undo empties redo', () => {
    const log = [ev(ALICE, state('Done')), ev(ALICE, state('Backlog')), ev(ALICE, state('Review'))];
    const h = historyOf(log, ALICE, 200, basePlan());
    expect(h.redo).toEqual([]);
    expect(h.undo.map((s) => s.undo)).toEqual([state('Backlog')]);
  });

  it('leaves out engine events, other people, refused events and changes with no one-step inverse', () => {
    const log = [
      // The rename engine writes as the person who asked: still not a change Undo may take back.
      ev(ALICE, { type: 'rename.remove', ruleId: 'r1' }),
      ev(BOB, state('Done')),
      ev(ALICE, { type: 'card.assign', subsystemId: 'gone', owner: 'bob' }),
      ev(ALICE, state('Review')),
    ];
    const h = historyOf(log, ALICE, 200, basePlan());
    expect(h.undo.map((s) => s.redo)).toEqual([state('Review')]);
    expect(h.undo[0]!.undo).toEqual(state('Done'));
  });

  it('applying the derived undo puts the card back as it was before the change', () => {
    const before = basePlan();
    const log = [ev(BOB, assign('alice')), ev(ALICE, assign('bob'))];
    const h = historyOf(log, ALICE, 200, before);
    let plan = before;
    for (const e of log) plan = applied(plan, e);
    expect(applied(plan, h.undo.at(-1)!.undo).subsystems.net!.owner).toBe('alice');
  });

  it('keeps at most the limit, dropping the oldest', () => {
    const log = ['Review', 'Done', 'In progress', 'Review'].map((s) => ev(ALICE, state(s as 'Review')));
    const h = historyOf(log, ALICE, 2, basePlan());
    expect(h.undo.map((s) => s.redo)).toEqual([state('In progress'), state('Review')]);
  });

  it('matches a person by e-mail in any case, or by name when one has no e-mail', () => {
    expect(sameActor(ALICE, { name: 'alice l.', email: 'Alice@Example.org' })).toBe(true);
    expect(sameActor(ALICE, { name: 'Alice', email: 'other@example.org' })).toBe(false);
    expect(sameActor({ name: 'Alice', email: '' }, ALICE)).toBe(true);
  });
});
