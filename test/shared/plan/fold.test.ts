import { describe, expect, it } from 'vitest';
import type { PlanChange, PlanEvent } from '../../../shared/plan/events';
import { foldEvents, foldOnto, parsePlanEvent } from '../../../shared/plan/fold';
import { basePlan } from './plan-fixture';
import { alice, bob, subsystem } from './plan-fixture';

const by = { name: 'Ada', email: 'ada@example.org' };
const ev = (at: string, id: string, change: PlanChange): PlanEvent => ({ ...change, id: `${at}-${id}`, at, by });

const setup: PlanEvent[] = [
  ev('2005-07-01T10:00:00.000Z', 'a', { type: 'person.put', person: alice }),
  ev('2005-07-01T10:00:01.000Z', 'a', { type: 'person.put', person: bob }),
  ev('2005-07-01T10:00:02.000Z', 'a', { type: 'subsystems.replace', subsystems: [subsystem('core', ['c/1']), subsystem('net', ['n/1'])] }),
];

describe('foldEvents', () => {
  it('applies events in time order whatever order they come in', () => {
    const assignAlice = ev('2005-07-01T11:00:00.000Z', 'x', { type: 'card.assign', subsystemId: 'core', owner: 'alice' });
    const assignBob = ev('2005-07-01T12:00:00.000Z', 'x', { type: 'card.assign', subsystemId: 'core', owner: 'bob' });
    const forward = foldEvents([...setup, assignAlice, assignBob]);
    const backward = foldEvents([assignBob, assignAlice, setup[2]!, setup[0]!, setup[1]!]);
    expect(forward.plan.subsystems.core?.owner).toBe('bob');
    expect(backward.plan).toEqual(forward.plan);
  });

  it('orders events of the same time by id', () => {
    const at = '2005-07-01T11:00:00.000Z';
    const first = ev(at, 'aaaa', { type: 'card.state', subsystemId: 'net', state: 'Review' });
    const second = ev(at, 'bbbb', { type: 'card.state', subsystemId: 'net', state: 'Done' });
    expect(foldEvents([...setup, second, first]).plan.subsystems.net?.state).toBe('Done');
  });

  it('orders by the instant, not the spelling, of the time', () => {
    const early = ev('2005-07-01T13:00:00+02:00', 'z', { type: 'card.state', subsystemId: 'net', state: 'Review' });
    const late = ev('2005-07-01T12:00:00.000Z', 'a', { type: 'card.state', subsystemId: 'net', state: 'Done' });
    expect(foldEvents([...setup, late, early]).plan.subsystems.net?.state).toBe('Done');
  });

  it('skips and reports events refused after two logs merged, and keeps the rest', () => {
    // Laptop A merges net into core; laptop B, later, assigns net to Bob and moves core to Review.
    const merge = ev('2005-07-01T11:00:00.000Z', 'a', { type: 'subsystem.merge', subsystemIds: ['core', 'net'], into: 'core' });
    const assignNet = ev('2005-07-01T11:05:00.000Z', 'b', { type: 'card.assign', subsystemId: 'net', owner: 'bob' });
    const review = ev('2005-07-01T11:06:00.000Z', 'b', { type: 'card.state', subsystemId: 'core', state: 'Review' });
    const { plan, skipped } = foldEvents([...setup, assignNet, review, merge]);
    expect(plan.subsystemOrder).toEqual(['core']);
    expect(plan.subsystems.core?.state).toBe('Review');
    expect(skipped.map((s) => s.event.id)).toEqual([assignNet.id]);
    expect(skipped[0]?.reason).toMatch(/no subsystem with id "net"/);
  });

  it('reports malformed events and events with no valid time instead of throwing', () => {
    const broken = { id: 'x-1', at: '2005-07-01T11:00:00.000Z', by, type: 'subsystems.put' } as unknown as PlanEvent;
    const timeless = ev('yesterday', 'q', { type: 'card.state', subsystemId: 'net', state: 'Done' });
    const { plan, skipped } = foldEvents([...setup, broken, timeless]);
    expect(plan.subsystemOrder).toEqual(['core', 'net']);
    expect(plan.subsystems.net?.state).toBe('Backlog');
    expect(skipped.map((s) => s.event.id).sort()).toEqual(['x-1', 'yesterday-q']);
  });

  it('counts an event reached twice (by two merged histories) once', () => {
    const rename = ev('2005-07-01T11:00:00.000Z', 'r', { type: 'subsystem.rename', subsystemId: 'net', name: 'Networking' });
    const { skipped, plan } = foldEvents([...setup, rename, rename]);
    expect(skipped).toEqual([]);
    expect(plan.subsystems.net?.name).toBe('Networking');
  });
});

describe('foldOnto', () => {
  it('folds on top of a plan without changing that plan (it may be on a board)', () => {
    const start = basePlan();
    const cards = start.subsystems;
    const events = ['Review', 'Done'].flatMap((state, i) => [
      ev(`2005-07-02T10:00:0${i}.000Z`, 'n', { type: 'card.state', subsystemId: 'net', state: state as 'Review' | 'Done' }),
      ev(`2005-07-02T10:00:0${i}.500Z`, 'c', { type: 'card.assign', subsystemId: 'core', owner: 'bob' }),
    ]);
    const { plan } = foldOnto(start, events);
    expect(start).toEqual(basePlan());
    expect(start.subsystems).toBe(cards);
    expect(plan.subsystems.net?.state).toBe('Done');
    expect(plan.subsystems.core?.owner).toBe('bob');
    // A second fold from the same start is not affected by the first.
    expect(foldOnto(start, events.slice(0, 1)).plan.subsystems.net?.state).toBe('Review');
  });
});

describe('parsePlanEvent', () => {
  it('accepts a stored event and rejects what is not one', () => {
    const good = ev('2005-07-01T11:00:00.000Z', 'r', { type: 'card.state', subsystemId: 'net', state: 'Done' });
    const parsed = parsePlanEvent(JSON.parse(JSON.stringify(good)));
    expect(parsed).toEqual({ ok: true, value: good });
    const noActor = parsePlanEvent({ ...good, by: undefined });
    expect(noActor.ok).toBe(false);
    const unknownType = parsePlanEvent({ ...good, type: 'card.teleport' });
    expect(unknownType.ok ? '' : unknownType.error.message).toMatch(/not a change this version knows/);
    const badTime = parsePlanEvent({ ...good, at: 'soon' });
    expect(badTime.ok).toBe(false);
  });

  it("reads an older version's build check that still carries its command, and drops the command", () => {
    const legacy = { type: 'build.put', build: { id: 'b1', name: 'old layout', command: 'touch /tmp/pwned', last: null }, id: '2005-07-01T11:00:00.000Z-b', at: '2005-07-01T11:00:00.000Z', by };
    const parsed = parsePlanEvent(legacy);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value).toEqual({ ...legacy, build: { id: 'b1', name: 'old layout', last: null } });
    expect(JSON.stringify(foldEvents([parsed.value]).plan.builds)).not.toContain('pwned');
  });
});
