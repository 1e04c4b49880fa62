/**
 * The changes between the upstream commit and the target, as `git diff-tree -r --no-renames`
 * reports them, and what a series must satisfy against them: every changed file in exactly one
 * patch, and no patch adding a path that a later patch frees (a file where a folder goes).
 */
import type { SeriesPatch } from './model';

/** A = added, M = modified, D = deleted, T = type changed (file, symlink, submodule). */
export type ChangeStatus = 'A' | 'M' | 'D' | 'T';

export interface ChangedFile {
  path: string;
  status: ChangeStatus;
  /** Mode and object id on the target side ('000000' and zeros for a deletion). */
  mode: string;
  oid: string;
}

export interface Coverage {
  /** Changed files in no patch. */
  uncovered: string[];
  /** Files in more than one patch, with the patches. */
  duplicates: { path: string; patchIds: string[] }[];
  /** Files a patch lists that do not differ between upstream and the target. */
  unchanged: { patchId: string; path: string }[];
  /** Patches with no changed file at all. */
  empty: string[];
}

export function coverage(patches: readonly SeriesPatch[], changes: readonly ChangedFile[]): Coverage {
  const changed = new Set(changes.map((c) => c.path));
  const holders = new Map<string, string[]>();
  const unchanged: Coverage['unchanged'] = [];
  const empty: string[] = [];
  for (const patch of patches) {
    let any = false;
    for (const path of patch.files) {
      holders.set(path, [...(holders.get(path) ?? []), patch.id]);
      if (changed.has(path)) any = true;
      else unchanged.push({ patchId: patch.id, path });
    }
    if (!any) empty.push(patch.id);
  }
  return {
    uncovered: changes.filter((c) => !holders.has(c.path)).map((c) => c.path),
    duplicates: [...holders].filter(([, ids]) => ids.length > 1).map(([path, patchIds]) => ({ path, patchIds })),
    unchanged,
    empty,
  };
}

export const isComplete = (c: Coverage): boolean =>
  c.uncovered.length === 0 && c.duplicates.length === 0 && c.unchanged.length === 0 && c.empty.length === 0;

/** What is wrong with the coverage, in one message, or null. */
export function coverageProblem(c: Coverage, subjectOf: (patchId: string) => string): string | null {
  const list = (xs: string[]): string => xs.slice(0, 5).map((x) => `"${x}"`).join(', ') + (xs.length > 5 ? ` and ${xs.length - 5} more` : '');
  const dup = c.duplicates[0];
  if (dup) return `"${dup.path}" is in two patches (${dup.patchIds.map(subjectOf).join('; ')}): move it so that it is in one.`;
  const empty = c.empty[0];
  if (empty !== undefined) return `Patch "${subjectOf(empty)}" changes nothing between upstream and the target: merge or remove it.`;
  if (c.uncovered.length > 0) return `${c.uncovered.length} changed file(s) are in no patch: ${list(c.uncovered)}. Add them to a patch or propose the series again.`;
  if (c.unchanged.length > 0) return `Some patch files do not differ from upstream: ${list(c.unchanged.map((u) => u.path))}. Propose the series again.`;
  return null;
}

export interface OrderConflict {
  /** Index (0-based) of the patch that cannot apply where it stands. */
  index: number;
  patchId: string;
  path: string;
  /** The path a later patch removes, that stands where `path` goes. */
  blocker: string;
  blockerPatchId: string;
}

const ancestors = (p: string): string[] => {
  const out: string[] = [];
  for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) out.push(p.slice(0, i));
  return out;
};

/**
 * The first patch that adds a path while a later patch still has to remove what stands there:
 * a file where the new path needs a folder, or files under a folder the new path replaces.
 */
export function firstOrderConflict(patches: readonly SeriesPatch[], changes: readonly ChangedFile[]): OrderConflict | null {
  const status = new Map(changes.map((c) => [c.path, c.status]));
  const indexOf = new Map<string, number>();
  patches.forEach((p, i) => p.files.forEach((f) => indexOf.set(f, i)));
  // For each folder, the latest patch that removes a file under it (and which file).
  const lastRemovalUnder = new Map<string, { index: number; path: string }>();
  for (const c of changes) {
    if (c.status !== 'D') continue;
    const index = indexOf.get(c.path) ?? -1;
    for (const dir of ancestors(c.path)) {
      const seen = lastRemovalUnder.get(dir);
      if (!seen || seen.index < index) lastRemovalUnder.set(dir, { index, path: c.path });
    }
  }
  let best: OrderConflict | null = null;
  patches.forEach((patch, index) => {
    for (const path of patch.files) {
      if (status.get(path) !== 'A') continue;
      const blockers = ancestors(path)
        .filter((a) => status.get(a) === 'D')
        .map((a) => ({ index: indexOf.get(a) ?? -1, path: a }));
      const under = lastRemovalUnder.get(path);
      if (under) blockers.push(under);
      for (const b of blockers) {
        if (b.index > index && (!best || index < best.index)) {
          best = { index, patchId: patch.id, path, blocker: b.path, blockerPatchId: patches[b.index]?.id ?? '' };
        }
      }
    }
  });
  return best;
}
