/**
 * `merge-sprint build …`: the build checks from the command line. The plan names each check and
 * keeps its last result; what it runs is this clone's own command (merge-sprint.build.<name>.command
 * in .git/config), so `build list` says for each whether this machine defines it, and `build run`
 * runs nothing for one it does not, saying how to define it. `build run` waits for each build and
 * streams its log.
 */
import type { Command } from 'commander';
import type { LocalBuildCheck } from '../../../shared/rename/model';
import { notDefinedHere } from '../builds/commands';
import { findBuild, listBuilds, startBuild } from '../rename/builds';
import { addRepoOption, answer, call, withSprint, type RepoOptions } from './core';
import { action, CliFailure, failWith, printJson, printLine, unwrap } from './output';

interface JsonOption {
  json?: boolean;
}

const lastRun = (b: LocalBuildCheck): string => (b.last ? `${b.last.passed ? 'passed' : 'failed'} on ${b.last.commit.slice(0, 12)}` : 'never run');
const definedLine = (b: LocalBuildCheck): string => `Build check ${b.id} ${JSON.stringify(b.name)} runs on this machine: ${b.command ?? ''}`;

function registerBuildDefinitions(build: Command): void {
  addRepoOption(build.command('add'))
    .description("add a build check: its name goes into the plan, its command into this clone's git config")
    .requiredOption('--name <name>', 'its name, for example "new layout"')
    .requiredOption('--command <cmd>', 'the shell command, for example "make ARCH=i386"')
    .option('--json', 'print JSON')
    .action(
      answer(
        (ctx, opts: RepoOptions & { json?: boolean; name: string; command: string }) => call(ctx, 'build.add', { name: opts.name, command: opts.command }),
        (added) => printLine(definedLine(added)),
      ),
    );

  addRepoOption(build.command('set-command'))
    .description("change what a build check runs on this machine (merge-sprint.build.<name>.command in .git/config)")
    .requiredOption('--name <name>', 'the build check')
    .requiredOption('--command <cmd>', 'the shell command')
    .option('--json', 'print JSON')
    .action(
      answer(
        async (ctx, opts: RepoOptions & { json?: boolean; name: string; command: string }) => {
          const found = unwrap(await findBuild(ctx, { name: opts.name }));
          return call(ctx, 'build.setCommand', { buildId: found.id, command: opts.command });
        },
        (set) => printLine(definedLine(set)),
      ),
    );

  addRepoOption(build.command('remove'))
    .description("remove a build check from the plan, and its command from this clone's git config")
    .requiredOption('--name <name>', 'the build check')
    .action(
      action(async (opts: RepoOptions & { name: string }) => {
        const removed = await withSprint(opts, async (ctx) => {
          const found = unwrap(await findBuild(ctx, { name: opts.name }));
          await call(ctx, 'build.remove', { buildId: found.id });
          return found;
        });
        printLine(`Removed build check ${removed.id} ${JSON.stringify(removed.name)}.`);
      }),
    );

  addRepoOption(build.command('list'))
    .description('the build checks, whether each is defined on this machine, and their last result')
    .option('--json', 'print JSON')
    .action(
      answer(
        (ctx) => call(ctx, 'build.list', {}),
        (list) => {
          if (list.builds.length === 0) return printLine('No build checks yet: add one with `merge-sprint build add --name NAME --command CMD`.');
          for (const b of list.builds) printLine(`${b.id}: ${b.name}: ${b.command ?? 'not defined on this machine'}  (${lastRun(b)})`);
        },
      ),
    );
}

/** Why the run as a whole failed: the checks that failed, and those this machine does not define. */
function runFailure(failed: string[], undefinedHere: LocalBuildCheck[]): string | null {
  const parts: string[] = [];
  if (failed.length > 0) parts.push(`${failed.length} build check(s) failed: ${failed.join(', ')}.`);
  if (undefinedHere.length === 1) parts.push(notDefinedHere(undefinedHere[0]!.name));
  else if (undefinedHere.length > 1) {
    parts.push(`${undefinedHere.length} build checks are not defined on this machine and were not run: ${undefinedHere.map((b) => b.name).join(', ')}. Define each with \`merge-sprint build add --name NAME --command …\`.`);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

function registerBuildRun(build: Command): void {
  addRepoOption(build.command('run'))
    .description('run a build check (default: all of them) in a temporary worktree of HEAD, streaming its log')
    .option('--name <name>', 'the build check')
    .option('--timeout <seconds>', 'stop the build after this long (default 1800)')
    .option('--json', 'print the results as JSON (the log goes to stderr)')
    .action(
      action(async (opts: RepoOptions & JsonOption & { name?: string; timeout?: string }) => {
        const timeout = opts.timeout === undefined ? undefined : Number(opts.timeout);
        if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) failWith('bad-input', `--timeout takes a number of seconds, not ${JSON.stringify(opts.timeout)}.`);
        const { results, undefinedHere } = await withSprint(opts, async (ctx) => {
          const named = opts.name === undefined ? null : unwrap(await findBuild(ctx, { name: opts.name }));
          const all = unwrap(await listBuilds(ctx)).builds;
          const builds = named ? all.filter((b) => b.id === named.id) : all;
          if (builds.length === 0) failWith('not-found', 'There are no build checks yet: add one with `merge-sprint build add --name NAME --command CMD`.');
          // One named check this machine does not define: nothing runs, and the answer says how to define it.
          if (named && builds[0]?.command === null) failWith('not-found', notDefinedHere(named.name));
          const out = [];
          for (const b of builds.filter((x) => x.command !== null)) {
            const log = (chunk: string): void => void (opts.json ? process.stderr : process.stdout).write(chunk);
            if (!opts.json) printLine(`== ${b.name}: ${b.command}`);
            const started = unwrap(await startBuild(ctx, b, { onLog: log, ...(timeout ? { timeoutMs: timeout * 1000 } : {}) }));
            const result = await started.done;
            if (!opts.json) printLine(`== ${b.name}: ${result.passed ? 'PASS' : result.stopped ? `STOPPED (${result.stopped})` : `FAIL (exit ${result.exitCode})`} on ${result.commit.slice(0, 12)}`);
            out.push({ name: b.name, ...result });
          }
          const missing = builds.filter((x) => x.command === null);
          if (!opts.json) for (const b of missing) printLine(`== ${b.name}: not defined on this machine, not run`);
          return { results: out, undefinedHere: missing };
        });
        if (opts.json) printJson(results);
        const failure = runFailure(results.filter((r) => !r.passed).map((r) => r.name), undefinedHere);
        if (failure) throw new CliFailure({ code: 'refused', message: failure });
      }),
    );
}

export function registerBuildCommands(program: Command): void {
  const build = program.command('build').description("named build checks, run in a temporary worktree of HEAD; each command is this clone's own (git config)");
  registerBuildDefinitions(build);
  registerBuildRun(build);
}
