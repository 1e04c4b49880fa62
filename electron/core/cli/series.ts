/**
 * `merge-sprint series …`: propose, list, check, export, drift and range-diff from the command
 * line, through the same API host and handlers as the app. Data goes to stdout (a table, or
 * JSON with --json), build logs to stderr; a check or drift that finds a failing patch exits 1.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { seriesSettingsOf, type SeriesPatch } from '../../../shared/series/model';
import { kb, type PatchSize } from '../../../shared/series/sizes';
import type { SeriesState } from '../../../shared/series/reports';
import { addRepoOption, answer, call, positiveInt, withSprint, type RepoOptions } from './core';
import { action, CliFailure, displayPath, formatTable, printJson, printLine } from './output';
import { readCoverFile, registerSeriesEditCommands } from './series-edit';

/** The plan's setting takes no smaller limit (shared/series/schema.ts). */
const MIN_PATCH_KB = 4;

interface JsonOption {
  json?: boolean;
}

/** "42 KB", and "OVER 130 KB" past the limit. */
const sizeCell = (size: PatchSize | undefined): string => (size ? `${size.overLimit ? 'OVER ' : ''}${kb(size.bytes)}` : '');

function printSeries(state: SeriesState): void {
  const { series } = state;
  if (series.patchOrder.length === 0) return printLine('No series yet: propose one with `merge-sprint series propose`.');
  const stats = new Map(state.stats.map((s) => [s.patchId, s]));
  const sizes = new Map(state.sizes.map((s) => [s.patchId, s]));
  const rows = series.patchOrder.flatMap((id) => (series.patches[id] ? [series.patches[id]] : []));
  printLine(`Series ${series.base?.slice(0, 12) ?? '?'}..${series.target ?? '?'} (${rows.length} patches${series.versions.length ? `, last exported v${series.versions.at(-1)?.version}` : ''})`);
  printLine(
    formatTable(rows, [
      { title: '#', value: (p: SeriesPatch) => String(rows.indexOf(p) + 1), align: 'right' },
      { title: 'ID', value: (p) => p.id },
      { title: 'FILES', value: (p) => String(p.files.length), align: 'right' },
      { title: 'LINES', value: (p) => `+${stats.get(p.id)?.added ?? 0} -${stats.get(p.id)?.removed ?? 0}`, align: 'right' },
      { title: 'SIZE', value: (p) => sizeCell(sizes.get(p.id)), align: 'right' },
      { title: 'SUBJECT', value: (p) => p.subject },
    ]),
  );
  if (state.coverage.uncovered.length > 0) printLine(`In no patch: ${state.coverage.uncovered.map(displayPath).join(', ')}`);
  if (state.problem) printLine(`PROBLEM: ${state.problem}`);
}


