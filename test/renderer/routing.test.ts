import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../renderer/src/views/shell/routing';

describe('the address names the view', () => {
  it('reads a view and the board grouping from the hash', () => {
    expect(parseHash('#/board/state')).toEqual({ view: 'board', mode: 'state' });
    expect(parseHash('#/inventory')).toEqual({ view: 'inventory', mode: null });
    expect(parseHash('#board')).toEqual({ view: 'board', mode: null });
  });

  it('ignores an empty or unknown hash', () => {
    expect(parseHash('')).toBeNull();
    expect(parseHash('#/nowhere')).toBeNull();
  });

  it('writes what it reads back', () => {
    expect(parseHash(formatHash('board', 'person'))).toEqual({ view: 'board', mode: 'person' });
    expect(parseHash(formatHash('series', 'state'))).toEqual({ view: 'series', mode: null });
  });
});
