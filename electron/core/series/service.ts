/**
 * The series engine for an open sprint: reads the plan from the store, runs the engine, and
 * records what changes the plan (a proposal, an exported version) as plan events.
 */
import type { CoverPreview, RangeDiff, SeriesArchive, SeriesProposal } from '../../../shared/series/api';
import { fail, ok, type Result } from '../../../shared/result';
import { coverage } from '../../../shared/series/changes';
import type { CheckReport, DriftReport, ExportReport, SeriesState } from '../../../shared/series/reports';
import { buildCommandOf } from '../builds/commands';
import type { RepoServices } from '../context';
import { GitError } from '../git/errors';
import { rangeDiff } from '../git/format-patch';
import { resolveCommit } from '../git/refs';
import { changePlan } from '../plan/change';
import { archiveSeries, type ArchiveOptions } from './archive';
import { checkSeries } from './check';
import { seriesDrift } from './drift';
import { exportSeries, previewCover, type ExportOptions } from './export';
import { exportSize } from './export-size';
import { resolveActor } from '../plan/actor';
import type { Actor } from '../../../shared/model';
import { loadSeries, seriesProblem } from './load';
import { NO_SPRINT, proposeForPlan } from './propose';
import { patchStats } from './warnings';
import { readFileBytes } from './graph';
import { seriesSettingsOf } from '../../../shared/series/model';
import { patchSize } from '../../../shared/series/sizes';
import { recipientsOfSeries } from './recipients';

export async function proposeInPlan(ctx: RepoServices, target?: string): Promise<Result<SeriesProposal>> {
  const { plan } = await ctx.plan.snapshot();
  const proposed = await proposeForPlan(ctx.repo, plan, target);
  if (!proposed.ok) return proposed;
  const snapshot = await changePlan(ctx, [proposed.value.change]);
  if (!snapshot.ok) return snapshot;
  const { proposal } = proposed.value;
  const { notes, sizes, limitKb } = proposed.value;
  return ok({ snapshot: snapshot.value, files: proposed.value.files, unassignedFiles: proposal.unassigned, renames: proposal.renames, newFolder: proposal.newFolder, notes, sizes, limitKb });
}

export async function seriesState(ctx: RepoServices): Promise<Result<SeriesState>> {
  const { plan } = await ctx.plan.snapshot();
  const input = await loadSeries(ctx.repo, plan);
  const { maxPatchKb: limitKb } = seriesSettingsOf(plan.series);
  if (!input.ok) {
    if (input.error.code !== 'not-found') return input;
    const none = { uncovered: [], duplicates: [], unchanged: [], empty: [] };
    return ok({ series: plan.series, targetCommit: null, stats: [], coverage: none, problem: input.error.message, sizes: [], limitKb, recipients: [], recipientsProblem: null });
  }
  const { repo, base, targetCommit, changes, patches } = input.value;
  const [stats, fileBytes, recipients] = await Promise.all([
    patchStats(input.value, ctx.caches.seriesNumstat),
    readFileBytes(repo, base, targetCommit, changes, ctx.caches.seriesFileBytes),
    recipientsOfSeries(input.value),
  ]);
  const sizes = fileBytes ? patches.map((p) => patchSize(p, fileBytes, limitKb * 1024)) : [];
  return ok({
    sizes,
    limitKb,
    series: plan.series,
    targetCommit: input.value.targetCommit,
    stats,
    coverage: coverage(input.value.patches, input.value.changes),
    problem: seriesProblem(input.value),
    recipients: recipients.patches,
    recipientsProblem: recipients.problem,
  });
}

export async function checkFromPlan(
  ctx: RepoServices,
  request: { runId: string; build: string | null; lineLimit: number | null; each?: boolean },
): Promise<Result<CheckReport>> {
  const { plan } = await ctx.plan.snapshot();
  let build: { name: string; command: string } | null = null;
  if (request.build !== null) {
    const found = Object.values(plan.builds).find((b) => b.id === request.build || b.name === request.build);
    if (!found) {
      const names = Object.values(plan.builds).map((b) => `"${b.name}"`);
      return fail('not-found', `There is no build check named "${request.build}"${names.length ? `; the plan has ${names.join(', ')}` : ': add one to the plan first'}.`);
    }
    // The plan names the build; what runs is this clone's own command for it.
    const command = await buildCommandOf(ctx.repo, found);
    if (!command.ok) return command;
    build = { name: found.name, command: command.value };
  }
  const input = await loadSeries(ctx.repo, plan);
  if (!input.ok) return input;
  const signal = ctx.seriesRuns.start(request.runId, {});
  try {
    const report = await checkSeries(input.value, {
      runId: request.runId,
      build,
      lineLimit: request.lineLimit,
      each: request.each ?? false,
      signal,
      onLog: (chunk) => ctx.push({ type: 'series.log', runId: request.runId, chunk }),
    });
    if (!report.ok || report.value.failed || report.value.canceled) return report;
    return ok({ ...report.value, exportSize: await exportSize(input.value, await resolveActor(ctx.repo)) });
  } finally {
    ctx.seriesRuns.finish(request.runId);
  }
}

