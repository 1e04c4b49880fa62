/**
 * The series as the engine works on it: the plan's patches in order, the upstream commit it
 * was cut on, the target's commit and tree now, and the changes between them.
 */
import type { Plan } from '../../../shared/model';
import { fail, ok, type Result } from '../../../shared/result';
import { coverage, coverageProblem, firstOrderConflict, type ChangedFile } from '../../../shared/series/changes';
import type { SeriesPatch } from '../../../shared/series/model';
import { resolveCommit } from '../git/refs';
import { treeId } from '../git/rev-parse';
import { diffTreeChanges } from '../git/diff-tree';

export interface SeriesInput {
  repo: string;
  plan: Plan;
  /** Patches in series order. */
  patches: SeriesPatch[];
  /** The upstream commit the series applies on. */
  base: string;
  /** The target as the user named it, and its commit and tree now. */
  target: string;
  targetCommit: string;
  targetTree: string;
  changes: ChangedFile[];
}

export const NO_SERIES = 'There is no series yet: propose one first (Series > Propose, or `merge-sprint series propose`).';

export async function loadSeries(repo: string, plan: Plan): Promise<Result<SeriesInput>> {
  const { target, base } = plan.series;
  if (target === null || base === null || plan.series.patchOrder.length === 0) return fail('not-found', NO_SERIES);
  const targetCommit = await resolveCommit(repo, target);
  if (!targetCommit.ok) return targetCommit;
  const baseCommit = await resolveCommit(repo, base);
  if (!baseCommit.ok) {
    return fail('unknown-ref', `The upstream commit ${base.slice(0, 12)} the series was proposed on is not in this repository any more: propose the series again.`);
  }
  const [targetTree, changes] = await Promise.all([treeId(repo, targetCommit.value), diffTreeChanges(repo, baseCommit.value, targetCommit.value)]);
  const patches = plan.series.patchOrder.flatMap((id) => (plan.series.patches[id] ? [plan.series.patches[id]] : []));
  return ok({ repo, plan, patches, base: baseCommit.value, target, targetCommit: targetCommit.value, targetTree, changes });
}

/** The changes each patch carries (its files that differ between base and target), in series order. */
export function changesByPatch(input: SeriesInput): ChangedFile[][] {
  const byPath = new Map(input.changes.map((c) => [c.path, c]));
  return input.patches.map((p) => p.files.flatMap((f) => (byPath.get(f) ? [byPath.get(f) as ChangedFile] : [])));
}

/**
 * Why the series cannot be written as commits: a file in two patches, a patch with no change,
 * changed files in no patch, or a patch that adds a path a later patch still has to clear.
 */
export function seriesProblem(input: SeriesInput): string | null {
  const subjectOf = (id: string): string => input.plan.series.patches[id]?.subject ?? id;
  const covered = coverageProblem(coverage(input.patches, input.changes), subjectOf);
  if (covered) return covered;
  const conflict = firstOrderConflict(input.patches, input.changes);
  if (!conflict) return null;
  const later = input.patches.findIndex((p) => p.id === conflict.blockerPatchId);
  return (
    `Patch ${conflict.index + 1} ("${subjectOf(conflict.patchId)}") adds "${conflict.path}", but "${conflict.blocker}" stands in its way ` +
    `until patch ${later + 1} ("${subjectOf(conflict.blockerPatchId)}") removes it: move patch ${later + 1} before patch ${conflict.index + 1}.`
  );
}
