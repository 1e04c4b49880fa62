/**
 * The built-in demo sprint: a new repository holding a mini Linux 2.6.12 tree and a sparse Xen
 * fork of it, with a sprint plan already under way (pairings, subsystems from folders, four
 * people, a few cards assigned and moved) and the rename plan's two build checks, so a newcomer
 * sees a board in use and can try the rearrangement the Xen team planned.
 */
import { mkdir, mkdtemp, readdir, realpath } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Actor, CardState, Pairing, Person } from '../../shared/model';
import type { PlanChange } from '../../shared/plan/events';
import type { BuildCheck } from '../../shared/rename/model';
import { PERSON_COLORS } from '../../shared/plan/colors';
import { fail, ok, type Result } from '../../shared/result';
import { FORK_AUTHORS, type DemoAuthor } from './demo/authors';
import { readDemoHistory } from './demo/history';
import { DEMO_FORK_BRANCH, DEMO_UPSTREAM_TAG, writeDemoRepository } from './demo/repo';
import { writeBuildCommand } from './builds/commands';
import { gitFailure } from './host/host';
import { openRepoServices } from './host/services';
import { GitError } from './git/errors';
import { changePlan } from './plan/change';
import { initSprint } from './plan/sprint-init';

export const DEMO_PAIRINGS: Pairing[] = [
  { fork: 'arch/xen/i386', upstream: 'arch/i386' },
  { fork: 'arch/xen/x86_64', upstream: 'arch/x86_64' },
  { fork: 'include/asm-xen/asm-i386', upstream: 'include/asm-i386' },
];

/** The four people on the demo board, by the fork author they are. */
const TEAM: Array<{ id: string; author: DemoAuthor }> = [
  { id: 'person-keir', author: FORK_AUTHORS.keir },
  { id: 'person-ian', author: FORK_AUTHORS.ian },
  { id: 'person-christian', author: FORK_AUTHORS.christian },
  { id: 'person-chris', author: FORK_AUTHORS.chris },
];

/**
 * The rename plan's build checks, one per layout, run by the upstream's scripts/checklayout.sh
 * (the plan gets the checks, the demo clone's git config their commands):
 * each layout's folders must exist with every object and folder their Makefiles name. The old
 * layout passes as the demo is created and fails once the moves took its folders away; the new
 * layout fails until the interim copies exist. The old layout names its three folders, not
 * arch/xen, whose own Makefile and Kconfig stay after the moves.
 */
export const DEMO_BUILDS: Array<BuildCheck & { command: string }> = [
  { id: 'build-old-layout', name: 'old layout', command: 'sh scripts/checklayout.sh arch/xen/i386 arch/xen/x86_64 arch/xen/kernel drivers/xen', last: null },
  { id: 'build-new-layout', name: 'new layout', command: 'sh scripts/checklayout.sh arch/i386/xen arch/x86_64/xen drivers/xen/core', last: null },
];

/** Cards already moved when the demo opens: subsystem (folder) -> owner, state, blocked reason. */
const BOARD: Array<{ folder: string; owner: string; state: CardState; blocked?: string }> = [
  { folder: 'arch/xen/i386/kernel', owner: 'person-keir', state: 'In progress' },
  { folder: 'arch/xen/i386/mm', owner: 'person-ian', state: 'Review' },
  { folder: 'include/asm-xen/asm-i386', owner: 'person-ian', state: 'In progress' },
  { folder: 'arch/xen/kernel', owner: 'person-christian', state: 'Done' },
  { folder: 'arch/xen/x86_64/kernel', owner: 'person-chris', state: 'In progress', blocked: 'Waiting for the x86_64 entry code review upstream' },
  { folder: 'drivers/xen/blkfront', owner: 'person-christian', state: 'Backlog' },
];

