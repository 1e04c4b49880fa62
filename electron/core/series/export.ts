/**
 * Export: the series as `git format-patch` files (a cover letter, then one file per patch,
 * `[PATCH vN 01/12]`), To:/Cc: from MAINTAINERS, optionally a new branch at the series' tip,
 * and a version kept in the plan with a ref so that `git range-diff` can compare versions.
 */
import path from 'node:path';
import type { Actor } from '../../../shared/model';
import { fail, ok, type Result } from '../../../shared/result';
import type { SeriesVersion } from '../../../shared/series/model';
import { plainRecipients, unionRecipients } from '../../../shared/series/recipients';
import type { ExportedFile, ExportReport } from '../../../shared/series/reports';
import { GitError } from '../git/errors';
import { formatPatches, rangeDiff } from '../git/format-patch';
import { checkBranchName } from '../git/check-ref-format';
import { createRef, refExists, setRef } from '../git/series-commits';
import { buildSeriesCommits } from './commits';
import { checkExportFolder, discardStaged, exportMarker, publishExport, stageExport } from './export-folder';
import type { SeriesInput } from './load';
import { recipientsOfSeries } from './recipients';
import { addRecipients, finishCoverLetter } from './mail-files';

/** The cover letter's words; by default a subject and blurb made from the sprint. */
export interface CoverOptions {
  coverSubject?: string;
  coverBlurb?: string;
}

export interface ExportOptions extends CoverOptions {
  /** Absolute folder for the patch files. */
  out: string;
  /** Replace the previous export in the folder (only the files it wrote). */
  replace?: boolean;
  /** Also write the series as commits on this new branch. */
  branch?: string | null;
  /** The time recorded with the version (ISO-8601). */
  now?: Date;
}

export const versionRef = (version: number): string => `refs/merge-sprint/series/v${version}`;

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

/** The series ready to be written: its commits built on the base, ending on the target's tree. */
export interface PreparedSeries {
  tip: string;
  version: number;
}

export async function prepareSeries(input: SeriesInput, actor: Actor): Promise<Result<PreparedSeries>> {
  const built = await buildSeriesCommits(input, actor);
  if (!built.ok) return built;
  if (!built.value.treeMatches) {
    return fail('conflict', `The series does not rebuild the target: its last tree is ${built.value.finalTree.slice(0, 12)}, the target's ${input.targetTree.slice(0, 12)}. Check the series first.`);
  }
  const version = Math.max(0, ...input.plan.series.versions.map((v) => v.version)) + 1;
  return ok({ tip: built.value.tip, version });
}

/** Writes the cover letter and the patch files into `dir` (empty, the export's own) and says what each is. */
export async function writeSeriesFiles(input: SeriesInput, actor: Actor, series: PreparedSeries, dir: string, options: CoverOptions): Promise<ExportedFile[]> {
  const names = await formatPatches(input.repo, input.base, series.tip, dir, series.version, actor);
  const perPatch = (await recipientsOfSeries(input)).patches.map(plainRecipients);
  const all = unionRecipients(perPatch);
  const files: ExportedFile[] = names.map((name, i) => ({
    name,
    patchId: i === 0 ? null : (input.patches[i - 1]?.id ?? null),
    recipients: i === 0 ? all : (perPatch[i - 1] ?? { to: [], cc: [] }),
  }));
  const upstream = input.plan.sprint?.upstreamRef ?? 'upstream';
  const subject = options.coverSubject?.trim() || `${input.target}: ${input.patches.length} patches for ${upstream}`;
  for (const f of files) {
    const file = path.join(dir, f.name);
    if (f.patchId === null) finishCoverLetter(file, subject, options.coverBlurb?.trim() || defaultBlurb(input), f.recipients);
    else addRecipients(file, f.recipients);
  }
  return files;
}

/** Keeps the version's commits with a ref of ours and compares them with the previous version's. */
export async function recordVersion(input: SeriesInput, series: PreparedSeries, now: Date): Promise<{ version: SeriesVersion; rangeDiff: string | null }> {
  const { tip, version } = series;
  await setRef(input.repo, versionRef(version), tip, `merge-sprint: series v${version}`);
  const previous = input.plan.series.versions.filter((v) => v.version < version).at(-1);
  const diff = previous ? await rangeDiffOrReason(input.repo, previous, { base: input.base, tip }) : null;
  return { version: { version, tip, base: input.base, at: now.toISOString() }, rangeDiff: diff };
}

export async function exportSeries(input: SeriesInput, actor: Actor, options: ExportOptions): Promise<Result<{ report: ExportReport; version: SeriesVersion }>> {
  const branch = options.branch?.trim() || null;
  if (branch !== null) {
    const bad = await checkBranchName(input.repo, branch);
    if (bad) return fail('bad-input', bad);
    if (await refExists(input.repo, `refs/heads/${branch}`)) return fail('bad-input', `A branch "${branch}" already exists: choose a new name (the export never moves an existing branch).`);
  }
  const folder = await checkExportFolder(input.repo, options.out, options.replace ?? false);
  if (!folder.ok) return folder;
  const series = await prepareSeries(input, actor);
  if (!series.ok) return series;
  const now = options.now ?? new Date();
  const staged = stageExport(folder.value);
  if (!staged.ok) return staged;
  let files: ExportedFile[];
  let dir: Result<string>;
  try {
    files = await writeSeriesFiles(input, actor, series.value, staged.value, options);
    dir = publishExport(folder.value, staged.value, exportMarker(series.value.version, files.map((f) => f.name), now));
  } finally {
    discardStaged(staged.value);
  }
  if (!dir.ok) return dir;
  const { tip } = series.value;
  if (branch !== null && !(await createRef(input.repo, `refs/heads/${branch}`, tip, 'merge-sprint: series export'))) {
    return fail('refused', `A branch "${branch}" was created meanwhile: the patches are in ${dir.value}; choose another branch name.`);
  }
  const recorded = await recordVersion(input, series.value, now);
  return ok({
    report: { dir: dir.value, version: series.value.version, tip, base: input.base, files, branch, treeMatches: true, rangeDiff: recorded.rangeDiff },
    version: recorded.version,
  });
}
