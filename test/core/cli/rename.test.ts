/** `merge-sprint rename …` and `build …` as a script runs them: exit codes, one-line errors, --json. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { BAD_RULES, makeBadRulesRepo } from '../rename/bad-rules';
import { DST, SRC, makeXenRepo, subject } from '../rename/fixture';
import { repoState, runCli } from './core-helpers';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

const fresh = (make: () => string = makeXenRepo): string => {
  const repo = make();
  repos.push(repo);
  return repo;
};

async function json<T>(args: string[]): Promise<T> {
  const run = await runCli([...args, '--json']);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

describe('bad rules on the command line: exit 2, one line on stderr, nothing written', () => {
  test.each(BAD_RULES)('$name', async (bad) => {
    const repo = fresh(makeBadRulesRepo);
    if (bad.first) expect((await runCli(['rename', 'add', '--repo', repo, '--from', bad.first.from, '--to', bad.first.to])).code).toBe(0);
    const before = repoState(repo);
    const run = await runCli(['rename', 'add', '--repo', repo, '--from', bad.from, '--to', bad.to]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(bad.message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(repoState(repo)).toBe(before);
  }, 30_000);
});

test('a preview names what only Windows cannot check out as a warning, and the rule is still added', async () => {
  const repo = fresh();
  const run = await runCli(['rename', 'preview', '--repo', repo, '--from', SRC, '--to', 'drivers/aux']);
  expect(run.code).toBe(0);
  expect(run.stdout).not.toMatch(/PROBLEM/);
  // Every path the copy writes goes through the folder "aux": each is listed.
  const files = run.stdout.split('\n').filter((l) => /^\d{6} /.test(l)).length;
  expect(files).toBeGreaterThan(0);
  expect(run.stdout).toMatch(new RegExp(`^WARNING \\(windows-name\\): ${files} paths the copy writes cannot be checked out on Windows \\("aux" is AUX, a device name Windows reserves`, 'm'));
  expect((await runCli(['rename', 'add', '--repo', repo, '--from', SRC, '--to', 'drivers/aux'])).code).toBe(0);
}, 30_000);

describe('usage errors', () => {
  test('an unknown rule, a bad --prefer, a missing option', async () => {
    const repo = fresh();
    const unknown = await runCli(['rename', 'abandon', '--repo', repo, '--rule', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no rename rule with id "nope"/);
    const prefer = await runCli(['rename', 'sync', '--repo', repo, '--prefer', 'both']);
    expect(prefer.code).toBe(2);
    expect(prefer.stderr).toMatch(/--prefer takes "source" or "destination"/);
    expect((await runCli(['rename', 'add', '--repo', repo, '--from', SRC])).code).toBe(2);
  });

  test('a refusal (detached HEAD) is one line with exit 1', async () => {
    const repo = fresh();
    expect((await runCli(['rename', 'add', '--repo', repo, '--from', SRC, '--to', DST])).code).toBe(0);
    git(repo, ['checkout', '-q', '--detach']);
    const run = await runCli(['rename', 'copy', '--repo', repo]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^merge-sprint: HEAD is detached.*\n$/);
  });
});

test('the whole rename from the command line, with --json', async () => {
  const repo = fresh();
  const added = await json<{ rule: { id: string; phase: string }; check: { files: unknown[] } }>(['rename', 'add', '--repo', repo, '--from', SRC, '--to', DST]);
  expect(added.rule.phase).toBe('planned');
  const id = added.rule.id;
  const list = await json<{ rule: { id: string }; fileCount: number }[]>(['rename', 'list', '--repo', repo]);
  expect(list.map((r) => [r.rule.id, r.fileCount])).toEqual([[id, added.check.files.length]]);
  const copied = await json<{ copies: { ruleId: string; commit: string }[] }>(['rename', 'copy', '--repo', repo, '--rule', id]);
  expect(copied.copies[0]?.commit).toBe(git(repo, ['rev-parse', 'HEAD']).trim());
  expect(subject(repo)).toBe(`Interim copy: ${SRC} -> ${DST}`);

  makeCommit(repo, { files: { [`${DST}/evtchn.c`]: 'destination side\n', [`${SRC}/evtchn.c`]: 'source side\n' } });
  const drift = await json<{ files: { rel: string; kind: string }[] }[]>(['rename', 'drift', '--repo', repo]);
  expect(drift[0]?.files.map((f) => [f.rel, f.kind])).toEqual([['evtchn.c', 'both']]);
  const sync = await runCli(['rename', 'sync', '--repo', repo, '--rule', id]);
  expect(sync.code).toBe(1);
  expect(sync.stdout).toMatch(/CONFLICT \(content\): arch\/xen\/kernel\/evtchn.c <-> drivers\/xen\/core\/evtchn.c/);
  expect(sync.stdout).toMatch(/source {6}\| source side/);
  expect(sync.stderr).toMatch(/1 file\(s\) changed on both sides conflict/);
  const finishRefused = await runCli(['rename', 'finish', '--repo', repo, '--rule', id]);
  expect(finishRefused.code).toBe(1);
  expect(finishRefused.stderr).toMatch(/drift apart/);

  const refs = await json<{ references: { path: string; kind: string }[] }[]>(['rename', 'refs', '--repo', repo]);
  expect(refs[0]?.references.map((r) => [r.path, r.kind])).toEqual([['Makefile', 'makefile'], ['arch/xen/Kconfig', 'kconfig'], ['kernel/sched.c', 'include']]);

  expect((await runCli(['build', 'add', '--repo', repo, '--name', 'new layout', '--command', 'test -f drivers/xen/core/run.sh'])).code).toBe(0);
  const build = await runCli(['build', 'run', '--repo', repo, '--name', 'new layout']);
  expect(build.code).toBe(0);
  expect(build.stdout).toMatch(/== new layout: PASS on [0-9a-f]{12}/);

  const finished = await json<{ renames: { renamed: number; exact: number } }[]>(['rename', 'finish', '--repo', repo, '--rule', id, '--prefer', 'destination']);
  expect(subject(repo)).toBe(`Move ${SRC} -> ${DST}`);
  expect(finished[0]?.renames.renamed).toBe(finished[0]?.renames.exact);
  expect(git(repo, ['show', `HEAD:${DST}/evtchn.c`])).toBe('destination side\n');
  const after = await json<{ rule: { phase: string }; fileCount: number }[]>(['rename', 'list', '--repo', repo]);
  expect(after[0]?.rule.phase).toBe('moved');
  // A moved rule counts the files it moved: those now at the destination.
  expect(after[0]?.fileCount).toBe(git(repo, ['ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', DST]).split('\0').filter(Boolean).length);
  expect(after[0]?.fileCount).toBe(added.check.files.length);
  expect(git(repo, ['status', '--porcelain'])).toBe('');
}, 120_000);

test('a failing build exits 1 and says which', async () => {
  const repo = fresh();
  expect((await runCli(['build', 'add', '--repo', repo, '--name', 'broken', '--command', 'exit 4'])).code).toBe(0);
  const run = await runCli(['build', 'run', '--repo', repo]);
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/FAIL \(exit 4\)/);
  expect(run.stderr).toMatch(/1 build check\(s\) failed: broken/);
});

test('with a sprint pairing the source: the inventory names the interim copies, and after finish the sprint follows the move', async () => {
  const repo = fresh();
  // Upstream: the tree without the fork's folder, whose twin is upstream's kernel folder.
  makeCommit(repo, { branch: 'upstream-tree', files: { [SRC]: null }, message: 'upstream' });
  git(repo, ['tag', 'upstream']);
  git(repo, ['checkout', '-q', 'main']);
  expect((await runCli(['init', '--repo', repo, '--upstream', 'upstream', '--fork', 'main', '--pair', `${SRC}=kernel`])).code).toBe(0);
  type Files = { files: { path: string; status: string; added: number; interimCopyAt?: string; interimCopyOf?: string }[]; totals: Record<string, { files: number; added: number }> };
  const before = await json<Files>(['inventory', '--repo', repo]);
  const id = (await json<{ rule: { id: string } }>(['rename', 'add', '--repo', repo, '--from', SRC, '--to', DST])).rule.id;
  expect((await runCli(['rename', 'copy', '--repo', repo, '--rule', id])).code).toBe(0);

  const copied = await json<Files>(['inventory', '--repo', repo]);
  const copies = git(repo, ['ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', DST]).split('\0').filter(Boolean);
  expect(copied.files.filter((f) => f.interimCopyOf).map((f) => f.path).sort()).toEqual(copies.sort());
  expect(copied.files.find((f) => f.path === `${SRC}/evtchn.c`)?.interimCopyAt).toBe(`${DST}/evtchn.c`);
  // The copies are no new work: the totals are those from before the copy.
  expect(copied.totals).toEqual(before.totals);
  const text = await runCli(['inventory', '--repo', repo]);
  expect(text.stdout).toContain(`${SRC}/evtchn.c  (= kernel/evtchn.c)  (copy at ${DST}/evtchn.c)`);

  const finish = await runCli(['rename', 'finish', '--repo', repo, '--rule', id]);
  expect(finish.code).toBe(0);
  expect(finish.stdout).toMatch(/the sprint follows: 1 pairing\(s\) and 1 subsystem\(s\) now name the new paths/);
  const after = await json<Files>(['inventory', '--repo', repo]);
  expect(after.files.map((f) => [f.path, f.status, f.added])).toEqual(before.files.map((f) => [DST + f.path.slice(SRC.length), f.status, f.added]));
  const plan = await json<{ unassignedFiles: string[] }>(['plan', '--repo', repo]);
  expect(plan.unassignedFiles).toEqual([]);
}, 120_000);

test('rename hooks: off by default, on and off per clone, with --json; a refusing hook is one line with exit 1', async () => {
  const repo = fresh();
  expect(await json<{ on: boolean }>(['rename', 'hooks', '--repo', repo])).toEqual({ on: false });
  const text = await runCli(['rename', 'hooks', '--repo', repo]);
  expect(text.stdout).toMatch(/^The app's commits do not run this repository's git hooks/);
  expect(await json<{ on: boolean }>(['rename', 'hooks', 'on', '--repo', repo])).toEqual({ on: true });
  expect(git(repo, ['config', '--local', '--type=bool', '--get', 'merge-sprint.runHooks']).trim()).toBe('true');
  expect((await runCli(['rename', 'hooks', '--repo', repo])).stdout).toMatch(/^The app's commits run this repository's git hooks/);

  writeFileSync(path.join(repo, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\necho "no copies on Fridays" >&2\nexit 1\n', { mode: 0o755 });
  expect((await runCli(['rename', 'add', '--repo', repo, '--from', SRC, '--to', DST])).code).toBe(0);
  const refused = await runCli(['rename', 'copy', '--repo', repo]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/^merge-sprint: The repository's pre-commit hook refused the commit \(exit 1\); it said: "no copies on Fridays"\..*rename hooks off`\.\n$/);

  expect(await json<{ on: boolean }>(['rename', 'hooks', 'off', '--repo', repo])).toEqual({ on: false });
  expect(git(repo, ['config', '--local', '--list'])).not.toMatch(/runhooks/i);
  expect((await runCli(['rename', 'copy', '--repo', repo])).code).toBe(0);
  expect(subject(repo)).toBe(`Interim copy: ${SRC} -> ${DST}`);
  const bad = await runCli(['rename', 'hooks', 'maybe', '--repo', repo]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/rename hooks takes "on" or "off", not "maybe"/);
}, 60_000);
