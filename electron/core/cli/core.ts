/**
 * The core commands: demo, init, inventory, plan, assign, state, derive, import-maintainers,
 * people, serve. Each goes through the same API host and handlers as the app, so a command
 * validates and changes the board exactly as a drag would.
 */
import type { Command } from 'commander';
import type { Channel, PlanSnapshot, Req, Res } from '../../../shared/api';
import { CARD_STATES, type CardState, type Inventory, type Pairing, type Person, type Subsystem } from '../../../shared/model';
import type { PlanChange } from '../../../shared/plan/events';
import { nextColor } from '../../../shared/plan/colors';
import { newId } from '../../../shared/plan/ids';
import { createDemoRepository } from '../demo';
import { openRepository } from '../git/repository';
import type { RepoServices } from '../context';
import { callRepo } from '../host/one-repository';
import { openRepoServices } from '../host/services';
import { checkPairings } from '../inventory/pairings';
import { computeInventory } from '../inventory/inventory';
import { actorAs } from '../plan/actor';
import { changePlan } from '../plan/change';
import { NO_PLAN } from '../plan/no-plan';
import { withUnassignedFiles } from '../inventory/sprint-inventory';
import { action, failWith, listForMessage, printInventory, printJson, printLine, printPlan, unwrap } from './output';

/** Options every repository command takes. */
export interface RepoOptions {
  repo?: string;
  as?: string;
}

export const addRepoOption = (cmd: Command): Command =>
  cmd
    .option('--repo <path>', 'the git repository (default: the current folder)')
    .option('--as <name>', "who a change is by: a person of the sprint (name or email), or this name (default: the person with the clone's git user.email)");

/** Opens the repository's sprint for one command, acting as `--as` when given, and always closes it. */
export async function withSprint<T>(opts: RepoOptions, run: (ctx: RepoServices) => Promise<T>): Promise<T> {
  const opened = unwrap(await openRepoServices(opts.repo ?? process.cwd()));
  try {
    const ctx = opts.as === undefined ? opened : { ...opened, actor: unwrap(actorAs((await opened.plan.snapshot()).plan, opts.as)) };
    return await run(ctx);
  } finally {
    opened.dispose();
  }
}

/** Calls a channel through the API host (access and validation included) and returns its value. */
export async function call<C extends Channel>(ctx: RepoServices, channel: C, request: Req<C>): Promise<Res<C>> {
  return unwrap(await callRepo(ctx, channel, request)) as Res<C>;
}

/**
 * The action of a command that asks the repository's services for one answer and prints it: as
 * JSON with --json, otherwise through `say` (which prints its lines itself).
 */
export function answer<T, O extends RepoOptions & { json?: boolean } = RepoOptions & { json?: boolean }>(
  ask: (ctx: RepoServices, opts: O) => Promise<T>,
  say: (value: T, opts: O) => void,
): (opts: O) => Promise<void> {
  return action(async (opts: O) => {
    const value = await withSprint(opts, (ctx) => ask(ctx, opts));
    if (opts.json) printJson(value);
    else say(value, opts);
  });
}

/** Parses repeated `--pair FORK_DIR=UPSTREAM_DIR` values. */
export function collectPair(value: string, previous: Pairing[] = []): Pairing[] {
  const eq = value.indexOf('=');
  if (eq <= 0 || eq === value.length - 1) {
    failWith('bad-input', `--pair takes FORK_DIR=UPSTREAM_DIR (for example arch/xen/i386=arch/i386), not "${value}".`);
  }
  return [...previous, { fork: value.slice(0, eq), upstream: value.slice(eq + 1) }];
}

const fold = (s: string): string => s.normalize('NFC').toLowerCase().trim();

/** Records in the plan's order (an id without its record is skipped). */
const inOrder = <T>(order: readonly string[], records: Readonly<Record<string, T>>): T[] => order.map((id) => records[id]).filter((r): r is T => r !== undefined);

const peopleOf = (snapshot: PlanSnapshot): Person[] => inOrder(snapshot.plan.personOrder, snapshot.plan.people);

interface Words {
  noun: string;
  plural: string;
  /** How several matches relate to what was typed: "are named", "match". */
  verb: string;
  /** What else may be typed, said after the list of names. */
  hint: string;
}

