/** `merge-sprint build …`: commands kept in the clone's git config, and a plan from elsewhere that runs nothing here. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { PLAN_REF } from '../../../electron/core/plan/plan-ref';
import { cleanup, git, makeCommit, makeRepo, tempDir } from '../../helpers/repo';
import { runCli } from './core-helpers';

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

function clone(): string {
  const repo = makeRepo();
  dirs.push(repo);
  makeCommit(repo, { files: { 'README': 'readme\n' } });
  return repo;
}

test('add, list, set-command and remove: the command in .git/config, the name in the plan', async () => {
  const repo = clone();
  const added = await runCli(['build', 'add', '--repo', repo, '--name', 'new layout', '--command', 'echo first']);
  expect(added.code, added.stderr).toBe(0);
  expect(git(repo, ['config', '--local', '--get', 'merge-sprint.build.new layout.command']).trim()).toBe('echo first');
  expect(git(repo, ['log', '--format=%B', PLAN_REF])).not.toContain('echo first');
  expect((await runCli(['build', 'list', '--repo', repo])).stdout).toMatch(/^[\w-]+: new layout: echo first {2}\(never run\)$/m);

  expect((await runCli(['build', 'set-command', '--repo', repo, '--name', 'new layout', '--command', 'echo second'])).code).toBe(0);
  const run = await runCli(['build', 'run', '--repo', repo, '--name', 'new layout']);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/^second$/m);

  expect((await runCli(['build', 'remove', '--repo', repo, '--name', 'new layout'])).code).toBe(0);
  expect(git(repo, ['config', '--local', '--list'])).not.toContain('merge-sprint.build.new layout.command');
  expect((await runCli(['build', 'list', '--repo', repo])).stdout).toMatch(/^No build checks yet/);
}, 60_000);

test("a colleague's build check merged into this plan: not defined on this machine, and `build run` runs nothing", async () => {
  const here = clone();
  const there = clone();
  const ran = path.join(tempDir(), 'ran');
  expect((await runCli(['build', 'add', '--repo', there, '--name', 'theirs', '--command', `touch ${ran}`])).code).toBe(0);
  git(here, ['fetch', '-q', there, `${PLAN_REF}:${PLAN_REF}`]);

  const list = await runCli(['build', 'list', '--repo', here]);
  expect(list.stdout).toMatch(/^[\w-]+: theirs: not defined on this machine {2}\(never run\)$/m);

  const named = await runCli(['build', 'run', '--repo', here, '--name', 'theirs']);
  expect(named.code).toBe(2);
  expect(named.stderr).toMatch(/^merge-sprint: The build check "theirs" is not defined on this machine.*`merge-sprint build add --name theirs --command …` or `git config merge-sprint\.build\.theirs\.command …`\.\n$/);
  const all = await runCli(['build', 'run', '--repo', here]);
  expect(all.code).toBe(1);
  expect(all.stdout).toMatch(/^== theirs: not defined on this machine, not run$/m);
  expect(existsSync(ran)).toBe(false);

  // Defined here with `build add` under the same name: this machine's command runs.
  expect((await runCli(['build', 'add', '--repo', here, '--name', 'theirs', '--command', 'echo mine'])).code).toBe(0);
  const mine = await runCli(['build', 'run', '--repo', here]);
  expect(mine.code, mine.stderr).toBe(0);
  expect(mine.stdout).toMatch(/^mine$/m);
  expect(existsSync(ran)).toBe(false);
}, 60_000);
