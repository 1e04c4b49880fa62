/**
 * Export: the series as `git format-patch` files (a cover letter, then one file per patch,
 * `[PATCH vN 01/12]`), To:/Cc: from MAINTAINERS, optionally a new branch at the series' tip,
 * and a version kept in the plan with a ref so that `git range-diff` can compare versions.
 */
import path from 'node:path';
import type { Actor } from '../../../shared/model';
import { indexMaintainers } from '../../../shared/plan/maintainers-match';
import { parseMaintainers } from '../../../shared/plan/maintainers';
import { fail, ok, type Result } from '../../../shared/result';
import type { SeriesVersion } from '../../../shared/series/model';
import { recipientsFor, unionRecipients, type Recipients } from '../../../shared/series/recipients';
import type { ExportedFile, ExportReport } from '../../../shared/series/reports';
import { GitError } from '../git/exec';
import { formatPatches, rangeDiff } from '../git/format-patch';
import { readFileAt } from '../git/series';
import { checkBranchName } from '../git/check-ref-format';
import { createRef, refExists, setRef } from '../git/series-commits';
import { buildSeriesCommits } from './commits';
import { prepareExportFolder } from './export-folder';
import { changesByPatch, type SeriesInput } from './load';
import { addRecipients, finishCoverLetter } from './mail-files';

export interface ExportOptions {
  /** Absolute folder for the patch files. */
  out: string;
  /** Empty the folder first when it holds files. */
  replace?: boolean;
  /** Also write the series as commits on this new branch. */
  branch?: string | null;
  coverSubject?: string;
  coverBlurb?: string;
  /** The time recorded with the version (ISO-8601). */
  now?: Date;
}

export const versionRef = (version: number): string => `refs/merge-sprint/series/v${version}`;

/** Per-patch recipients from the MAINTAINERS file of the target (or of upstream when the target has none). */
async function recipientsOfPatches(input: SeriesInput): Promise<Recipients[]> {
  const text = (await readFileAt(input.repo, input.targetCommit, 'MAINTAINERS')) ?? (await readFileAt(input.repo, input.base, 'MAINTAINERS'));
  const perPatch = changesByPatch(input).map((changes) => changes.map((c) => c.path));
  if (text === null) return perPatch.map(() => ({ to: [], cc: [] }));
  const index = indexMaintainers(parseMaintainers(text).sections, input.changes.map((c) => c.path));
  return perPatch.map((files) => recipientsFor(index, files));
}

/** The range-diff, or why there is none (the older version's commits were pruned from the repository). */
async function rangeDiffOrReason(repo: string, from: SeriesVersion, to: { base: string; tip: string }): Promise<string> {
  try {
    return await rangeDiff(repo, from, to);
  } catch (error) {
    if (error instanceof GitError) return `No range-diff against v${from.version}: ${error.stderr.trim()}`;
    throw error;
  }
}

function defaultBlurb(input: SeriesInput): string {
  const upstream = input.plan.sprint?.upstreamRef ?? 'upstream';
  return [
    `This series brings ${input.target} onto ${upstream} in ${input.patches.length} patches: changes to files`,
    'upstream already has come first, then the patches that add new files.',
    '',
    `Applied in order on ${input.base.slice(0, 12)}, it gives exactly the tree of ${input.target}`,
    `(${input.targetCommit.slice(0, 12)}, tree ${input.targetTree.slice(0, 12)}).`,
  ].join('\n');
}

export async function exportSeries(input: SeriesInput, actor: Actor, options: ExportOptions): Promise<Result<{ report: ExportReport; version: SeriesVersion }>> {
  const branch = options.branch?.trim() || null;
  if (branch !== null) {
    const bad = await checkBranchName(input.repo, branch);
    if (bad) return fail('bad-input', bad);
    if (await refExists(input.repo, `refs/heads/${branch}`)) return fail('bad-input', `A branch "${branch}" already exists: choose a new name (the export never moves an existing branch).`);
  }
  const built = await buildSeriesCommits(input, actor);
  if (!built.ok) return built;
  if (!built.value.treeMatches) {
    return fail('conflict', `The series does not rebuild the target: its last tree is ${built.value.finalTree.slice(0, 12)}, the target's ${input.targetTree.slice(0, 12)}. Check the series first.`);
  }
  const folder = prepareExportFolder(input.repo, options.out, options.replace ?? false);
  if (!folder.ok) return folder;
  const version = Math.max(0, ...input.plan.series.versions.map((v) => v.version)) + 1;
  const { tip } = built.value;
  const names = await formatPatches(input.repo, input.base, tip, folder.value, version, actor);
  const perPatch = await recipientsOfPatches(input);
  const all = unionRecipients(perPatch);
  const files: ExportedFile[] = names.map((name, i) => ({
    name,
    patchId: i === 0 ? null : (input.patches[i - 1]?.id ?? null),
    recipients: i === 0 ? all : (perPatch[i - 1] ?? { to: [], cc: [] }),
  }));
  const upstream = input.plan.sprint?.upstreamRef ?? 'upstream';
  const subject = options.coverSubject?.trim() || `${input.target}: ${input.patches.length} patches for ${upstream}`;
  for (const f of files) {
    const file = path.join(folder.value, f.name);
    if (f.patchId === null) finishCoverLetter(file, subject, options.coverBlurb?.trim() || defaultBlurb(input), f.recipients);
    else addRecipients(file, f.recipients);
  }
  if (branch !== null && !(await createRef(input.repo, `refs/heads/${branch}`, tip, 'merge-sprint: series export'))) {
    return fail('refused', `A branch "${branch}" was created meanwhile: the patches are in ${folder.value}; choose another branch name.`);
  }
  await setRef(input.repo, versionRef(version), tip, `merge-sprint: series v${version}`);
  const previous = input.plan.series.versions.filter((v) => v.version < version).at(-1);
  const diff = previous ? await rangeDiffOrReason(input.repo, previous, { base: input.base, tip }) : null;
  const record: SeriesVersion = { version, tip, base: input.base, at: (options.now ?? new Date()).toISOString() };
  return ok({
    report: { dir: folder.value, version, tip, base: input.base, files, branch, treeMatches: true, rangeDiff: diff },
    version: record,
  });
}
