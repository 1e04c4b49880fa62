/**
 * `merge-sprint sync`: the plan through the clone's git remote. It fetches the remote's plan,
 * merges it with this clone's, pushes the result, and says what came in and what went out in
 * the activity feed's words. Git's own authentication is used; git never waits on a prompt.
 */
import type { Command } from 'commander';
import type { SyncReport } from '../../../shared/sync/api';
import { addRepoOption, call, withSprint, type RepoOptions } from './core';
import { action, printJson, printLine } from './output';

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The report as lines: what came in, what went out, what the merge made impossible. */
export function describeSync(report: SyncReport): string[] {
  const lines: string[] = [];
  if (report.incoming.length === 0 && report.outgoing.length === 0) lines.push(`The plan is in sync with ${report.remote}: nothing came in, nothing to send.`);
  else lines.push(`Synced with ${report.remote}: ${count(report.incoming.length, 'change')} came in, ${count(report.outgoing.length, 'change')} went out.`);
  for (const e of report.incoming) lines.push(`  in:  ${e.words}`);
  for (const e of report.outgoing) lines.push(`  out: ${e.words}`);
  for (const n of report.notApplied) lines.push(`  not applied after the merge: ${n.words} (${n.reason})`);
  return lines;
}

export function registerSyncCommands(program: Command): void {
  addRepoOption(program.command('sync'))
    .description("share the plan through the clone's git remote: fetch its plan, merge it with this one, push the result (again if someone pushed meanwhile)")
    .option('--remote <name>', 'the remote to sync with (default: origin)')
    .option('--json', 'print JSON: { remote, incoming, outgoing, notApplied, head, rounds }')
    .action(
      action(async (opts: RepoOptions & { remote?: string; json?: boolean }) => {
        const report = await withSprint(opts, (ctx) => call(ctx, 'plan.sync', opts.remote === undefined ? {} : { remote: opts.remote }));
        if (opts.json) return printJson(report);
        for (const line of describeSync(report)) printLine(line);
      }),
    );
}
