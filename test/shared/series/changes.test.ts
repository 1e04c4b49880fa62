import { describe, expect, it } from 'vitest';
import { coverage, coverageProblem, firstOrderConflict, type ChangedFile, type ChangeStatus } from '../../../shared/series/changes';
import type { SeriesPatch } from '../../../shared/series/model';

const change = (path: string, status: ChangeStatus): ChangedFile => ({ path, status, mode: '100644', oid: '1'.repeat(40) });
const patch = (id: string, files: string[]): SeriesPatch => ({ id, subject: `subject ${id}`, description: '', author: null, files });

describe('coverage', () => {
  const changes = [change('a.c', 'M'), change('b.c', 'A'), change('c.c', 'D')];
  it('is complete when every changed file is in one patch', () => {
    const c = coverage([patch('p1', ['a.c']), patch('p2', ['b.c', 'c.c'])], changes);
    expect(c).toEqual({ uncovered: [], duplicates: [], unchanged: [], empty: [] });
    expect(coverageProblem(c, (id) => id)).toBeNull();
  });
  it('names files in none, files in two, unchanged files and empty patches', () => {
    const c = coverage([patch('p1', ['a.c', 'b.c']), patch('p2', ['b.c']), patch('p3', ['zzz.c'])], changes);
    expect(c.uncovered).toEqual(['c.c']);
    expect(c.duplicates).toEqual([{ path: 'b.c', patchIds: ['p1', 'p2'] }]);
    expect(c.unchanged).toEqual([{ patchId: 'p3', path: 'zzz.c' }]);
    expect(c.empty).toEqual(['p3']);
    expect(coverageProblem(c, (id) => `subject ${id}`)).toMatch(/"b\.c" is in two patches/);
  });
});

describe('firstOrderConflict', () => {
  // Upstream has a file `foo`; the target has a folder `foo/` instead, and the reverse for `dir`.
  const changes = [change('foo', 'D'), change('foo/bar', 'A'), change('dir/x', 'D'), change('dir', 'A')];
  it('accepts removals before the additions that need their place', () => {
    expect(firstOrderConflict([patch('rm', ['foo', 'dir/x']), patch('add', ['foo/bar', 'dir'])], changes)).toBeNull();
  });
  it('finds a file added under a path that is still a file', () => {
    const c = firstOrderConflict([patch('add', ['foo/bar']), patch('rm', ['foo']), patch('rest', ['dir/x', 'dir'])], changes);
    expect(c).toEqual({ index: 0, patchId: 'add', path: 'foo/bar', blocker: 'foo', blockerPatchId: 'rm' });
  });
  it('finds a file added where a folder still holds files', () => {
    const c = firstOrderConflict([patch('first', ['foo', 'foo/bar']), patch('add', ['dir']), patch('rm', ['dir/x'])], changes);
    expect(c).toEqual({ index: 1, patchId: 'add', path: 'dir', blocker: 'dir/x', blockerPatchId: 'rm' });
  });
});