/**
 * Who sends the series, and so the one sign-off the export adds: this clone's git identity,
 * never a room client's chosen name (a browser may download the series, not sign it).
 */
async function senderOf(ctx: RepoServices): Promise<Result<Actor>> {
  const sender = await resolveActor(ctx.repo);
  if (sender.email === '') {
    return fail('bad-input', `The export signs off as this clone's git identity, which has no email: set it with \`git config user.email you@example.org\` in ${ctx.repo}, then export again.`);
  }
  return ok(sender);
}

export async function exportFromPlan(ctx: RepoServices, options: Omit<ExportOptions, 'now'>): Promise<Result<ExportReport>> {
  const { plan } = await ctx.plan.snapshot();
  const input = await loadSeries(ctx.repo, plan);
  if (!input.ok) return input;
  const sender = await senderOf(ctx);
  if (!sender.ok) return sender;
  const exported = await exportSeries(input.value, sender.value, options);
  if (!exported.ok) return exported;
  const recorded = await ctx.plan.record({ type: 'series.version', version: exported.value.version }, ctx.actor);
  if (!recorded.ok) {
    return fail(recorded.error.code, `The patches are in ${exported.value.report.dir}, but version ${exported.value.version.version} could not be recorded in the plan: ${recorded.error.message}`);
  }
  return ok(exported.value.report);
}

/** The export as a .zip to download, recorded as a version like a folder export. */
export async function archiveFromPlan(ctx: RepoServices, options: Omit<ArchiveOptions, 'now'>): Promise<Result<SeriesArchive>> {
  const { plan } = await ctx.plan.snapshot();
  const input = await loadSeries(ctx.repo, plan);
  if (!input.ok) return input;
  const sender = await senderOf(ctx);
  if (!sender.ok) return sender;
  const archived = await archiveSeries(input.value, sender.value, options);
  if (!archived.ok) return archived;
  const recorded = await ctx.plan.record({ type: 'series.version', version: archived.value.version }, ctx.actor);
  if (!recorded.ok) return fail(recorded.error.code, `Version ${archived.value.version.version} could not be recorded in the plan, so it is not offered for download: ${recorded.error.message}`);
  return ok(archived.value.archive);
}

export async function driftFromPlan(ctx: RepoServices): Promise<Result<DriftReport>> {
  const { plan } = await ctx.plan.snapshot();
  if (!plan.sprint) return fail('no-plan', NO_SPRINT);
  const input = await loadSeries(ctx.repo, plan);
  if (!input.ok) return input;
  const upstream = await resolveCommit(ctx.repo, plan.sprint.upstreamRef);
  if (!upstream.ok) return upstream;
  return seriesDrift(input.value, upstream.value);
}

export async function rangeDiffFromPlan(ctx: RepoServices, from?: number, to?: number): Promise<Result<RangeDiff>> {
  const { versions } = (await ctx.plan.snapshot()).plan.series;
  const newer = to === undefined ? versions.at(-1) : versions.find((v) => v.version === to);
  const older = from === undefined ? versions.filter((v) => newer && v.version < newer.version).at(-1) : versions.find((v) => v.version === from);
  if (!newer || !older) {
    const have = versions.map((v) => `v${v.version}`).join(', ') || 'none';
    return fail('not-found', `A range-diff needs two exported versions (exported: ${have}): export the series again after editing it.`);
  }
  try {
    return ok({ from: older.version, to: newer.version, text: await rangeDiff(ctx.repo, older, newer) });
  } catch (error) {
    if (error instanceof GitError) {
      return fail('not-found', `The commits of v${older.version} or v${newer.version} are no longer in this repository (${error.stderr.trim().split('\n')[0]}).`);
    }
    throw error;
  }
}

export async function coverFromPlan(ctx: RepoServices): Promise<Result<CoverPreview>> {
  const { plan } = await ctx.plan.snapshot();
  const input = await loadSeries(ctx.repo, plan);
  if (!input.ok) return input;
  const sender = await senderOf(ctx);
  if (!sender.ok) return sender;
  return previewCover(input.value, sender.value);
}
