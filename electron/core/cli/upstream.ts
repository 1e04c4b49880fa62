/**
 * `merge-sprint upstream`: what moving the sprint to a newer upstream means, and `upstream apply`
 * doing it, through the same API host and handlers as the app. A port in conflict exits 1 with
 * its hunks printed; nothing is written then.
 */
import type { Command } from 'commander';
import type { TwinPort, UpstreamPreview } from '../../../shared/upstream/model';
import { addRepoOption, call, withSprint, type RepoOptions } from './core';
import { action, CliFailure, displayPath, failWith, formatTable, printJson, printLine } from './output';

interface UpstreamOptions extends RepoOptions {
  to?: string;
  json?: boolean;
  keep?: string[];
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const needTo = (opts: UpstreamOptions): string => opts.to ?? failWith('bad-input', 'Name the new upstream with --to REF (a tag, a branch or a commit).');

function printPreview(p: UpstreamPreview): void {
  printLine(`${p.upstreamRef} (${p.base.slice(0, 12)}) -> ${p.toRef} (${p.to.slice(0, 12)}) on ${p.branch}: ${p.commits.length} upstream commit(s) touch files in scope`);
  for (const c of p.commits) printLine(`  ${c.commit.slice(0, 12)} ${c.subject}`);
  if (p.twins.length === 0) printLine('No fork copy has a twin that upstream changed.');
  else {
    printLine(
      formatTable(p.twins, [
        { title: 'PORT', value: (t: TwinPort) => (t.status === 'conflict' ? `conflict (${t.reason ?? 'content'})` : t.alreadyThere ? 'there already' : 'clean') },
        { title: 'COPY', value: (t) => displayPath(t.path) },
        { title: 'TWIN', value: (t) => displayPath(t.twin) },
      ]),
    );
  }
  for (const t of p.twins.filter((x) => x.status === 'conflict')) {
    for (const h of t.hunks) {
      printLine(`CONFLICT ${displayPath(t.path)} at line ${h.line}:`);
      for (const l of h.source) printLine(`  copy         | ${l}`);
      for (const l of h.base) printLine(`  old upstream | ${l}`);
      for (const l of h.destination) printLine(`  new upstream | ${l}`);
    }
  }
  if (p.mergeConflicts.length > 0) printLine(`Merging ${p.toRef} into ${p.branch} conflicts in: ${p.mergeConflicts.map(displayPath).join(', ')}`);
}

const conflictFailure = (p: UpstreamPreview): CliFailure =>
  new CliFailure({
    code: 'conflict',
    message: `${p.twins.filter((t) => t.status === 'conflict').length} fork copy(ies) cannot take upstream's change cleanly; nothing was written. Port the change into each copy yourself and commit, then run upstream apply again with --keep PATH for each.`,
  });

export function registerUpstreamCommands(program: Command): void {
  const upstream = addRepoOption(program.command('upstream'))
    .description("what moving the sprint's upstream ref to a newer upstream means: the upstream commits in scope, and each fork copy whose twin changed")
    .option('--to <ref>', 'the new upstream (a tag, a branch or a commit)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: UpstreamOptions) => {
        const to = needTo(opts);
        const preview = await withSprint(opts, (ctx) => call(ctx, 'upstream.preview', { to }));
        if (opts.json) return printJson(preview);
        printPreview(preview);
      }),
    );

  addRepoOption(upstream.command('apply'))
    .description('merge the new upstream into the sprint branch (one merge commit), port each twin change into its fork copy, and move the sprint\'s upstream ref')
    .option('--to <ref>', 'the new upstream (a tag, a branch or a commit)')
    .option('--keep <path>', 'a fork copy whose conflicting port you resolved by hand on the branch: kept as it is (repeatable)', collect)
    .option('--json', 'print JSON')
    .action(
      // The parent's --to and --repo take what follows `apply` too: read both commands' options.
      action(async (_opts: UpstreamOptions, cmd: Command) => {
        const opts = cmd.optsWithGlobals<UpstreamOptions>();
        const to = needTo(opts);
        const applied = await withSprint(opts, (ctx) => call(ctx, 'upstream.apply', { to, keep: opts.keep ?? [] }));
        if (opts.json) printJson(applied);
        else {
          printPreview(applied);
          if (applied.commit) printLine(`Merged ${applied.toRef} in ${applied.commit.slice(0, 12)}; ported ${applied.ported.length} fork copy(ies); the sprint's upstream ref is now ${applied.toRef}.`);
        }
        if (!applied.commit) throw conflictFailure(applied);
      }),
    );
}