/** The record with id `typed`, else the one that `matches`; otherwise a message naming the ids to choose from, or the valid names. */
function findOne<T extends { id: string; name: string }>(all: T[], typed: string, matches: (record: T) => boolean, words: Words): T {
  const byId = all.find((r) => r.id === typed);
  if (byId) return byId;
  const found = all.filter(matches);
  if (found.length === 1 && found[0]) return found[0];
  if (found.length > 1) failWith('bad-input', `${found.length} ${words.plural} ${words.verb} "${typed}": give one of their ids: ${listForMessage(found.map((r) => r.id))}.`);
  const heading = words.plural.charAt(0).toUpperCase() + words.plural.slice(1);
  return failWith('not-found', `There is no ${words.noun} "${typed}". ${heading}: ${listForMessage(all.map((r) => r.name))}${words.hint}.`);
}

/** The one subsystem named (case-insensitive) or with this id; otherwise a message listing the valid names. */
export function findSubsystem(snapshot: PlanSnapshot, name: string): Subsystem {
  const all = inOrder(snapshot.plan.subsystemOrder, snapshot.plan.subsystems);
  return findOne(all, name, (s) => fold(s.name) === fold(name), { noun: 'subsystem', plural: 'subsystems', verb: 'are named', hint: '' });
}

/** The person named (case-insensitive), with this id or email; `none` means nobody. */
export function findPerson(snapshot: PlanSnapshot, name: string): Person | null {
  if (fold(name) === 'none') return null;
  const matches = (p: Person): boolean => fold(p.name) === fold(name) || (p.email !== '' && fold(p.email) === fold(name));
  return findOne(peopleOf(snapshot), name, matches, { noun: 'person', plural: 'people', verb: 'match', hint: ' (or "none" to unassign)' });
}

/** Backlog, In progress, Review, Done — in any case, with or without the space. */
export function parseState(text: string): CardState {
  const squash = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');
  const state = CARD_STATES.find((s) => squash(s) === squash(text));
  return state ?? failWith('bad-input', `"${text}" is not a card state: use one of ${listForMessage([...CARD_STATES])}.`);
}

/** Commander's parser for an option taking a whole number of at least 1. */
export const positiveInt = (flag: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) failWith('bad-input', `${flag} takes a whole number of at least 1, not "${value}".`);
  return n;
};

function requirePlan(snapshot: PlanSnapshot): void {
  if (!snapshot.plan.sprint) failWith('no-plan', NO_PLAN);
}

async function inventoryCommand(opts: RepoOptions & { upstream?: string; fork?: string; pair?: Pairing[]; json?: boolean }): Promise<void> {
  let inventory: Inventory;
  if (opts.upstream !== undefined || opts.fork !== undefined) {
    if (opts.upstream === undefined || opts.fork === undefined) failWith('bad-input', 'Give both --upstream and --fork (or neither, to use the sprint plan).');
    // Read-only: the refs and pairings are used as given and nothing is written.
    const repo = unwrap(await openRepository(opts.repo ?? process.cwd())).root;
    const pairings = unwrap(checkPairings(opts.pair ?? []));
    inventory = unwrap(await computeInventory(repo, { upstreamRef: opts.upstream, forkRef: opts.fork, pairings }));
  } else {
    if (opts.pair && opts.pair.length > 0) failWith('bad-input', '--pair needs --upstream and --fork; without them the sprint plan\'s pairings are used.');
    inventory = await withSprint(opts, (ctx) => call(ctx, 'inventory.get', {}));
  }
  printInventory(inventory, opts.json === true);
}

/** Applies changes the way the board does (one undoable step) and prints the card. */
async function changeCard(opts: RepoOptions & { subsystem: string; json?: boolean }, build: (snapshot: PlanSnapshot, card: Subsystem) => PlanChange[]): Promise<void> {
  await withSprint(opts, async (ctx) => {
    const before = await call(ctx, 'plan.get', {});
    requirePlan(before);
    const card = findSubsystem(before, opts.subsystem);
    const after = unwrap(await changePlan(ctx, build(before, card)));
    printPlan(after, opts.json === true, card.id);
  });
}

