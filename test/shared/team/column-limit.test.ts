import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../shared/plan/apply';
import { parseClientCommand } from '../../../shared/plan/schema';
import { columnLoad, describeColumnLimit } from '../../../shared/team/load';
import { applied, basePlan } from '../plan/plan-fixture';

describe("a column's work-in-progress limit", () => {
  it('counts the cards in the state against the limit and warns only past it', () => {
    // basePlan: core is In progress, net and docs are in Backlog.
    let plan = applied(basePlan(), { type: 'state.wipLimit', state: 'Backlog', limit: 2 });
    expect(columnLoad(plan, 'Backlog')).toEqual({ count: 2, limit: 2, over: false });
    expect(describeColumnLimit('Backlog', 2, 2)).toBeNull();
    plan = applied(plan, { type: 'card.state', subsystemId: 'core', state: 'Backlog' });
    expect(columnLoad(plan, 'Backlog')).toEqual({ count: 3, limit: 2, over: true });
    expect(describeColumnLimit('Backlog', 3, 2)).toBe('Backlog holds 3 cards, over its limit of 2: move one on before adding another.');
    expect(columnLoad(plan, 'Review')).toEqual({ count: 0, limit: null, over: false });
  });

  it('takes a limit off with null, leaving the plan as it was before any', () => {
    const before = basePlan();
    const set = applied(before, { type: 'state.wipLimit', state: 'Review', limit: 3 });
    expect(set.team.stateLimits).toEqual({ Review: 3 });
    expect(applied(set, { type: 'state.wipLimit', state: 'Review', limit: null }).team).toStrictEqual(before.team);
  });

  it('refuses a limit below 1, a fraction, or a state that does not exist, saying why', () => {
    const zero = parseClientCommand({ type: 'state.wipLimit', state: 'Review', limit: 0 });
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.error.message).toContain("A column's limit is at least 1 card.");
    expect(parseClientCommand({ type: 'state.wipLimit', state: 'Review', limit: 1.5 }).ok).toBe(false);
    expect(parseClientCommand({ type: 'state.wipLimit', state: 'Blocked', limit: 3 }).ok).toBe(false);
    expect(applyChange(basePlan(), { type: 'state.wipLimit', state: 'Done', limit: 5 }).ok).toBe(true);
  });
});
