import { describe, expect, it } from 'vitest';
import type { ClientCommand } from '../../../shared/plan/events';
import { applyChange } from '../../../shared/plan/apply';
import { foldOnto } from '../../../shared/plan/fold';
import { inverseOf } from '../../../shared/plan/inverse';
import { parseClientCommand } from '../../../shared/plan/schema';
import { alice, applied, basePlan } from '../plan/plan-fixture';

const refusal = (change: ClientCommand): string => {
  const r = applyChange(basePlan(), change);
  if (r.ok) throw new Error(`expected ${change.type} to be refused`);
  return r.error.message;
};

describe("a card's notes, checklist and reviewer", () => {
  it('keeps notes, and a card whose details are all cleared has no entry left', () => {
    const noted = applied(basePlan(), { type: 'card.notes', subsystemId: 'net', notes: 'ring size?' });
    expect(noted.cards.net).toEqual({ notes: 'ring size?', checklist: [], reviewer: null });
    expect(applied(noted, { type: 'card.notes', subsystemId: 'net', notes: '' }).cards).not.toHaveProperty('net');
  });

  it('adds checklist items last, edits one in place, and places one at an index', () => {
    let plan = applied(basePlan(), { type: 'card.checklist.put', subsystemId: 'core', item: { id: 'c2', text: 'builds', done: false } });
    plan = applied(plan, { type: 'card.checklist.put', subsystemId: 'core', item: { id: 'c1', text: 'hooks reviewed', done: false } });
    expect(plan.cards.core?.checklist.map((i) => [i.id, i.done])).toEqual([['c1', false], ['c2', false]]);
    plan = applied(plan, { type: 'card.checklist.put', subsystemId: 'core', item: { id: 'c3', text: 'boots', done: false }, index: 0 });
    expect(plan.cards.core?.checklist.map((i) => i.id)).toEqual(['c3', 'c1', 'c2']);
  });

  it('puts a removed item back where it stood on undo', () => {
    const before = applied(basePlan(), { type: 'card.checklist.put', subsystemId: 'core', item: { id: 'c2', text: 'builds', done: false } });
    const change: ClientCommand = { type: 'card.checklist.remove', subsystemId: 'core', itemId: 'c1' };
    const inverse = inverseOf(before, change);
    expect(inverse).toMatchObject({ type: 'card.checklist.put', index: 0 });
    expect(applied(applied(before, change), inverse!)).toStrictEqual(before);
  });

  it('two people adding items both keep theirs after the fold', () => {
    const by = { name: 'x', email: '' };
    const events = [
      { id: '1-a', at: '2026-01-01T00:00:00.000Z', by, type: 'card.checklist.put', subsystemId: 'net', item: { id: 'a', text: 'from Ada', done: false } },
      { id: '2-b', at: '2026-01-01T00:00:01.000Z', by, type: 'card.checklist.put', subsystemId: 'net', item: { id: 'b', text: 'from Bo', done: false } },
    ] as const;
    const folded = foldOnto(basePlan(), events as never);
    expect(folded.plan.cards.net?.checklist.map((i) => i.text)).toEqual(['from Ada', 'from Bo']);
  });

  it('refuses what would break the card, saying what to do', () => {
    expect(refusal({ type: 'card.notes', subsystemId: 'gone', notes: 'x' })).toMatch(/no subsystem with id "gone".*reload/);
    expect(refusal({ type: 'card.checklist.remove', subsystemId: 'net', itemId: 'nope' })).toMatch(/"net" has no checklist item with id "nope"/);
    expect(refusal({ type: 'card.reviewer', subsystemId: 'net', reviewer: 'carol' })).toMatch(/no person with id "carol": add the person first/);
    expect(refusal({ type: 'card.reviewer', subsystemId: 'core', reviewer: alice.id })).toBe('Alice owns "core": a card is reviewed by someone other than its owner.');
  });

  it('refuses bad input at the schema with a message', () => {
    const empty = parseClientCommand({ type: 'card.checklist.put', subsystemId: 'net', item: { id: 'i', text: '   ', done: false } });
    expect(empty.ok ? '' : empty.error.message).toBe('item.text: A checklist item needs some text.');
    const long = parseClientCommand({ type: 'card.notes', subsystemId: 'net', notes: 'x'.repeat(20_001) });
    expect(long.ok ? '' : long.error.message).toBe('notes: Notes are at most 20,000 characters.');
  });
});

describe('cards.set: several cards at once, undone as one step', () => {
  it('moves and assigns every named card, and its inverse gives back each prior owner and state', () => {
    const before = basePlan();
    const change: ClientCommand = { type: 'cards.set', cards: [{ subsystemId: 'core', state: 'Review' }, { subsystemId: 'net', owner: 'bob', state: 'Review' }, { subsystemId: 'docs', owner: 'alice' }] };
    const after = applied(before, change);
    expect(['core', 'net', 'docs'].map((id) => [after.subsystems[id]?.owner, after.subsystems[id]?.state])).toEqual([['alice', 'Review'], ['bob', 'Review'], ['alice', 'Backlog']]);
    const inverse = inverseOf(before, change);
    expect(inverse).toEqual({ type: 'cards.set', cards: [{ subsystemId: 'core', state: 'In progress' }, { subsystemId: 'net', owner: null, state: 'Backlog' }, { subsystemId: 'docs', owner: null }] });
    expect(applied(after, inverse!)).toStrictEqual(before);
  });

  it('refuses the whole change when one card or person is unknown, or a card is named twice', () => {
    expect(refusal({ type: 'cards.set', cards: [{ subsystemId: 'net', state: 'Done' }, { subsystemId: 'gone', state: 'Done' }] })).toMatch(/no subsystem with id "gone"/);
    expect(refusal({ type: 'cards.set', cards: [{ subsystemId: 'net', owner: 'carol' }] })).toMatch(/no person with id "carol"/);
    expect(refusal({ type: 'cards.set', cards: [{ subsystemId: 'net', state: 'Done' }, { subsystemId: 'net', owner: null }] })).toBe('The bulk change names "net" twice: name each card once.');
  });

  it('refuses an empty bulk change and a card with nothing to set', () => {
    const none = parseClientCommand({ type: 'cards.set', cards: [] });
    expect(none.ok ? '' : none.error.message).toBe('cards: A bulk change names at least one card.');
    const nothing = parseClientCommand({ type: 'cards.set', cards: [{ subsystemId: 'net' }] });
    expect(nothing.ok ? '' : nothing.error.message).toBe('cards.0: Each card in a bulk change needs an owner or a state to set.');
  });
});
