/**
 * Export: the series as `git format-patch` files (a cover letter, then one file per patch,
 * `[PATCH vN 01/12]`), the fork's copies of upstream files as copies with their changes,
 * To:/Cc: from MAINTAINERS, threaded to the first version's cover letter with `base-commit:`
 * and `change-id:`, a changelog against the previous version, checkpatch's findings, optionally
 * a new branch at the series' tip, and a version kept in the plan with a ref so that
 * `git range-diff` can compare versions.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../../shared/model';
import { fail, ok, type Result } from '../../../shared/result';
import type { SeriesVersion } from '../../../shared/series/model';
import { plainRecipients, unionRecipients } from '../../../shared/series/recipients';
import type { CheckpatchReport, ExportedFile, ExportReport } from '../../../shared/series/reports';
import { GitError } from '../git/errors';
import { formatPatches, rangeDiff } from '../git/format-patch';
import { checkBranchName } from '../git/check-ref-format';
import { createRef, refExists, setRef } from '../git/series-commits';
import { buildSeriesCommits } from './commits';
import { checkExportFolder, discardStaged, exportMarker, publishExport, stageExport } from './export-folder';
import type { SeriesInput } from './load';
import { addRecipients, finishCoverLetter, messageIdOf, replaceMessageId } from './mail-files';
import { recipientsOfSeries } from './recipients';
import { runCheckpatch } from './checkpatch';
import { copySourcesByPatch } from './copies';
import { changeIdOf, coverWords, earlierVersions, type CoverOptions, type CoverWords } from './cover';

export type { CoverOptions } from './cover';

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

/** The series ready to be written: its commits built on the base, ending on the target's tree. */
export interface PreparedSeries {
  tip: string;
  /** One commit per patch, in series order. */
  commits: string[];
  version: number;
}

export async function prepareSeries(input: SeriesInput, actor: Actor): Promise<Result<PreparedSeries>> {
  const built = await buildSeriesCommits(input, actor);
  if (!built.ok) return built;
  if (!built.value.treeMatches) {
    return fail('conflict', `The series does not rebuild the target: its last tree is ${built.value.finalTree.slice(0, 12)}, the target's ${input.targetTree.slice(0, 12)}. Check the series first.`);
  }
  const version = Math.max(0, ...input.plan.series.versions.map((v) => v.version)) + 1;
  return ok({ tip: built.value.tip, commits: built.value.commits.map((c) => c.commit), version });
}

/** What writing the files gives besides them: what the version records and the report says. */
export interface WrittenSeries {
  files: ExportedFile[];
  changeId: string;
  coverMessageId: string | null;
  rangeDiff: string | null;
  changelog: string | null;
  checkpatch: CheckpatchReport;
}

/** Writes the cover letter and the patch files into `dir` (empty, the export's own) and says what each is. */
export async function writeSeriesFiles(input: SeriesInput, actor: Actor, series: PreparedSeries, dir: string, options: CoverOptions, now: Date): Promise<WrittenSeries> {
  const { previous, first } = earlierVersions(input, series.version);
  const diff = previous ? await rangeDiffOrReason(input.repo, previous, { base: input.base, tip: series.tip }) : null;
  const names = await formatPatches(input.repo, input.base, series.tip, dir, {
    version: series.version,
    sender: actor,
    patches: copySourcesByPatch(input, series.commits),
    inReplyTo: first?.coverMessageId ?? null,
  });
  const perPatch = (await recipientsOfSeries(input)).patches.map(plainRecipients);
  const all = unionRecipients(perPatch);
  const files: ExportedFile[] = names.map((name, i) => ({
    name,
    patchId: i === 0 ? null : (input.patches[i - 1]?.id ?? null),
    recipients: i === 0 ? all : (perPatch[i - 1] ?? { to: [], cc: [] }),
  }));
  const words = coverWords(input, options, series.version, diff);
  const changeId = changeIdOf(input, now);
  for (const f of files) {
    const file = path.join(dir, f.name);
    if (f.patchId === null) finishCoverLetter(file, words.subject, words.blurb, f.recipients, changeId);
    else addRecipients(file, f.recipients);
  }
  const coverMessageId = uniqueCoverId(dir, files, series.version);
  const checkpatch = await runCheckpatch(input.repo, input.targetCommit, files.filter((f) => f.patchId !== null).map((f) => path.join(dir, f.name)));
  return { files, changeId, coverMessageId, rangeDiff: diff, changelog: words.changelog, checkpatch };
}

/** Gives the cover letter an id of its own (git's is the second and the sender only) in every file that names it. */
function uniqueCoverId(dir: string, files: ExportedFile[], version: number): string | null {
  const cover = files.find((f) => f.patchId === null);
  if (!cover) return null;
  const id = messageIdOf(readFileSync(path.join(dir, cover.name)));
  if (id === null) return null;
  const unique = id.replace(/^<cover\./, `<cover.v${version}.${randomBytes(4).toString('hex')}.`);
  for (const f of files) replaceMessageId(path.join(dir, f.name), id, unique);
  return unique;
}

/** The cover letter the next export would write (its subject and text with the changelog), for the team to edit. */
export async function previewCover(input: SeriesInput, actor: Actor): Promise<Result<CoverWords & { version: number }>> {
  const series = await prepareSeries(input, actor);
  if (!series.ok) return series;
  const { previous } = earlierVersions(input, series.value.version);
  const diff = previous ? await rangeDiffOrReason(input.repo, previous, { base: input.base, tip: series.value.tip }) : null;
  return ok({ ...coverWords(input, {}, series.value.version, diff), version: series.value.version });
}

/** Keeps the version's commits with a ref of ours, with what threads and names the next version. */
export async function recordVersion(input: SeriesInput, series: PreparedSeries, written: WrittenSeries, now: Date): Promise<SeriesVersion> {
  const { tip, version } = series;
  await setRef(input.repo, versionRef(version), tip, `merge-sprint: series v${version}`);
  return { version, tip, base: input.base, at: now.toISOString(), changeId: written.changeId, ...(written.coverMessageId ? { coverMessageId: written.coverMessageId } : {}) };
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
  let written: WrittenSeries;
  let dir: Result<string>;
  try {
    written = await writeSeriesFiles(input, actor, series.value, staged.value, options, now);
    dir = publishExport(folder.value, staged.value, exportMarker(series.value.version, written.files.map((f) => f.name), now));
  } finally {
    discardStaged(staged.value);
  }
  if (!dir.ok) return dir;
  const { tip } = series.value;
  if (branch !== null && !(await createRef(input.repo, `refs/heads/${branch}`, tip, 'merge-sprint: series export'))) {
    return fail('refused', `A branch "${branch}" was created meanwhile: the patches are in ${dir.value}; choose another branch name.`);
  }
  const version = await recordVersion(input, series.value, written, now);
  const { files, rangeDiff: diff, changeId, changelog, checkpatch } = written;
  return ok({
    report: { dir: dir.value, version: series.value.version, tip, base: input.base, files, branch, treeMatches: true, rangeDiff: diff, changeId, changelog, checkpatch },
    version,
  });
}