export function registerSeriesCommands(program: Command): void {
  const series = program.command('series').description('cut the fork into an ordered patch series, check it applies, export it');

  addRepoOption(series.command('propose'))
    .description('propose a series: every change from upstream to the target, one patch per subsystem, upstream files first')
    .option('--target <ref>', 'the ref to send (default: the sprint\'s fork ref)')
    .option('--max-patch-kb <n>', 'each patch\'s limit as mail, kept in the plan (default 100, the kernel lists\' limit)', positiveInt('--max-patch-kb'))
    .option('--whole-support', 'one final patch adding the whole new support, whatever its size (kept in the plan)')
    .option('--no-whole-support', 'the new support split to the size limit like every patch (the default)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: RepoOptions & JsonOption & { target?: string; maxPatchKb?: number; wholeSupport?: boolean }) => {
        if (opts.maxPatchKb !== undefined && opts.maxPatchKb < MIN_PATCH_KB) {
          throw new CliFailure({ code: 'bad-input', message: `--max-patch-kb ${opts.maxPatchKb} cannot hold a patch's mail headers: give ${MIN_PATCH_KB} or more (the kernel's lists take 100).` });
        }
        await withSprint(opts, async (ctx) => {
          if (opts.maxPatchKb !== undefined || opts.wholeSupport !== undefined) {
            const { series: now } = await call(ctx, 'series.get', {});
            const settings = seriesSettingsOf(now);
            await call(ctx, 'plan.change', {
              change: { type: 'series.settings', maxPatchKb: opts.maxPatchKb ?? settings.maxPatchKb, wholeSupport: opts.wholeSupport ?? settings.wholeSupport },
            });
          }
          const proposal = await call(ctx, 'series.propose', opts.target === undefined ? {} : { target: opts.target });
          const state = await call(ctx, 'series.get', {});
          if (opts.json) return printJson({ ...state, unassignedFiles: proposal.unassignedFiles, renames: proposal.renames, newFolder: proposal.newFolder, notes: proposal.notes });
          printSeries(state);
          for (const note of proposal.notes) printLine(note);
          if (proposal.unassignedFiles.length > 0) {
            printLine(`${proposal.unassignedFiles.length} changed file(s) are in no subsystem; they went into patches by top folder.`);
          }
        });
      }),
    );

  addRepoOption(series.command('list'))
    .description('list the patches in order with their files and lines, and what is wrong with the series')
    .option('--json', 'print JSON')
    .action(
      answer((ctx) => call(ctx, 'series.get', {}), printSeries),
    );

  addRepoOption(series.command('check'))
    .description('apply the series in order in a temporary worktree at upstream and compare the last tree with the target\'s')
    .option('--build <name>', 'a build check of the plan to run after each patch (its log goes to stderr)')
    .option('--line-limit <n>', 'warn about patches changing more lines than this', positiveInt('--line-limit'))
    .option('--each', 'check that every step holds together (Makefiles, Kconfig, includes) and name the first that does not')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: RepoOptions & JsonOption & { build?: string; lineLimit?: number; each?: boolean }) => {
        const runId = randomUUID();
        const report = await withSprint(opts, async (ctx) => {
          const stop = ctx.subscribe((push) => {
            if (push.type === 'series.log' && push.runId === runId) process.stderr.write(push.chunk);
          });
          const cancel = (): void => {
            void call(ctx, 'series.cancel', { runId });
          };
          process.once('SIGINT', cancel);
          try {
            return await call(ctx, 'series.check', {
              runId,
              ...(opts.build ? { build: opts.build } : {}),
              ...(opts.lineLimit ? { lineLimit: opts.lineLimit } : {}),
              ...(opts.each ? { each: true } : {}),
            });
          } finally {
            process.off('SIGINT', cancel);
            stop();
          }
        });
        if (opts.json) printJson(report);
        else {
          const sizes = new Map(report.sizes.map((s) => [s.patchId, s]));
          for (const [i, s] of report.steps.entries()) {
            const build = s.build ? (s.build.passed ? ', build ok' : ', BUILD FAILED') : '';
            const whole = opts.each ? (s.broken?.length ? ', BREAKS' : ', holds') : '';
            printLine(`${String(i + 1).padStart(3)} ${s.applied ? 'applies' : 'FAILS  '}${build}${whole}  ${sizeCell(sizes.get(s.patchId)).padStart(10)}  ${s.subject}`);
            for (const b of s.broken ?? []) printLine(`      ${b}`);
          }
          for (const w of report.warnings) printLine(`WARNING: ${w.message}`);
          if (report.exportSize) {
            const { withCopies, withoutCopies } = report.exportSize;
            printLine(`Export size: ${kb(withCopies)} with the fork's copies of upstream files as copies, ${kb(withoutCopies)} with every copy as a new file.`);
          }
          printLine(report.summary);
        }
        if (report.failed || report.canceled || !report.treeMatches) throw new CliFailure({ code: 'conflict', message: report.summary });
      }),
    );

  addRepoOption(series.command('export'))
    .description('write the series as git format-patch files (cover letter, To/Cc from MAINTAINERS) and record it as the next version')
    .requiredOption('--out <dir>', 'the folder for the patch files: new, empty, or an earlier export; never inside a repository')
    .option('--branch <name>', 'also write the series as commits on this new branch (a plain branch name)')
    .option('--replace', 'replace the earlier export in the folder (only the files it wrote)')
    .option('--subject <text>', 'the cover letter\'s subject')
    .option('--cover-file <path>', 'the cover letter for this export: its subject on the first line, a blank line, then the text (see `series cover`)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: RepoOptions & JsonOption & { out: string; branch?: string; replace?: boolean; subject?: string; coverFile?: string }) => {
        const cover = opts.coverFile === undefined ? null : readCoverFile(opts.coverFile);
        const report = await withSprint(opts, (ctx) =>
          call(ctx, 'series.export', {
            out: path.resolve(opts.out),
            ...(opts.branch ? { branch: opts.branch } : {}),
            ...(opts.replace ? { replace: true } : {}),
            ...(cover ? { coverSubject: cover.subject, coverBlurb: cover.blurb } : {}),
            ...(opts.subject ? { coverSubject: opts.subject } : {}),
          }),
        );
        if (opts.json) return printJson(report);
        printLine(`Exported v${report.version} (${report.files.length - 1} patches, tip ${report.tip.slice(0, 12)}) to ${report.dir}`);
        for (const f of report.files) printLine(`  ${f.name}${f.recipients.to.length ? `  To: ${f.recipients.to.join(', ')}` : ''}`);
        if (report.checkpatch.ran) {
          for (const p of report.checkpatch.perPatch) {
            printLine(`checkpatch ${p.file}: ${p.findings.length === 0 ? 'no warnings' : `${p.findings.length} finding(s)`}`);
            for (const f of p.findings) printLine(`    ${f}`);
          }
        } else printLine(report.checkpatch.reason ?? '');
        if (report.changelog) printLine(report.changelog);
        printLine(`change-id: ${report.changeId}`);
        if (report.branch) printLine(`Branch ${report.branch} points at the series.`);
        if (report.rangeDiff !== null) {
          printLine('Range-diff against the previous version:');
          printLine(report.rangeDiff.trimEnd());
        }
      }),
    );

  registerSeriesEditCommands(series);

  addRepoOption(series.command('drift'))
    .description('after upstream moved: which patches no longer apply, and the upstream commits touching each patch\'s files')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: RepoOptions & JsonOption) => {
        const report = await withSprint(opts, (ctx) => call(ctx, 'series.drift', {}));
        if (opts.json) printJson(report);
        else {
          for (const p of report.patches) {
            printLine(`${p.applies ? 'applies' : 'FAILS  '}  ${p.subject}${p.upstreamCommits.length ? ` (${p.upstreamCommits.length} upstream commit(s))` : ''}`);
            for (const c of p.upstreamCommits) printLine(`           ${c.commit.slice(0, 12)} ${c.subject}`);
          }
          printLine(report.summary);
        }
        if (report.patches.some((p) => !p.applies)) throw new CliFailure({ code: 'conflict', message: report.summary });
      }),
    );

  addRepoOption(series.command('range-diff'))
    .description('git range-diff between two exported versions (default: the last two)')
    .option('--from <n>', 'the older version', positiveInt('--from'))
    .option('--to <n>', 'the newer version', positiveInt('--to'))
    .option('--json', 'print JSON')
    .action(
      answer(
        (ctx, opts: RepoOptions & { json?: boolean; from?: number; to?: number }) =>
          call(ctx, 'series.rangeDiff', { ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}) }),
        (diff) => printLine(diff.text.trimEnd()),
      ),
    );
}
