/**
 * `merge-sprint pickup …`: the fork's new work, from the command line, through the same API host
 * and handlers as the Keep current view.
 */
import type { Command } from 'commander';
import type { PickupCommit, PickupConflict, PickupList } from '../../../shared/pickup/model';
import { addRepoOption, call, withSprint, type RepoOptions } from './core';
import { action, CliFailure, displayPath, formatTable, printJson, printLine } from './output';

interface PickupOptions extends RepoOptions {
  from?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The issue's JSON shape: `{ commits: [{ commit, subject, author, status, files: [{ path, lands }] }] }`, with the list's other fields beside it. */
const listJson = (list: PickupList) => ({ ...list, commits: list.commits });

function printConflicts(conflicts: readonly PickupConflict[]): void {
  for (const c of conflicts) {
    printLine(`  CONFLICT (${c.reason}): ${displayPath(c.path)} at ${displayPath(c.lands)}`);
    for (const h of c.hunks) {
      printLine(`    at line ${h.line}:`);
      for (const l of h.source) printLine(`    sprint      | ${l}`);
      for (const l of h.base) printLine(`    fork parent | ${l}`);
      for (const l of h.destination) printLine(`    fork        | ${l}`);
    }
  }
}

function printCommits(commits: readonly PickupCommit[]): void {
  printLine(
    formatTable([...commits], [
      { title: 'COMMIT', value: (c) => c.commit.slice(0, 12) },
      { title: 'STATUS', value: (c) => c.status },
      { title: 'AUTHOR', value: (c) => c.author },
      { title: 'SUBJECT', value: (c) => `${c.subject}${c.merge ? ' (merge: its first-parent change)' : ''}` },
    ]),
  );
  for (const c of commits) {
    printLine(`${c.commit.slice(0, 12)}:`);
    for (const f of c.files) {
      const lands = f.lands.length === 0 ? '(deleted)' : f.lands.map(displayPath).join(', ');
      printLine(`  ${f.from !== undefined ? `${displayPath(f.from)} => ` : ''}${displayPath(f.path)} -> ${lands}`);
    }
    printConflicts(c.conflicts);
  }
}

async function listCommand(opts: PickupOptions): Promise<void> {
  const list = await withSprint(opts, (ctx) => call(ctx, 'pickup.list', opts.from === undefined ? {} : { from: opts.from }));
  if (opts.json) return printJson(listJson(list));
  for (const w of list.warnings) printLine(`warning: ${w}`);
  if (list.commits.length === 0) return printLine(`Nothing to pick up: every commit of ${list.ref} is on ${list.branch} or was picked up.`);
  printLine(`${list.commits.length} commit(s) of ${list.ref} wait to be picked up onto ${list.branch}, oldest first:`);
  printCommits(list.commits);
}

async function applyCommand(opts: PickupOptions & { commit: string[]; card?: string }): Promise<void> {
  const request = { ...(opts.from !== undefined ? { from: opts.from } : {}), ...(opts.commit.length > 0 ? { commits: opts.commit } : {}), ...(opts.card !== undefined ? { card: opts.card } : {}) };
  const done = await withSprint(opts, (ctx) => call(ctx, 'pickup.apply', request));
  if (opts.json) printJson(done);
  else {
    for (const p of done.picked) printLine(p.commit ? `Picked up ${p.from.slice(0, 12)} as ${p.commit.slice(0, 12)}.` : `${p.from.slice(0, 12)} was there already: recorded as picked up.`);
    for (const s of done.skipped) printLine(`Left ${s.commit.slice(0, 12)}: ${s.why}.`);
    if (done.picked.length === 0 && !done.stoppedAt) printLine('Nothing to pick up.');
    if (done.stoppedAt) {
      printLine(`Stopped at ${done.stoppedAt.commit.slice(0, 12)} ${done.stoppedAt.subject}: nothing of it or after it was written.`);
      printConflicts(done.stoppedAt.conflicts);
    }
  }
  if (done.stoppedAt) {
    throw new CliFailure({
      code: 'conflict',
      message: `${done.stoppedAt.commit.slice(0, 12)} conflicts with the sprint branch in ${done.stoppedAt.conflicts.length} file(s): resolve them on the sprint branch (make the change there and commit), then pick up again.`,
    });
  }
}

export function registerPickupCommands(program: Command): void {
  const pickup = addRepoOption(program.command('pickup'))
    .description("the fork's new commits waiting to be picked up through the rename plan (the plan's fork ref, or --from), oldest first")
    .enablePositionalOptions()
    .option('--from <ref>', "the ref the fork's developers commit to (default: the plan's, set with init --pick-up-from or pickup set-from)")
    .option('--json', 'print JSON: { commits: [{ commit, subject, author, status, files: [{ path, lands }] }], warnings, ... }')
    .action(action(listCommand));

  addRepoOption(pickup.command('apply'))
    .description('pick up the waiting commits (or the ones named, or one card\'s): one commit each on the current branch, stopping before a conflict')
    .option('--from <ref>', "the ref the fork's developers commit to (default: the plan's)")
    .option('--commit <sha>', 'pick up this commit (repeatable; default: every waiting commit)', collect, [])
    .option('--card <name>', "pick up the commits that touch only this card's files")
    .option('--json', 'print JSON: { picked: [{ from, commit }], skipped, stoppedAt }')
    .action(action(applyCommand));

  addRepoOption(pickup.command('set-from'))
    .description("set the ref the fork's developers commit to, the plan's fork ref for pick-ups")
    .requiredOption('--ref <ref>', 'a branch, tag or commit')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: RepoOptions & { ref: string; json?: boolean }) => {
        const set = await withSprint(opts, (ctx) => call(ctx, 'pickup.setFrom', { ref: opts.ref }));
        if (opts.json) return printJson(set);
        printLine(`Picking up from ${set.ref} (fork base ${set.base.slice(0, 12)}).`);
      }),
    );
}
