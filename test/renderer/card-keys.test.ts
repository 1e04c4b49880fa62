import { describe, expect, it } from 'vitest';
import { cardRange, firstCard, neighbour, readingOrder, type Grid } from '../../renderer/src/views/card/navigation';
import { formatBoardQuery, parseBoardQuery } from '../../renderer/src/views/shell/boardQuery';
import { parseHash } from '../../renderer/src/views/shell/routing';

// Three columns; the middle one is empty, as a person with no cards is.
const grid: Grid = {
  columns: [{ key: 'ada' }, { key: 'bo' }, { key: 'unassigned' }],
  cards: { ada: ['a1', 'a2', 'a3'], bo: [], unassigned: ['u1', 'u2'] },
};

describe('arrow keys between cards', () => {
  it('moves up and down a column and stops at its ends', () => {
    expect(neighbour(grid, 'a1', 'ArrowDown')).toBe('a2');
    expect(neighbour(grid, 'a3', 'ArrowDown')).toBeNull();
    expect(neighbour(grid, 'a1', 'ArrowUp')).toBeNull();
    expect(neighbour(grid, 'a2', 'End')).toBe('a3');
    expect(neighbour(grid, 'a3', 'Home')).toBe('a1');
  });

  it('crosses empty columns sideways, to the same height or the last card above it', () => {
    expect(neighbour(grid, 'a1', 'ArrowRight')).toBe('u1');
    expect(neighbour(grid, 'a3', 'ArrowRight')).toBe('u2');
    expect(neighbour(grid, 'u2', 'ArrowLeft')).toBe('a2');
    expect(neighbour(grid, 'u1', 'ArrowRight')).toBeNull();
  });

  it('starts from the first card when the focused one is no longer shown', () => {
    expect(neighbour(grid, 'gone', 'ArrowDown')).toBe('a1');
    expect(firstCard({ columns: [{ key: 'x' }], cards: { x: [] } })).toBeNull();
  });

  it('selects the run of cards in reading order, either way', () => {
    expect(readingOrder(grid)).toEqual(['a1', 'a2', 'a3', 'u1', 'u2']);
    expect(cardRange(grid, 'a2', 'u1')).toEqual(['a2', 'a3', 'u1']);
    expect(cardRange(grid, 'u1', 'a2')).toEqual(['a2', 'a3', 'u1']);
    expect(cardRange(grid, null, 'a3')).toEqual(['a3']);
    expect(cardRange(grid, 'a1', 'gone')).toEqual([]);
  });
});

describe('the board filters in the address', () => {
  it('writes only what is set, and reads it back', () => {
    const filter = { person: 'person-ada', state: 'Review' as const, text: 'net front', blocked: true, mine: true, notVerified: false };
    const query = formatBoardQuery(filter);
    expect(query).toBe('?person=person-ada&state=Review&q=net+front&blocked=1&mine=1');
    expect(parseBoardQuery(`#/board/state${query}`)).toEqual({ ...filter, notVerified: false });
    expect(formatBoardQuery({ person: 'all', state: 'all', text: '' })).toBe('');
  });

  it('leaves out a state no board has, and keeps the view and grouping readable', () => {
    expect(parseBoardQuery('#/board/person?state=Bogus&blocked=yes').state).toBe('all');
    expect(parseBoardQuery('#/board/person?state=Bogus&blocked=yes').blocked).toBe(false);
    expect(parseHash('#/board/state?blocked=1')).toEqual({ view: 'board', mode: 'state' });
  });
});
