/**
 * The sync's edges: conflicting edits of one card (the later change wins per field), a change
 * the merge made impossible (reported, not dropped), and every bad remote: none, a wrong name,
 * one that does not answer, one that is not a repository, one whose hook refuses the push.
 * Each says what was wrong and what to do, and leaves the plan here as it was.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyLog, loadLog } from '../../../electron/core/plan/log';
import { readPlanHead } from '../../../electron/core/plan/plan-ref';
import { syncPlan } from '../../../electron/core/plan/sync';
import { cleanup, git, makeCommit, makeRepo } from '../../helpers/repo';
import { makeTeam, type Laptop, type Team, actorOf, changeOn } from '../../helpers/remotes';

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

const change = changeOn;

const sync = async (l: Laptop, remote?: string) => syncPlan(l.repo, { actor: actorOf(l), ...(remote ? { remote } : {}) });

async function synced(l: Laptop) {
  const done = await sync(l);
  if (!done.ok) throw new Error(done.error.message);
  return done.value;
}

const folded = async (repo: string) => loadLog(repo, await readPlanHead(repo), emptyLog());

async function cardOf(repo: string, folder: string): Promise<string> {
  const found = Object.values((await folded(repo)).plan.subsystems).find((s) => s.source.kind === 'folder' && s.source.folder === folder);
  if (!found) throw new Error(`no card for ${folder}`);
  return found.id;
}

async function pair(): Promise<{ team: Team; keir: Laptop; ian: Laptop }> {
  const team = await makeTeam(['Keir Fraser', 'Ian Pratt']);
  dirs.push(team.dir);
  const [keir, ian] = team.laptops as [Laptop, Laptop];
  await synced(keir);
  await synced(ian);
  return { team, keir, ian };
}

describe('conflicting edits', () => {
  it('keeps the later change of a field, and both changes of different fields of one card', async () => {
    const { keir, ian } = await pair();
    const mm = await cardOf(keir.repo, 'arch/xen/i386/mm');
    await change(keir, [{ type: 'card.state', subsystemId: mm, state: 'Done' }]);
    // Ian moves the same card later, and gives it to Christian (a field Keir did not touch).
    await new Promise((r) => setTimeout(r, 5));
    await change(ian, [{ type: 'card.state', subsystemId: mm, state: 'In progress' }, { type: 'card.assign', subsystemId: mm, owner: 'person-christian' }]);
    await synced(keir);
    const fromIan = await synced(ian);
    expect(fromIan.incoming.map((e) => e.words)).toEqual([`Keir Fraser moved arch/xen/i386/mm to Done`]);
    expect(fromIan.outgoing.map((e) => e.words)).toEqual(['Ian Pratt moved arch/xen/i386/mm to In progress', 'Ian Pratt assigned arch/xen/i386/mm to Christian Limpach']);
    await synced(keir);
    for (const l of [keir, ian]) expect((await folded(l.repo)).plan.subsystems[mm]).toMatchObject({ state: 'In progress', owner: 'person-christian' });
  }, 60_000);

  it('reports a change the merge made impossible instead of dropping it silently', async () => {
    const { keir, ian } = await pair();
    const mm = await cardOf(keir.repo, 'arch/xen/i386/mm');
    const kernel = await cardOf(keir.repo, 'arch/xen/i386/kernel');
    await change(keir, [{ type: 'subsystem.merge', subsystemIds: [kernel, mm], into: kernel }]);
    await new Promise((r) => setTimeout(r, 5));
    await change(ian, [{ type: 'card.state', subsystemId: mm, state: 'Done' }]);
    await synced(keir);
    const report = await synced(ian);
    expect(report.notApplied).toHaveLength(1);
    expect(report.notApplied[0]).toMatchObject({ words: expect.stringContaining('Ian Pratt moved') });
    expect(report.notApplied[0]?.reason).toMatch(/no subsystem/);
    const log = await folded(ian.repo);
    expect(log.plan.subsystems[mm]).toBeUndefined();
    // Kept in the log (git has it on both sides), just not applied.
    expect(log.ids.has(report.notApplied[0]!.id)).toBe(true);
  }, 60_000);
});

describe('bad remotes', () => {
  it('says a clone has no remote, and names the remotes when --remote names another', async () => {
    const alone = makeRepo();
    dirs.push(alone);
    makeCommit(alone, { files: { 'arch/xen/i386/kernel/setup.c': 'int xen;\n' } });
    const none = await syncPlan(alone, { actor: { name: 'Keir', email: '' } });
    expect(none).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('git remote add origin') } });
    const { keir } = await pair();
    const wrong = await sync(keir, 'upstream');
    expect(wrong).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringContaining('(origin)') } });
    const option = await sync(keir, '--upload-pack=touch /tmp/x');
    expect(option.ok).toBe(false);
  }, 60_000);

  it('says a remote that does not answer or is not a repository did not answer, the plan untouched', async () => {
    const { keir } = await pair();
    const mm = await cardOf(keir.repo, 'arch/xen/i386/mm');
    await change(keir, [{ type: 'card.state', subsystemId: mm, state: 'Done' }]);
    const before = await readPlanHead(keir.repo);
    git(keir.repo, ['remote', 'add', 'closed', 'git://127.0.0.1:1/plan.git']);
    git(keir.repo, ['remote', 'add', 'gone', path.join(keir.repo, 'no-such-remote.git')]);
    for (const remote of ['closed', 'gone']) {
      const done = await sync(keir, remote);
      expect(done).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining(`The remote "${remote}" did not answer`) } });
      expect(await readPlanHead(keir.repo)).toBe(before);
    }
  }, 60_000);

  it('says what a refusing remote said, keeps every change here, and sends nothing', async () => {
    const { team, keir } = await pair();
    const remoteBefore = git(team.remote, ['rev-parse', 'refs/merge-sprint/plan']).trim();
    const hook = path.join(team.remote, 'hooks', 'update');
    writeFileSync(hook, '#!/bin/sh\necho "refs/merge-sprint/plan is protected on this server" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const mm = await cardOf(keir.repo, 'arch/xen/i386/mm');
    await change(keir, [{ type: 'card.state', subsystemId: mm, state: 'Done' }]);
    const before = await readPlanHead(keir.repo);
    const done = await sync(keir);
    expect(done).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('refs/merge-sprint/plan is protected on this server') } });
    expect(await readPlanHead(keir.repo)).toBe(before);
    expect(git(team.remote, ['rev-parse', 'refs/merge-sprint/plan']).trim()).toBe(remoteBefore);
  }, 60_000);

  it('refuses a remote whose name cannot be part of a ref', async () => {
    const { keir } = await pair();
    git(keir.repo, ['config', 'remote.a b.url', path.join(keir.repo, '..', 'plan.git')]);
    const done = await sync(keir, 'a b');
    expect(done).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringContaining('git remote rename') } });
  }, 60_000);
});
