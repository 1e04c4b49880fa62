import { describe, expect, it } from 'vitest';
import type { PlanEvent } from '../../shared/plan/events';
import { describeActivity, describeChange, describeEvent, timeAgo } from '../../renderer/src/text/describe';
import { isAtLeastAsNew } from '../../renderer/src/store/freshness';
import { jsonEqual, reconcilePlan } from '../../renderer/src/store/reconcile';
import { boardPlan } from './fakeServer';

const event = (at: string, id = `${at}-a`): PlanEvent => ({ type: 'card.reorder', order: [], at, id, by: { name: 'Ada', email: '' } });

describe('activity in words', () => {
  const plan = boardPlan();

  it('names the person, the card and the column', () => {
    const e = { type: 'card.state', subsystemId: 'net', state: 'In progress', id: 'x', at: '2025-01-01T10:00:00.000Z', by: { name: 'Ada', email: '' } } as const;
    expect(describeEvent(e, plan)).toBe('Ada moved net to In progress');
    expect(describeChange({ type: 'card.assign', subsystemId: 'blk', owner: 'bob' }, plan)).toBe('assigned blk to Bob');
    expect(describeChange({ type: 'card.assign', subsystemId: 'blk', owner: null }, plan)).toBe('unassigned blk');
    expect(describeChange({ type: 'card.block', subsystemId: 'core', reason: 'waiting for upstream' }, plan)).toBe('marked core blocked: waiting for upstream');
    expect(describeChange({ type: 'subsystem.merge', subsystemIds: ['net', 'blk'], into: 'net' }, plan)).toBe('merged blk into net');
  });

  it('tells adding a person from updating one', () => {
    expect(describeChange({ type: 'person.put', person: { id: 'cy', name: 'Cy', email: '', color: '#000000' } }, plan)).toBe('added Cy');
    expect(describeChange({ type: 'person.put', person: { id: 'ada', name: 'Ada L.', email: '', color: '#000000' } }, plan)).toBe('updated Ada L.');
  });

  it('says how long ago', () => {
    const now = Date.parse('2025-01-01T12:00:00Z');
    expect(timeAgo('2025-01-01T11:59:40Z', now)).toBe('just now');
    expect(timeAgo('2025-01-01T11:58:00Z', now)).toBe('2 min ago');
    expect(timeAgo('2025-01-01T09:00:00Z', now)).toBe('3 h ago');
    expect(timeAgo('2024-12-31T12:00:00Z', now)).toBe('1 day ago');
  });
});

describe('snapshot freshness and reconciliation', () => {
  it('the snapshot with the later newest event is newer; an empty log is oldest', () => {
    const older = [event('2025-01-01T10:00:00.000Z')];
    const newer = [event('2025-01-01T10:00:01.000Z'), ...older];
    expect(isAtLeastAsNew(newer, older)).toBe(true);
    expect(isAtLeastAsNew(older, newer)).toBe(false);
    expect(isAtLeastAsNew(older, older)).toBe(true);
    expect(isAtLeastAsNew([], older)).toBe(false);
  });

  it('keeps unchanged records and the whole plan when nothing changed', () => {
    const prev = boardPlan();
    expect(reconcilePlan(prev, structuredClone(prev))).toBe(prev);
    const next = structuredClone(prev);
    next.subsystems.net!.owner = 'ada';
    const merged = reconcilePlan(prev, next);
    expect(merged.subsystems.blk).toBe(prev.subsystems.blk);
    expect(merged.subsystems.net).not.toBe(prev.subsystems.net);
    expect(merged.people).toBe(prev.people);
  });

  it('compares JSON structurally', () => {
    expect(jsonEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(jsonEqual({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(jsonEqual({ a: null }, { b: null })).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
  });
});

describe('the activity feed', () => {
  it('says a person was added the first time they are put, updated after', () => {
    const by = { name: 'Keir', email: '' };
    const put = (name: string, at: string): PlanEvent => ({ type: 'person.put', person: { id: 'p1', name, email: '', color: '#000000' }, at, id: `${at}-a`, by });
    const newestFirst = [put('Ian P.', '2025-01-01T10:00:02.000Z'), put('Ian', '2025-01-01T10:00:01.000Z')];
    expect(describeActivity(newestFirst, boardPlan())).toEqual(['Keir updated Ian P.', 'Keir added Ian']);
  });
});
