import { describe, expect, it } from 'vitest';
import { emptyPlan, type Plan } from '../../../shared/model';
import { applyChange } from '../../../shared/plan/apply';
import { inverseOf } from '../../../shared/plan/inverse';
import type { Result } from '../../../shared/result';
import { editPatch, mergePatches, moveFile, movePatch, reorderPatches, splitPatch } from '../../../shared/series/edit';
import type { SeriesEdit } from '../../../shared/series/events';
import type { SeriesPatch } from '../../../shared/series/model';

const patch = (id: string, files: string[], author: string | null = null): SeriesPatch => ({
  id,
  subject: `subject ${id}`,
  description: `about ${id}`,
  author,
  files,
});

function seriesPlan(): Plan {
  const applied = applyChange(emptyPlan(), {
    type: 'series.propose',
    target: 'xen',
    base: 'a'.repeat(40),
    patches: [patch('p1', ['a.c', 'b.c']), patch('p2', ['c.c'], 'alice'), patch('p3', ['d.c', 'e.c', 'f.c'])],
  });
  if (!applied.ok) throw new Error(applied.error.message);
  return applied.value;
}

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** Applies the edit, then its undo, and checks the undo gives the plan back exactly. */
function applyAndUndo(plan: Plan, change: SeriesEdit): Plan {
  const after = value(applyChange(plan, change));
  const undo = inverseOf(plan, change);
  expect(undo).not.toBeNull();
  expect(value(applyChange(after, undo!))).toEqual(plan);
  return after;
}

const order = (p: Plan): string[] => p.series.patchOrder;
const files = (p: Plan, id: string): string[] | undefined => p.series.patches[id]?.files;

describe('series edits', () => {
  it('reorders by a whole order and by moving one patch', () => {
    const plan = seriesPlan();
    expect(order(applyAndUndo(plan, value(reorderPatches(plan.series, ['p3', 'p1', 'p2']))))).toEqual(['p3', 'p1', 'p2']);
    expect(order(applyAndUndo(plan, value(movePatch(plan.series, 'p1', 2))))).toEqual(['p2', 'p3', 'p1']);
    expect(reorderPatches(plan.series, ['p1', 'p2']).ok).toBe(false);
  });

  it('merges two patches into the first one, where it stands', () => {
    const plan = seriesPlan();
    const after = applyAndUndo(plan, value(mergePatches(plan.series, 'p3', 'p1')));
    expect(order(after)).toEqual(['p2', 'p3']);
    expect(files(after, 'p3')).toEqual(['a.c', 'b.c', 'd.c', 'e.c', 'f.c']);
    expect(after.series.patches.p3?.description).toBe('about p3\n\nabout p1');
    expect(mergePatches(plan.series, 'p1', 'p1').ok).toBe(false);
  });

  it('splits files out into a new patch right after', () => {
    const plan = seriesPlan();
    const after = applyAndUndo(plan, value(splitPatch(plan.series, 'p3', ['e.c'], { subject: 'xen: split part' })));
    const newId = order(after)[3] as string;
    expect(order(after)).toEqual(['p1', 'p2', 'p3', newId]);
    expect(files(after, 'p3')).toEqual(['d.c', 'f.c']);
    expect(after.series.patches[newId]).toMatchObject({ subject: 'xen: split part', files: ['e.c'] });
    const all = splitPatch(plan.series, 'p3', ['d.c', 'e.c', 'f.c']);
    expect(all.ok ? '' : all.error.message).toMatch(/would leave it empty/);
    expect(splitPatch(plan.series, 'p3', ['a.c']).ok).toBe(false);
  });

  it('moves a file between patches, and refuses to empty a patch', () => {
    const plan = seriesPlan();
    const after = applyAndUndo(plan, value(moveFile(plan.series, 'a.c', 'p3')));
    expect(files(after, 'p1')).toEqual(['b.c']);
    expect(files(after, 'p3')).toEqual(['a.c', 'd.c', 'e.c', 'f.c']);
    const last = moveFile(plan.series, 'c.c', 'p1');
    expect(last.ok ? '' : last.error.message).toMatch(/merge the two patches/);
  });

  it('edits subject, description and author', () => {
    const plan = seriesPlan();
    const after = applyAndUndo(plan, value(editPatch(plan.series, 'p2', { subject: ' x86: add hooks ', description: 'Why.', author: null })));
    expect(after.series.patches.p2).toMatchObject({ subject: 'x86: add hooks', description: 'Why.', author: null, files: ['c.c'] });
    expect(editPatch(plan.series, 'p2', { subject: 'two\nlines' }).ok).toBe(false);
    expect(editPatch(plan.series, 'p2', { subject: '  ' }).ok).toBe(false);
  });

  it('refuses a change that would put a file in two patches', () => {
    const plan = seriesPlan();
    const twice = applyChange(plan, { type: 'series.patches.put', patches: [{ ...patch('p2', ['c.c', 'a.c']) }], remove: [] });
    expect(twice.ok ? '' : twice.error.message).toMatch(/"a\.c" would be in two patches/);
  });
});
