/**
 * The team's commands: `merge-sprint report --since 1d` for a standup, `work` for each card's
 * branch (start, name, status) and `wip` for a person's work-in-progress limit, through the same
 * API host and handlers as the app.
 */
import type { Command } from 'commander';
import { reportLines } from '../../../shared/team/report';
import { describeVerdict, describeWork } from '../../../shared/team/status';
import { addRepoOption, call, findPerson, findSubsystem, positiveInt, withSprint, type RepoOptions } from './core';
import { action, failWith, printJson, printLine } from './output';

interface JsonOption {
  json?: boolean;
}

export function registerTeamCommands(program: Command): void {
  addRepoOption(program.command('report'))
    .description('for a standup: what moved on the board, who landed what on the sprint branch, what is blocked, each person\'s load')
    .option('--since <span>', 'how far back: "1d", "12h", "30m", "2w", or a date such as 2026-11-30', '1d')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: RepoOptions & JsonOption & { since: string }) => {
        const report = await withSprint(opts, (ctx) => call(ctx, 'team.report', { since: opts.since }));
        if (opts.json) printJson(report);
        else for (const line of reportLines(report)) printLine(line);
      }),
    );

  const work = program.command('work').description("each card's branch: start it from the sprint branch, name it, see what git says");
  addRepoOption(work.command('start'))
    .description('create a new branch at the sprint branch and name it on the card')
    .requiredOption('--subsystem <name>', "the subsystem's name or id")
    .requiredOption('--branch <name>', 'the new branch, for example keir/i386-mm')
    .action(
      action(async (opts: RepoOptions & { subsystem: string; branch: string }) => {
        const started = await withSprint(opts, async (ctx) => {
          const sub = findSubsystem(await ctx.plan.snapshot(), opts.subsystem);
          return call(ctx, 'team.startWork', { subsystemId: sub.id, branch: opts.branch });
        });
        printLine(`Created ${started.branch} at ${started.commit.slice(0, 12)} and named it on the card.`);
      }),
    );
  addRepoOption(work.command('branch'))
    .description('name the branch a card is worked on (local, or remote-tracking such as origin/keir/i386-mm); "none" takes it off')
    .requiredOption('--subsystem <name>', "the subsystem's name or id")
    .requiredOption('--branch <name>', 'the branch, or none')
    .action(
      action(async (opts: RepoOptions & { subsystem: string; branch: string }) => {
        await withSprint(opts, async (ctx) => {
          const sub = findSubsystem(await ctx.plan.snapshot(), opts.subsystem);
          const branch = opts.branch.trim().toLowerCase() === 'none' ? null : opts.branch;
          await call(ctx, 'plan.change', { change: { type: 'card.branch', subsystemId: sub.id, branch } });
          printLine(branch === null ? `${sub.name} names no branch now.` : `${sub.name} is worked on ${branch}.`);
        });
      }),
    );
  addRepoOption(work.command('status'))
    .description("each card's branch against the sprint branch, and the Done cards git does not confirm")
    .option('--json', 'print JSON')
    .action(
      action(async (opts: RepoOptions & JsonOption) => {
        const [snapshot, status] = await withSprint(opts, async (ctx) => [await ctx.plan.snapshot(), await call(ctx, 'team.status', {})] as const);
        if (opts.json) return printJson(status);
        const { plan } = snapshot;
        let lines = 0;
        for (const id of plan.subsystemOrder) {
          const name = plan.subsystems[id]?.name ?? id;
          const w = status.work[id];
          const verdict = status.verdicts[id];
          const said = [w ? describeWork(w) : null, verdict ? describeVerdict(verdict) : null].filter((x): x is string => x !== null);
          if (said.length === 0) continue;
          printLine(`${name}: ${said.join('; ')}`);
          lines++;
        }
        if (lines === 0) printLine('No card names a branch and none is Done yet.');
        if (status.problem) printLine(`PROBLEM: ${status.problem}`);
      }),
    );

  addRepoOption(program.command('wip'))
    .description("set or remove a person's work-in-progress limit (cards In progress at once); the board warns above it")
    .requiredOption('--person <name>', "the person's name or email")
    .requiredOption('--limit <n>', 'a whole number of at least 1, or none')
    .action(
      action(async (opts: RepoOptions & { person: string; limit: string }) => {
        const limit = opts.limit.trim().toLowerCase() === 'none' ? null : positiveInt('--limit')(opts.limit);
        await withSprint(opts, async (ctx) => {
          const person = findPerson(await ctx.plan.snapshot(), opts.person) ?? failWith('bad-input', '--person names nobody: name a person on the board.');
          await call(ctx, 'plan.change', { change: { type: 'person.wipLimit', personId: person.id, limit } });
          printLine(limit === null ? `${person.name} has no work-in-progress limit now.` : `${person.name}'s work-in-progress limit is ${limit}.`);
        });
      }),
    );
}
