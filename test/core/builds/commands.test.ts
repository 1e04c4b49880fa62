/**
 * Build commands are the clone's, not the plan's: they live in the clone's git config, the plan
 * holds only each check's name and last result, and a plan merged from another clone (or written
 * by an older version, with the command inside) never decides what runs here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { PlanEvent } from '../../../shared/plan/events';
import { parseConfigList } from '../../../electron/core/git/config';
import { writeEmptyTree } from '../../../electron/core/git/trees';
import { commitPlanEvents, mergePlanRef, PLAN_REF, readPlanHead, updatePlanRef } from '../../../electron/core/plan/plan-ref';
import { openRepoServices } from '../../../electron/core/host/services';
import type { RepoServices } from '../../../electron/core/context';
import { addBuild, findBuild, listBuilds, removeBuild, setBuildCommand, startBuild } from '../../../electron/core/rename/builds';
import { cleanup, git, makeCommit, makeRepo, tempDir } from '../../helpers/repo';

const dirs: string[] = [];
const open: RepoServices[] = [];
afterEach(() => {
  for (const ctx of open.splice(0)) ctx.dispose();
  cleanup(...dirs.splice(0));
});

function clone(): string {
  const repo = makeRepo();
  dirs.push(repo);
  makeCommit(repo, { files: { 'README': 'readme\n' } });
  return repo;
}
async function sprint(repo: string): Promise<RepoServices> {
  const opened = await openRepoServices(repo, { log: () => undefined });
  if (!opened.ok) throw new Error(opened.error.message);
  open.push(opened.value);
  return opened.value;
}
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const localConfig = (repo: string): string => git(repo, ['config', '--local', '--list']);
const loggedPlan = (repo: string): string => git(repo, ['log', '--format=%B', PLAN_REF]);
/** A marker file outside every repository: a build that runs creates it. */
const marker = (): string => path.join(tempDir(), 'ran');

describe('where a build command lives', () => {
  test("in the clone's git config, read from there, and never in the plan", async () => {
    const repo = clone();
    const ctx = await sprint(repo);
    const added = must(await addBuild(ctx, 'new layout', 'echo from-add'));
    expect(git(repo, ['config', '--get', 'merge-sprint.build.new layout.command']).trim()).toBe('echo from-add');
    expect(loggedPlan(repo)).not.toContain('from-add');
    // What runs is what the config says now, also when changed with git itself.
    git(repo, ['config', 'merge-sprint.build.new layout.command', 'echo from-git-config']);
    expect(must(await listBuilds(ctx)).builds).toEqual([{ ...added, command: 'echo from-git-config' }]);
    const chunks: string[] = [];
    const run = must(await startBuild(ctx, added, { onLog: (c) => chunks.push(c) }));
    expect((await run.done).passed).toBe(true);
    expect(chunks.join('')).toBe('from-git-config\n');
  });

  test.each(['old "lay.out" [x86]\\ ü', 'a.b.c', '-rf', "it's"])('a name git config must quote (%s) round-trips', async (name) => {
    const repo = clone();
    const ctx = await sprint(repo);
    const added = must(await addBuild(ctx, name, 'true'));
    expect(added.name).toBe(name);
    expect(git(repo, ['config', '--get', `merge-sprint.build.${name}.command`]).trim()).toBe('true');
    expect(must(await listBuilds(ctx)).builds.map((b) => [b.name, b.command])).toEqual([[name, 'true']]);
  });

  test('a name with a line break is refused, and nothing is written', async () => {
    const repo = clone();
    const ctx = await sprint(repo);
    const before = localConfig(repo);
    const refused = await addBuild(ctx, 'a\nb', 'true');
    expect(refused.ok ? '' : refused.error.message).toMatch(/one line of text without control characters/);
    expect(localConfig(repo)).toBe(before);
    expect(await readPlanHead(repo)).toBe('');
  });

  test('set and remove: the config follows, the plan keeps only the name', async () => {
    const repo = clone();
    const ctx = await sprint(repo);
    const added = must(await addBuild(ctx, 'check', 'false'));
    must(await setBuildCommand(ctx, added.id, 'true'));
    expect(git(repo, ['config', '--get', 'merge-sprint.build.check.command']).trim()).toBe('true');
    const again = await addBuild(ctx, 'CHECK', 'echo other');
    expect(again.ok ? '' : again.error.message).toMatch(/defined on this machine: choose another name, or change its command/);
    must(await removeBuild(ctx, added.id));
    expect(localConfig(repo)).not.toMatch(/merge-sprint\.build\.check\.command/);
    expect((await ctx.plan.snapshot()).plan.buildOrder).toEqual([]);
  });

  test('parses `git config -z --get-regexp` records', () => {
    expect(parseConfigList('merge-sprint.build.a b.command\nmake -j\n4\0merge-sprint.build.x.command\0')).toEqual([
      { key: 'merge-sprint.build.a b.command', value: 'make -j\n4' },
      { key: 'merge-sprint.build.x.command', value: null },
    ]);
  });
});

describe('a build the plan names but this clone does not define', () => {
  test('from a colleague\'s plan merged here: listed as not defined, runs nothing, says how to define it', async () => {
    const here = clone();
    const there = clone();
    const ran = marker();
    const theirs = await sprint(there);
    must(await addBuild(theirs, 'theirs', `touch ${JSON.stringify(ran)}`));
    git(here, ['fetch', '-q', there, `${PLAN_REF}:refs/merge-sprint/remotes/there/plan`]);
    must(await mergePlanRef(here, 'refs/merge-sprint/remotes/there/plan'));

    const ctx = await sprint(here);
    const [build] = must(await listBuilds(ctx)).builds;
    expect(build).toMatchObject({ name: 'theirs', command: null });
    const run = await startBuild(ctx, must(await findBuild(ctx, { name: 'theirs' })));
    expect(run.ok ? '' : run.error.message).toMatch(/^The build check "theirs" is not defined on this machine/);
    expect(run.ok ? '' : run.error.message).toContain('merge-sprint build add --name theirs --command');
    expect(run.ok ? '' : run.error.message).toContain('git config merge-sprint.build.theirs.command');
    expect(existsSync(ran)).toBe(false);

    // Defining it here is `build add` with its name: the plan keeps its one check.
    must(await addBuild(ctx, 'theirs', 'true'));
    expect(must(await listBuilds(ctx)).builds.map((b) => [b.id, b.command])).toEqual([[build?.id, 'true']]);
    const done = await must(await startBuild(ctx, must(await findBuild(ctx, { name: 'theirs' })))).done;
    expect(done.passed).toBe(true);
    expect(existsSync(ran)).toBe(false);
  });

  test("an older version's event that carries the command: the command is never run", async () => {
    const repo = clone();
    const ran = marker();
    const at = '2005-07-01T10:00:00.000Z';
    const legacy = { type: 'build.put', build: { id: 'b-old', name: 'old layout', command: `touch ${JSON.stringify(ran)}`, last: null }, id: `${at}-old`, at, by: { name: 'Keir', email: '' } };
    const head = await commitPlanEvents(repo, [legacy as unknown as PlanEvent], '', await writeEmptyTree(repo));
    expect(await updatePlanRef(repo, head, '')).toBe('updated');

    const ctx = await sprint(repo);
    expect(must(await listBuilds(ctx)).builds).toEqual([{ id: 'b-old', name: 'old layout', last: null, command: null }]);
    const run = await startBuild(ctx, must(await findBuild(ctx, { name: 'old layout' })));
    expect(run.ok ? '' : run.error.message).toMatch(/not defined on this machine/);
    expect(existsSync(ran)).toBe(false);
  });
});
