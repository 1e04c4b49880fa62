import { describe, expect, it } from 'vitest';
import { boardLayout, laneKey, parseLaneKey, stateOfSlug, stateSlug } from '../../renderer/src/store/selectors';
import { nextColumnRect } from '../../renderer/src/views/board/boardDnd';
import { boardPlan } from './fakeServer';

const all = { person: 'all', state: 'all' as const, text: '' };

describe('boardLayout', () => {
  it('by person: Unassigned first (all the work at the start), then a column per person in order, cards in plan order', () => {
    const plan = boardPlan();
    plan.subsystems.blk!.owner = 'bob';
    const layout = boardLayout(plan, 'person', all);
    expect(layout.columns.map((c) => c.key)).toEqual(['unassigned', 'ada', 'bob']);
    expect(layout.lanes).toEqual([]);
    expect(layout.cards).toEqual({ ada: [], bob: ['blk'], unassigned: ['net', 'core'] });
  });

  it('by state: the four states, whatever the owners', () => {
    const plan = boardPlan();
    plan.subsystems.core!.state = 'In progress';
    const layout = boardLayout(plan, 'state', all);
    expect(layout.columns.map((c) => c.title)).toEqual(['Backlog', 'In progress', 'Review', 'Done']);
    expect(layout.cards['in-progress']).toEqual(['core']);
    expect(layout.cards.backlog).toEqual(['net', 'blk']);
  });

  it('filters by text on names, files and owners, and counts what is shown', () => {
    const plan = boardPlan();
    plan.subsystems.core!.owner = 'ada';
    expect(boardLayout(plan, 'person', { ...all, text: 'NETBACK' }).shown).toBe(1);
    expect(boardLayout(plan, 'person', { ...all, text: 'ada' }).cards.ada).toEqual(['core']);
    expect(boardLayout(plan, 'person', { ...all, text: 'nothing-matches' }).shown).toBe(0);
  });

  it('a person filter keeps only that column by person; a state filter only that column by state', () => {
    const plan = boardPlan();
    plan.subsystems.net!.owner = 'bob';
    expect(boardLayout(plan, 'person', { ...all, person: 'bob' }).columns.map((c) => c.key)).toEqual(['bob']);
    const byState = boardLayout(plan, 'state', { ...all, person: 'bob', state: 'Backlog' });
    expect(byState.columns.map((c) => c.key)).toEqual(['backlog']);
    expect(byState.cards.backlog).toEqual(['net']);
  });

  it('a card owned by someone no longer in the plan shows as unassigned', () => {
    const plan = boardPlan();
    plan.subsystems.net!.owner = 'gone';
    expect(boardLayout(plan, 'person', all).cards.unassigned).toContain('net');
  });

  it('swimlanes: a lane per person (Unassigned first) with a cell per state, each card in its owner and state', () => {
    const plan = boardPlan();
    plan.subsystems.blk!.owner = 'bob';
    plan.subsystems.blk!.state = 'Review';
    const layout = boardLayout(plan, 'lanes', all);
    expect(layout.lanes.map((l) => l.key)).toEqual(['unassigned', 'ada', 'bob']);
    expect(layout.lanes[2]!.cells).toEqual(['lane:bob:backlog', 'lane:bob:in-progress', 'lane:bob:review', 'lane:bob:done']);
    expect(layout.cards['lane:bob:review']).toEqual(['blk']);
    expect(layout.cards['lane:unassigned:backlog']).toEqual(['net', 'core']);
    expect(layout.shown).toBe(3);
    const filtered = boardLayout(plan, 'lanes', { ...all, person: 'bob', state: 'Review' });
    expect(filtered.lanes.map((l) => [l.key, l.cells])).toEqual([['bob', ['lane:bob:review']]]);
  });

  it('a lane key names its person and state, even a person id with a colon', () => {
    expect(parseLaneKey(laneKey('person:7', 'In progress'))).toEqual({ person: 'person:7', state: 'In progress' });
    expect(parseLaneKey('lane:ada:blocked')).toBeNull();
    expect(parseLaneKey('ada')).toBeNull();
  });

  it('state slugs round-trip', () => {
    expect(stateSlug('In progress')).toBe('in-progress');
    expect(stateOfSlug('in-progress')).toBe('In progress');
    expect(stateOfSlug('blocked')).toBeNull();
  });
});

describe('nextColumnRect', () => {
  const rect = (left: number, top = 0, width = 200, height = 600) => ({ left, top, width, height, right: left + width, bottom: top + height });
  const columns = [rect(0), rect(220), rect(440)];
  const card = { left: 230, top: 100, width: 180, height: 80, right: 410, bottom: 180 };

  it('moves right and left to the neighbouring column, not the own one', () => {
    expect(nextColumnRect(card, columns, 'ArrowRight')?.left).toBe(440);
    expect(nextColumnRect(card, columns, 'ArrowLeft')?.left).toBe(0);
  });

  it('has nowhere to go past the last column', () => {
    const last = { ...card, left: 450, right: 630 };
    expect(nextColumnRect(last, columns, 'ArrowRight')).toBeNull();
  });

  it('up and down reach columns laid out in another row', () => {
    const grid = [rect(0, 0, 200, 300), rect(0, 320, 200, 300)];
    const top = { left: 10, top: 50, width: 180, height: 80, right: 190, bottom: 130 };
    expect(nextColumnRect(top, grid, 'ArrowDown')?.top).toBe(320);
    expect(nextColumnRect(top, grid, 'ArrowUp')).toBeNull();
  });
});