export function registerCoreCommands(program: Command): void {
  program
    .command('demo')
    .description('create the demo sprint repository (a Xen-style fork of a mini Linux tree) and print its path')
    .argument('[dir]', 'a new or empty folder (default: a new folder under the temporary folder)')
    .action(action(async (dir?: string) => printLine(unwrap(await createDemoRepository(dir)))));

  addRepoOption(program.command('init'))
    .description('start a sprint plan: the upstream ref, the fork ref and the folder pairings')
    .requiredOption('--upstream <ref>', 'the upstream revision (tag, branch or commit)')
    .requiredOption('--fork <ref>', 'the fork revision')
    .option('--pair <fork_dir=upstream_dir>', 'a fork folder and its upstream twin (repeatable)', collectPair, [])
    .option('--pick-up-from <ref>', "the ref the fork's developers keep committing to (its new work is picked up from there)")
    .option('--json', 'print the plan as JSON')
    .action(
      action(async (opts: RepoOptions & { upstream: string; fork: string; pair: Pairing[]; pickUpFrom?: string; json?: boolean }) => {
        await withSprint(opts, async (ctx) => {
          let snapshot = await call(ctx, 'sprint.init', { upstreamRef: opts.upstream, forkRef: opts.fork, pairings: opts.pair });
          if (opts.pickUpFrom !== undefined) {
            await call(ctx, 'pickup.setFrom', { ref: opts.pickUpFrom });
            snapshot = await call(ctx, 'plan.get', {});
          }
          if (opts.json) return printPlan(await withUnassignedFiles(ctx, snapshot), true);
          printLine(`Started the sprint in ${ctx.repo}: ${opts.upstream} -> ${opts.fork}, ${opts.pair.length} pairing(s), ${snapshot.plan.subsystemOrder.length} subsystem(s).`);
        });
      }),
    );

  addRepoOption(program.command('inventory'))
    .description('list every file in scope with its status and line counts (the sprint plan\'s refs, or those given)')
    .option('--upstream <ref>', 'the upstream revision (with --fork: do not read the plan)')
    .option('--fork <ref>', 'the fork revision')
    .option('--pair <fork_dir=upstream_dir>', 'a fork folder and its upstream twin (repeatable)', collectPair, [])
    .option('--json', 'print JSON: { files: [{ path, upstreamPath, status, added, removed, binary }], totals, ... }')
    .action(action(inventoryCommand));

  addRepoOption(program.command('plan'))
    .description('print the plan: people, subsystems with their files, owners and states')
    .option('--json', 'print JSON')
    .action(action(async (opts: RepoOptions & { json?: boolean }) => printPlan(await withSprint(opts, async (ctx) => withUnassignedFiles(ctx, await call(ctx, 'plan.get', {}))), opts.json === true)));

  addRepoOption(program.command('assign'))
    .description('give a subsystem to a person (or --to none to unassign), as a drag on the board would')
    .requiredOption('--subsystem <name>', 'the subsystem\'s name or id')
    .requiredOption('--to <person>', 'the person\'s name, email or id, or "none"')
    .option('--json', 'print the changed card as JSON')
    .action(
      action(async (opts: RepoOptions & { subsystem: string; to: string; json?: boolean }) =>
        changeCard(opts, (snapshot, card) => [{ type: 'card.assign', subsystemId: card.id, owner: findPerson(snapshot, opts.to)?.id ?? null }]),
      ),
    );

  addRepoOption(program.command('state'))
    .description('move a subsystem to a state (Backlog, "In progress", Review, Done), or set or clear its Blocked flag')
    .requiredOption('--subsystem <name>', 'the subsystem\'s name or id')
    .option('--to <state>', 'Backlog, "In progress", Review or Done (any case)')
    .option('--blocked <reason>', 'mark the card blocked, with the reason')
    .option('--unblocked', 'clear the Blocked flag')
    .option('--json', 'print the changed card as JSON')
    .action(
      action(async (opts: RepoOptions & { subsystem: string; to?: string; blocked?: string; unblocked?: boolean; json?: boolean }) => {
        if (opts.to === undefined && opts.blocked === undefined && !opts.unblocked) failWith('bad-input', 'Say what to change: --to STATE, --blocked REASON or --unblocked.');
        if (opts.blocked !== undefined && opts.unblocked) failWith('bad-input', '--blocked and --unblocked contradict each other: give one.');
        if (opts.blocked !== undefined && opts.blocked.trim() === '') failWith('bad-input', '--blocked needs a reason, for example --blocked "waiting for the mm review".');
        const state = opts.to === undefined ? null : parseState(opts.to);
        await changeCard(opts, (_snapshot, card) => [
          ...(state === null ? [] : [{ type: 'card.state' as const, subsystemId: card.id, state }]),
          ...(opts.blocked !== undefined ? [{ type: 'card.block' as const, subsystemId: card.id, reason: opts.blocked.trim() }] : []),
          ...(opts.unblocked ? [{ type: 'card.block' as const, subsystemId: card.id, reason: null }] : []),
        ]);
      }),
    );

  addRepoOption(program.command('derive'))
    .description('replace the subsystems with ones derived from the folders of the files in scope (owners and states of unchanged ones are kept)')
    .option('--depth <n>', 'split folders shallower than this (default 4)', positiveInt('--depth'))
    .option('--min-files <n>', 'fold folders with fewer files into their parent (default 3)', positiveInt('--min-files'))
    .option('--json', 'print the plan as JSON')
    .action(
      action(async (opts: RepoOptions & { depth?: number; minFiles?: number; json?: boolean }) => {
        const snapshot = await withSprint(opts, async (ctx) =>
          withUnassignedFiles(ctx, await call(ctx, 'subsystems.derive', { ...(opts.depth ? { depth: opts.depth } : {}), ...(opts.minFiles ? { minFiles: opts.minFiles } : {}) })),
        );
        if (opts.json) return printPlan(snapshot, true);
        printLine(`${snapshot.plan.subsystemOrder.length} subsystem(s) from folders; ${snapshot.unassignedFiles.length} file(s) in none.`);
      }),
    );

  addRepoOption(program.command('import-maintainers'))
    .description('replace the subsystems with the sections of a MAINTAINERS file read from the fork ref (F:/X: patterns)')
    .option('--file <path>', 'the file\'s path in the fork ref', 'MAINTAINERS')
    .option('--json', 'print the plan and the warnings as JSON')
    .action(
      action(async (opts: RepoOptions & { file: string; json?: boolean }) => {
        const report = await withSprint(opts, async (ctx) => {
          const imported = await call(ctx, 'subsystems.importMaintainers', { path: opts.file });
          return { ...imported, snapshot: await withUnassignedFiles(ctx, imported.snapshot) };
        });
        if (opts.json) return printJson({ warnings: report.warnings, subsystems: report.snapshot.plan.subsystemOrder.length, unassignedFiles: report.snapshot.unassignedFiles });
        for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
        printLine(`${report.snapshot.plan.subsystemOrder.length} subsystem(s) from ${opts.file}; ${report.snapshot.unassignedFiles.length} file(s) in none; ${report.warnings.length} warning(s).`);
      }),
    );

  registerPeopleCommands(program);
}

