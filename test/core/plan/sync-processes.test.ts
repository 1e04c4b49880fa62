/**
 * How many git processes one sync starts. At hack-week scale (twenty clones syncing every
 * second) starting git is nearly all of a sync's time, so the count is held to a bound here.
 * Git itself is counted, not the runner's calls: a `git` on PATH ahead of the real one writes
 * each command line to a file and runs the real git.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FoldedLog } from '../../../electron/core/plan/log';
import { syncPlan } from '../../../electron/core/plan/sync';
import { cleanup, tempDir } from '../../helpers/repo';
import { actorOf, makeTeam, type Laptop } from '../../helpers/remotes';
import type { ClientCommand } from '../../../shared/plan/events';
import { openPlanStore } from '../../../electron/core/plan/store';

const dirs: string[] = [];
const savedPath = process.env.PATH;
let calls = '';

beforeAll(() => {
  const bin = tempDir('merge-sprint-git-count-');
  dirs.push(bin);
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  calls = path.join(bin, 'calls');
  writeFileSync(calls, '');
  writeFileSync(path.join(bin, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${calls}'\nexec '${realGit}' "$@"\n`);
  chmodSync(path.join(bin, 'git'), 0o755);
  process.env.PATH = `${bin}${path.delimiter}${savedPath ?? ''}`;
});
afterAll(() => {
  process.env.PATH = savedPath;
  cleanup(...dirs);
});

/** The git command of each logged command line (after `-c key=value` pairs). */
const commandsSince = (from: number): string[] =>
  readFileSync(calls, 'utf8')
    .slice(from)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.replace(/^(-c \S+ )+/, '').split(' ')[0] ?? '');

/** A board change on a laptop, through its plan store alone (no services left running after it). */
async function changeOn(l: Laptop, command: ClientCommand): Promise<void> {
  const store = await openPlanStore(l.repo);
  const done = await store.change(command, actorOf(l));
  store.close();
  if (!done.ok) throw new Error(done.error.message);
}

async function sync(l: Laptop, log?: FoldedLog): Promise<FoldedLog> {
  const done = await syncPlan(l.repo, { actor: actorOf(l), ...(log ? { log } : {}) });
  if (!done.ok) throw new Error(done.error.message);
  return done.value.log;
}

describe('one sync', () => {
  it('with one change coming in and one going out starts at most 9 git processes', async () => {
    const team = await makeTeam(['Keir Fraser', 'Ian Pratt']);
    dirs.push(team.dir);
    const [keir, ian] = team.laptops as [Laptop, Laptop];
    await sync(keir);
    let ianLog = await sync(ian);
    const card = Object.values(ianLog.plan.subsystems)[0]!.id;
    await changeOn(keir, { type: 'card.state', subsystemId: card, state: 'Review' });
    await sync(keir);
    await changeOn(ian, { type: 'card.block', subsystemId: card, reason: 'waits for blkfront' });
    // The service keeps the fold of the last sync; the plan ref moved since by Ian's own change.
    ianLog = await sync(ian, ianLog);

    await changeOn(keir, { type: 'card.state', subsystemId: card, state: 'Done' });
    await sync(keir);
    await changeOn(ian, { type: 'card.block', subsystemId: card, reason: 'waits for netfront' });
    const from = readFileSync(calls, 'utf8').length;
    const report = await syncPlanReport(ian, ianLog);
    const commands = commandsSince(from);
    expect(report.incoming.map((e) => e.type)).toEqual(['card.state']);
    expect(report.outgoing.map((e) => e.type)).toEqual(['card.block']);
    // Each of these is needed once: the remote's name (git fetch would take an unknown name as a
    // path), the fetch, one read of both heads and their tree, one merge-base for both
    // directions, the merge commit, the plan ref's compare-and-swap, the push, our copy of the
    // remote's ref, and the fold's walk of the new commits, which also says that they extend the
    // last fold and, by their parents, which came in and which went out: nine. It was eighteen.
    expect(commands.length, commands.join('\n')).toBeLessThanOrEqual(9);
  }, 60_000);
});

async function syncPlanReport(l: Laptop, log: FoldedLog) {
  const done = await syncPlan(l.repo, { actor: actorOf(l), log });
  if (!done.ok) throw new Error(done.error.message);
  return done.value;
}
