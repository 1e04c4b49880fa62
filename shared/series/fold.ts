/**
 * `series.patches.put`, the series' general edit (merge, split, moving a file, and the undo of
 * any of them): how it changes the series and how to undo it. The plan's fold
 * (shared/plan/apply-extensions.ts) and undo (shared/plan/inverse.ts) call these.
 */
import { fail, ok, type Result } from '../result';
import type { SeriesEdit } from './events';
import type { SeriesPatch, SeriesPlan } from './model';

export type PatchesPut = Extract<SeriesEdit, { type: 'series.patches.put' }>;

/** Returns null when every file is in at most one patch and no patch is empty, else the problem. */
export function checkPatchSet(patches: readonly SeriesPatch[]): string | null {
  const owner = new Map<string, SeriesPatch>();
  const ids = new Set<string>();
  for (const patch of patches) {
    if (ids.has(patch.id)) return `Two patches have the id "${patch.id}".`;
    ids.add(patch.id);
    if (patch.files.length === 0) return `Patch "${patch.subject}" would have no files: merge it into another patch instead.`;
    for (const file of patch.files) {
      const other = owner.get(file);
      if (other !== undefined) {
        return other === patch
          ? `Patch "${patch.subject}" lists "${file}" twice.`
          : `"${file}" would be in two patches ("${other.subject}" and "${patch.subject}"): a file belongs to exactly one patch; move it instead.`;
      }
      owner.set(file, patch);
    }
  }
  return null;
}

/** Removes `remove`, upserts `patches`, then takes `order` (new ids go last when it is absent). */
export function applyPatchesPut(series: SeriesPlan, change: PatchesPut): Result<SeriesPlan> {
  const patches = { ...series.patches };
  for (const id of change.remove) {
    if (!(id in patches)) return fail('not-found', `There is no patch "${id}" in the series: reload it, someone may have changed it.`);
    delete patches[id];
  }
  const order = series.patchOrder.filter((id) => id in patches);
  for (const p of change.patches) {
    if (!(p.id in patches)) order.push(p.id);
    patches[p.id] = p;
  }
  const finalOrder = change.order ?? order;
  const unique = new Set(finalOrder);
  if (unique.size !== finalOrder.length || finalOrder.length !== Object.keys(patches).length || !finalOrder.every((id) => id in patches)) {
    return fail('bad-input', 'The patch order must name every patch of the series exactly once: reload the series and try again.');
  }
  const problem = checkPatchSet(finalOrder.map((id) => patches[id] as SeriesPatch));
  if (problem) return fail('conflict', problem);
  return ok({ ...series, patches, patchOrder: finalOrder });
}

/** The change that puts back every patch `change` touched, as it was, in the old order. */
export function invertPatchesPut(before: SeriesPlan, change: PatchesPut): PatchesPut {
  const touched = [...new Set([...change.remove, ...change.patches.map((p) => p.id)])];
  return {
    type: 'series.patches.put',
    patches: touched.flatMap((id) => (before.patches[id] ? [before.patches[id]] : [])),
    remove: touched.filter((id) => !(id in before.patches)),
    order: before.patchOrder,
  };
}