function registerPeopleCommands(program: Command): void {
  const people = program.command('people').description('list, add or import the people of the sprint');
  addRepoOption(people.command('list'))
    .description('list the people')
    .option('--json', 'print JSON')
    .action(action(async (opts: RepoOptions & { json?: boolean }) => {
      const snapshot = await withSprint(opts, (ctx) => call(ctx, 'plan.get', {}));
      const list = peopleOf(snapshot);
      if (opts.json) return printJson(list);
      for (const p of list) printLine(`${p.name} <${p.email}> ${p.color}`);
    }));
  addRepoOption(people.command('add'))
    .description('add a person')
    .requiredOption('--name <name>', 'their name')
    .option('--email <email>', 'their email', '')
    .option('--color <#rrggbb>', 'their colour on the board (default: the next free one)')
    .action(action(async (opts: RepoOptions & { name: string; email: string; color?: string }) => {
      await withSprint(opts, async (ctx) => {
        const before = await call(ctx, 'plan.get', {});
        if (Object.values(before.plan.people).some((p) => fold(p.name) === fold(opts.name))) failWith('bad-input', `"${opts.name}" is already in the sprint.`);
        const color = opts.color ?? nextColor(Object.values(before.plan.people).map((p) => p.color));
        await call(ctx, 'plan.change', { change: { type: 'person.put', person: { id: newId('person'), name: opts.name, email: opts.email, color } } });
        printLine(`Added ${opts.name} (${color}).`);
      });
    }));
  addRepoOption(people.command('import'))
    .description('add the fork\'s most active commit authors as people')
    .option('--limit <n>', 'at most this many authors (default 20)', positiveInt('--limit'))
    .action(action(async (opts: RepoOptions & { limit?: number }) => {
      const snapshot = await withSprint(opts, (ctx) => call(ctx, 'people.importAuthors', opts.limit ? { limit: opts.limit } : {}));
      printLine(`${snapshot.plan.personOrder.length} people in the sprint.`);
    }));
}
