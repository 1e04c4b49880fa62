/**
 * `merge-sprint`: the command line (built to dist/cli.mjs, run by bin/merge-sprint.mjs). Errors
 * are one line on stderr with exit code 2 for bad input and 1 for failures, never a stack trace.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { createDemoRepository } from '../demo';
import { lastDemo, lastDemoFile, rememberDemo } from '../demo/last-demo';
import { RoomServerError, startRoomServer } from '../server/room';
import { addRepoOption, registerCoreCommands } from './core';
import { action, CliFailure, EXIT_BAD_INPUT, exitCodeFor, failWith, printError, printLine, unwrap } from './output';
import { registerPickupCommands } from './pickup';
import { registerMaintainersCommands } from './maintainers';
import { registerRenameCommands } from './rename';
import { registerSeriesCommands } from './series';
import { registerSyncCommands } from './sync';
import { SYNC_EVERY_MAX, SYNC_EVERY_MIN } from '../../../shared/sync/api';
import { actorAs } from '../plan/actor';
import { openPlanStore } from '../plan/store';
import { openRepository } from '../git/repository';
import { registerUpstreamCommands } from './upstream';
import { registerTeamCommands } from './team';

const VERSION = '0.1.0';
const DEFAULT_PORT = 4477;

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/** The built board: next to dist/cli.mjs, or dist/renderer when running from the sources. */
function rendererDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'renderer'), path.join(here, '..', '..', 'dist', 'renderer')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? candidates[0] ?? here;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) failWith('bad-input', `--port takes a port number from 0 to 65535, not "${value}".`);
  return n;
}

function parseSyncEvery(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < SYNC_EVERY_MIN || n > SYNC_EVERY_MAX) failWith('bad-input', `--sync-every takes a whole number of seconds from ${SYNC_EVERY_MIN} to ${SYNC_EVERY_MAX}, not "${value}".`);
  return n;
}

/** `--as` for the room server: who signs what the server itself writes (its automatic syncs' merges). */
async function serverActor(repo: string, as: string | undefined) {
  if (as === undefined) return undefined;
  const root = unwrap(await openRepository(repo)).root;
  const store = await openPlanStore(root);
  try {
    return unwrap(actorAs((await store.snapshot()).plan, as));
  } finally {
    store.close();
  }
}

interface ServeOptions {
  repo?: string;
  as?: string;
  syncEvery?: number;
  port: number;
  host: string;
  demo?: boolean;
  lastDemo?: boolean;
  allowRepoChanges?: boolean;
}

/** The repository to serve and what to say about it first: a new demo, the last one, or the one named. */
async function servedRepository(opts: ServeOptions): Promise<{ repo: string; notes: string[] }> {
  if ((opts.demo || opts.lastDemo) && opts.repo) failWith('bad-input', `--${opts.demo ? 'demo' : 'last-demo'} serves a demo repository: leave out --repo (or leave out --${opts.demo ? 'demo' : 'last-demo'} to serve yours).`);
  if (!opts.demo && !opts.lastDemo) return { repo: opts.repo ?? process.cwd(), notes: [] };
  const before = opts.demo ? null : lastDemo();
  if (before) return { repo: before, notes: [`Reopened the demo made last time: ${before} (remembered in ${lastDemoFile()}); for a new one: npm run room -- --demo`] };
  const made = unwrap(await createDemoRepository());
  if (opts.lastDemo) rememberDemo(made);
  return { repo: made, notes: [`Demo repository: ${made}`, ...(opts.lastDemo ? ['The next npm run room reopens it.'] : [])] };
}

async function serve(opts: ServeOptions): Promise<void> {
  const { repo, notes } = await servedRepository(opts);
  let server;
  try {
    const actor = await serverActor(repo, opts.as);
    server = await startRoomServer({
      repo,
      port: opts.port,
      host: opts.host,
      staticDir: rendererDir(),
      allowRepoChanges: opts.allowRepoChanges ?? false,
      log: printLine,
      ...(actor ? { actor } : {}),
      ...(opts.syncEvery === undefined ? {} : { syncEvery: opts.syncEvery }),
    });
  } catch (error) {
    if (error instanceof RoomServerError) throw new CliFailure(error.error);
    throw error;
  }
  for (const note of notes) printLine(note);
  printLine(`Merge Sprint board for ${repo}`);
  printLine(`Open ${server.url}`);
  for (const url of server.otherUrls) printLine(`  or ${url}`);
  printLine('Anyone with this address (it holds the join token) can change the board: share it only with the room.');
  printLine(
    opts.allowRepoChanges
      ? 'Browsers may also run the repository operations (interim copies, sync, finish, build checks, series checks); defining a command stays with this computer.'
      : 'Browsers change the board only; to let them make interim copies and run build and series checks, start the room with --allow-repo-changes.',
  );
  if (opts.syncEvery !== undefined) printLine(`The plan syncs with the clone's remote every ${opts.syncEvery} s.`);
  printLine('Press Ctrl+C to stop.');
  const running = server;
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function buildProgram(): Command {
  const program = new Command('merge-sprint')
    .description('Plan and run a merge sprint: inventory a fork against upstream, share the board, cut the series.')
    .version(VERSION)
    // commander's complaint, its "Did you mean" and a pointer to help, on one line.
    .configureOutput({ outputError: (text, write) => write(`merge-sprint: ${oneLine(text.replace(/^error: /, ''))} (see --help)\n`) })
    // Set before the commands are added, so every subcommand inherits it.
    .exitOverride()
    // A command's own options stay its own: `pickup --from` and `pickup apply --from` are two commands' options.
    .enablePositionalOptions();

  registerCoreCommands(program);
  addRepoOption(program.command('serve'))
    .description('serve the board and API to any browser at the address it prints, which carries the join token every request needs (127.0.0.1 only unless --host is given)')
    .option('--port <n>', `the port (default ${DEFAULT_PORT}; 0 picks a free one)`, parsePort, DEFAULT_PORT)
    .option('--host <addr>', 'the address to listen on (default 127.0.0.1; 0.0.0.0 for the whole room)', '127.0.0.1')
    .option('--demo', 'create the demo repository in a temporary folder and serve it')
    .option('--last-demo', 'serve the demo made by the last --last-demo run (npm run room), or make one and remember it')
    .option('--allow-repo-changes', "let the room's browsers run the repository operations (interim copies, sync, finish, build checks, series checks); without it they change the board only")
    .option('--sync-every <seconds>', "sync the plan with the clone's git remote by itself this often (default: only when someone clicks Sync)", parseSyncEvery)
    .action(action(serve));
  registerSyncCommands(program);
  registerRenameCommands(program);
  registerSeriesCommands(program);
  registerUpstreamCommands(program);
  registerTeamCommands(program);
  registerPickupCommands(program);
  registerMaintainersCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CliFailure) {
      // Thrown by an option parser (--pair, --port), before any action ran.
      printError(error.error);
      process.exitCode = exitCodeFor(error.error);
      return;
    }
    if (error instanceof CommanderError) {
      // Help and --version end with code 0; anything commander refused is bad input.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
      return;
    }
    process.stderr.write(`merge-sprint: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

// A reader that stops early (`merge-sprint inventory | head`) closes the pipe: stop quietly,
// as other command-line tools do, instead of dying on EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

await main(process.argv);