/** A folder to create the demo in: `dir` if new or empty, else a new one under the temporary folder. */
async function demoFolder(dir: string | undefined): Promise<Result<string>> {
  if (dir === undefined) {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'merge-sprint-demo-'));
    const repo = path.join(parent, 'linux-2.6-xen');
    await mkdir(repo);
    return ok(await realpath(repo));
  }
  const target = path.resolve(dir);
  try {
    const entries = await readdir(target);
    if (entries.length > 0) {
      return fail('bad-path', `${target} is not empty: the demo is only created in a new or empty folder, so nothing of yours is overwritten. Choose another folder.`);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOTDIR') return fail('bad-path', `${target} is a file: give a new or empty folder for the demo.`);
    if (code !== 'ENOENT') return fail('refused', `Cannot use ${target} for the demo: ${(error as Error).message}`);
    await mkdir(target, { recursive: true });
  }
  return ok(await realpath(target));
}

const actorOf = (author: DemoAuthor): Actor => ({ name: author.name, email: author.email });

/** The plan changes of the demo's sprint, each by the person who would have made it. */
async function planDemoSprint(repo: string): Promise<Result<void>> {
  const organiser = actorOf(FORK_AUTHORS.keir);
  const opened = await openRepoServices(repo, { actor: organiser });
  if (!opened.ok) return opened;
  const ctx = opened.value;
  try {
    const started = await initSprint(ctx, { upstreamRef: DEMO_UPSTREAM_TAG, forkRef: DEMO_FORK_BRANCH, pairings: DEMO_PAIRINGS });
    if (!started.ok) return started;
    const people: PlanChange[] = TEAM.map(({ id, author }, i) => {
      const person: Person = { id, name: author.name, email: author.email, color: PERSON_COLORS[i % PERSON_COLORS.length] ?? '#1f6feb' };
      return { type: 'person.put', person };
    });
    const added = await changePlan(ctx, people);
    if (!added.ok) return added;
    for (const { name, command } of DEMO_BUILDS) await writeBuildCommand(repo, name, command);
    const builds = await changePlan(ctx, DEMO_BUILDS.map(({ id, name, last }): PlanChange => ({ type: 'build.put', build: { id, name, last } })));
    if (!builds.ok) return builds;
    const byFolder = new Map<string, string>();
    for (const s of Object.values(added.value.plan.subsystems)) if (s.source.kind === 'folder') byFolder.set(s.source.folder, s.id);
    for (const card of BOARD) {
      const subsystemId = byFolder.get(card.folder);
      if (!subsystemId) continue;
      const mover = TEAM.find((t) => t.id === card.owner)?.author ?? FORK_AUTHORS.keir;
      const assigned = await changePlan(ctx, [{ type: 'card.assign', subsystemId, owner: card.owner }], organiser);
      if (!assigned.ok) return assigned;
      const changes: PlanChange[] = [];
      if (card.state !== 'Backlog') changes.push({ type: 'card.state', subsystemId, state: card.state });
      if (card.blocked) changes.push({ type: 'card.block', subsystemId, reason: card.blocked });
      if (changes.length > 0) {
        const moved = await changePlan(ctx, changes, actorOf(mover));
        if (!moved.ok) return moved;
      }
    }
    return ok(undefined);
  } finally {
    ctx.dispose();
  }
}

/**
 * Creates the demo repository and its sprint plan; returns the repository's path. `dir` must be
 * new or empty (default: a new folder under the OS temporary folder).
 */
export async function createDemoRepository(dir?: string): Promise<Result<string>> {
  // Read before any folder is made, so a damaged install leaves nothing behind.
  const history = await readDemoHistory();
  if (!history.ok) return history;
  const folder = await demoFolder(dir);
  if (!folder.ok) return folder;
  try {
    await writeDemoRepository(folder.value, history.value);
    const planned = await planDemoSprint(folder.value);
    return planned.ok ? ok(folder.value) : planned;
  } catch (error) {
    if (error instanceof GitError) return gitFailure(error);
    throw error;
  }
}
