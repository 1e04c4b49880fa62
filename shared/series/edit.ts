/**
 * Series edits as plan changes, so they travel, merge and undo like board changes: reorder,
 * merge two patches, split files out into a new patch, move a file between patches, and edit a
 * patch's subject, description and author. Each returns one change, or why it is refused.
 */
import { uniqueSlug } from '../plan/ids';
import { fail, ok, type Result } from '../result';
import type { SeriesEdit } from './events';
import { applyPatchesPut, type PatchesPut } from './fold';
import type { SeriesPatch, SeriesPlan } from './model';

const notFound = (id: string): Result<never> =>
  fail('not-found', `There is no patch "${id}" in the series: reload it, someone may have changed it.`);

/** Validates a `series.patches.put` against the series before handing it out. */
function checked(series: SeriesPlan, change: PatchesPut): Result<SeriesEdit> {
  const next = applyPatchesPut(series, change);
  return next.ok ? ok(change) : next;
}

/** The whole order, as a drop in a sortable list gives it. */
export function reorderPatches(series: SeriesPlan, order: string[]): Result<SeriesEdit> {
  const unique = new Set(order);
  if (unique.size !== order.length || order.length !== series.patchOrder.length || !order.every((id) => id in series.patches)) {
    return fail('bad-input', 'The new order must name every patch of the series exactly once: reload the series and try again.');
  }
  return ok({ type: 'series.reorder', order });
}

/** Moves one patch to position `index` (0-based; clamped to the list). */
export function movePatch(series: SeriesPlan, patchId: string, index: number): Result<SeriesEdit> {
  if (!(patchId in series.patches)) return notFound(patchId);
  const order = series.patchOrder.filter((id) => id !== patchId);
  order.splice(Math.max(0, Math.min(order.length, Math.trunc(index))), 0, patchId);
  return ok({ type: 'series.reorder', order });
}

/** Merges `otherId` into `intoId`: one patch where `intoId` stands, its subject and author kept. */
export function mergePatches(series: SeriesPlan, intoId: string, otherId: string): Result<SeriesEdit> {
  const into = series.patches[intoId];
  const other = series.patches[otherId];
  if (!into) return notFound(intoId);
  if (!other) return notFound(otherId);
  if (intoId === otherId) return fail('bad-input', 'A patch cannot be merged with itself: pick two different patches.');
  const description = [into.description.trim(), other.description.trim()].filter(Boolean).join('\n\n');
  const merged: SeriesPatch = { ...into, description, files: [...into.files, ...other.files].sort() };
  return checked(series, {
    type: 'series.patches.put',
    patches: [merged],
    remove: [otherId],
    order: series.patchOrder.filter((id) => id !== otherId),
  });
}

/** Moves `files` out of `patchId` into a new patch right after it. */
export function splitPatch(
  series: SeriesPlan,
  patchId: string,
  files: string[],
  options: { subject?: string; newId?: string } = {},
): Result<SeriesEdit> {
  const source = series.patches[patchId];
  if (!source) return notFound(patchId);
  const moving = new Set(files);
  const stranger = files.find((f) => !source.files.includes(f));
  if (stranger !== undefined) return fail('bad-input', `"${stranger}" is not in patch "${source.subject}": split only moves files the patch has.`);
  if (moving.size === 0) return fail('bad-input', 'Pick at least one file to move into the new patch.');
  if (moving.size === source.files.length) {
    return fail('bad-input', `Splitting every file out of "${source.subject}" would leave it empty: leave at least one file.`);
  }
  const taken = new Set(series.patchOrder);
  const newId = options.newId ?? uniqueSlug(`${patchId}-split`, taken, 'patch');
  if (newId in series.patches) return fail('conflict', `There is already a patch "${newId}".`);
  const subject = options.subject?.trim() || `${source.subject} (part 2)`;
  const part: SeriesPatch = { id: newId, subject, description: '', author: source.author, files: source.files.filter((f) => moving.has(f)) };
  const rest: SeriesPatch = { ...source, files: source.files.filter((f) => !moving.has(f)) };
  const order = [...series.patchOrder];
  order.splice(order.indexOf(patchId) + 1, 0, newId);
  return checked(series, { type: 'series.patches.put', patches: [rest, part], remove: [], order });
}

/** Moves one file from whichever patch holds it into `toPatchId`. */
export function moveFile(series: SeriesPlan, path: string, toPatchId: string): Result<SeriesEdit> {
  const to = series.patches[toPatchId];
  if (!to) return notFound(toPatchId);
  const from = Object.values(series.patches).find((p) => p.files.includes(path));
  if (!from) return fail('not-found', `"${path}" is in no patch of the series.`);
  if (from.id === toPatchId) return fail('bad-input', `"${path}" is already in "${to.subject}".`);
  if (from.files.length === 1) {
    return fail('refused', `"${path}" is the only file of "${from.subject}"; moving it would leave that patch empty: merge the two patches instead.`);
  }
  return checked(series, {
    type: 'series.patches.put',
    patches: [
      { ...from, files: from.files.filter((f) => f !== path) },
      { ...to, files: [...to.files, path].sort() },
    ],
    remove: [],
  });
}

export interface PatchFields {
  subject?: string;
  description?: string;
  /** Person id, or null for the subsystem owner / the sprint's actor. */
  author?: string | null;
}

/** Edits a patch's subject, description or author. */
export function editPatch(series: SeriesPlan, patchId: string, fields: PatchFields): Result<SeriesEdit> {
  const patch = series.patches[patchId];
  if (!patch) return notFound(patchId);
  const subject = fields.subject === undefined ? patch.subject : fields.subject.trim();
  if (subject === '') return fail('bad-input', 'A patch needs a subject: one line saying what it does.');
  if (/[\r\n]/.test(subject)) return fail('bad-input', 'A subject is one line: put the rest in the description.');
  return ok({
    type: 'series.patch.put',
    patch: {
      ...patch,
      subject,
      description: fields.description ?? patch.description,
      author: fields.author === undefined ? patch.author : fields.author,
    },
  });
}
