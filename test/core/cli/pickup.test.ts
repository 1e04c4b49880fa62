/** `merge-sprint pickup …` as a script runs it: the JSON shapes, exit codes and one-line errors. */
import { afterEach, expect, test } from 'vitest';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { DST, SRC, lines, makeXenRepo } from '../rename/fixture';
import { repoState, runCli } from './core-helpers';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

async function ok(args: string[]): Promise<string> {
  const run = await runCli(args);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return run.stdout;
}

test('init --pick-up-from, the list as JSON, apply, and nothing left after', async () => {
  const repo = makeXenRepo();
  repos.push(repo);
  git(repo, ['branch', 'xen-unstable']);
  await ok(['init', '--repo', repo, '--upstream', 'main', '--fork', 'main', '--pick-up-from', 'xen-unstable']);
  await ok(['rename', 'add', '--repo', repo, '--from', SRC, '--to', DST]);
  await ok(['rename', 'copy', '--repo', repo]);
  const fork = makeCommit(repo, { branch: 'xen-unstable', files: { [`${SRC}/evtchn.c`]: lines(30, 'fork') }, message: 'evtchn: from the fork' });
  git(repo, ['checkout', '-q', 'main']);

  const list = JSON.parse(await ok(['pickup', '--repo', repo, '--json'])) as { commits: unknown[] };
  expect(list.commits).toEqual([
    expect.objectContaining({ commit: fork, subject: 'evtchn: from the fork', author: 'Ada Fixture', status: 'clean', files: [{ path: `${SRC}/evtchn.c`, lands: [`${SRC}/evtchn.c`, `${DST}/evtchn.c`] }] }),
  ]);
  const text = await ok(['pickup', '--repo', repo]);
  expect(text).toContain(`${SRC}/evtchn.c -> ${SRC}/evtchn.c, ${DST}/evtchn.c`);

  const applied = JSON.parse(await ok(['pickup', 'apply', '--repo', repo, '--commit', fork.slice(0, 10), '--json'])) as { picked: { from: string; commit: string }[] };
  expect(applied.picked).toEqual([{ from: fork, commit: git(repo, ['rev-parse', 'HEAD']).trim() }]);
  expect(git(repo, ['show', `HEAD:${DST}/evtchn.c`])).toBe(lines(30, 'fork'));
  expect(JSON.parse(await ok(['pickup', '--repo', repo, '--json']))).toMatchObject({ commits: [] });
}, 60_000);

test('bad input is one line and exit 2; a conflict is exit 1 with nothing written', async () => {
  const repo = makeXenRepo();
  repos.push(repo);
  git(repo, ['branch', 'xen-unstable']);
  const none = await runCli(['pickup', '--repo', repo]);
  expect([none.code, none.stderr]).toEqual([1, expect.stringMatching(/No fork ref to pick up from/)]);
  for (const from of ['--upload-pack=x', 'no-such-branch']) {
    const run = await runCli(['pickup', 'apply', '--repo', repo, '--from', from]);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  }
  makeCommit(repo, { branch: 'main', files: { README: 'team\n' } });
  makeCommit(repo, { branch: 'xen-unstable', files: { README: 'fork\n' } });
  git(repo, ['checkout', '-q', 'main']);
  const before = repoState(repo);
  const run = await runCli(['pickup', 'apply', '--repo', repo, '--from', 'xen-unstable']);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('CONFLICT (content): README at README');
  expect(run.stderr).toMatch(/resolve them on the sprint branch/);
  expect(repoState(repo)).toBe(before);
}, 60_000);
