import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, git, makeCommit, tempDir } from '../../helpers/repo';
import { makeSeriesFixture } from '../series/series-fixture';
import { repoState, runCli, type CliRun } from './core-helpers';

const made: string[] = [];
afterEach(() => cleanup(...made.splice(0)));

async function sprintRepo(): Promise<string> {
  const { repo } = makeSeriesFixture();
  made.push(repo);
  const init = await runCli(['init', '--repo', repo, '--upstream', 'upstream', '--fork', 'xen']);
  expect(init.stderr).toBe('');
  return repo;
}

const oneErrorLine = (stderr: string): void => {
  expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(stderr).toMatch(/^merge-sprint: /);
};

describe('merge-sprint series', () => {
  it('proposes, lists, checks and exports a series that git am rebuilds on upstream', { timeout: 180_000 }, async () => {
    const repo = await sprintRepo();
    const none = await runCli(['series', 'list', '--repo', repo]);
    expect(none.stdout).toMatch(/^No series yet/);

    const proposed = await runCli(['series', 'propose', '--repo', repo, '--json']);
    expect(proposed.code).toBe(0);
    const state = JSON.parse(proposed.stdout) as { series: { patches: Record<string, { files: string[] }>; patchOrder: string[] }; problem: string | null };
    const files = state.series.patchOrder.flatMap((id) => state.series.patches[id]?.files ?? []);
    const changed = git(repo, ['diff', '--no-renames', '--name-only', '-z', 'upstream', 'xen']).split('\0').filter(Boolean);
    expect([...files].sort()).toEqual([...changed].sort());
    expect(state.problem).toBeNull();

    const listed = await runCli(['series', 'list', '--repo', repo]);
    expect(listed.stdout.split('\n').filter((l) => /^\s*\d+ /.test(l))).toHaveLength(state.series.patchOrder.length);

    const checked = await runCli(['series', 'check', '--repo', repo, '--json']);
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ treeMatches: true, failed: null, finalTree: git(repo, ['rev-parse', 'xen^{tree}']).trim() });

    const out = tempDir();
    const clone = tempDir();
    made.push(out, clone);
    const exported = await runCli(['series', 'export', '--repo', repo, '--out', out, '--branch', 'review/v1']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^Exported v1 \(\d+ patches, tip [0-9a-f]{12}\)/);
    const patches = readdirSync(out).filter((n) => /^\d{4}-/.test(n) && !n.startsWith('0000-')).sort();
    expect(patches).toHaveLength(state.series.patchOrder.length);
    const exportedFiles = readdirSync(out).sort();
    const again = await runCli(['series', 'export', '--repo', repo, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/holds export v1 \(\d+ patch files\): ask to replace it \(--replace\)/);
    const replaced = await runCli(['series', 'export', '--repo', repo, '--out', out, '--replace']);
    expect(replaced.stdout).toMatch(/^Exported v2 /);
    expect(readdirSync(out).sort()).toEqual(exportedFiles);
    expect(readFileSync(path.join(out, patches[0] as string), 'utf8')).toMatch(/^Subject: \[PATCH v2 /m);
    git(clone, ['clone', '-q', '--branch', 'upstream', repo, clone]);
    git(clone, ['am', '-q', ...patches.map((n) => path.join(out, n))]);
    expect(git(clone, ['rev-parse', 'HEAD^{tree}'])).toBe(git(repo, ['rev-parse', 'xen^{tree}']));
    expect(git(repo, ['rev-parse', 'review/v1^{tree}'])).toBe(git(repo, ['rev-parse', 'xen^{tree}']));
  });

  it('refuses bad input with one line, exit 2, and writes nothing', { timeout: 180_000 }, async () => {
    const repo = await sprintRepo();
    expect((await runCli(['series', 'propose', '--repo', repo])).code).toBe(0);
    const out = tempDir();
    made.push(out);
    writeFileSync(path.join(out, 'keep.txt'), 'mine\n');
    const state = repoState(repo);
    const home = tempDir();
    made.push(home);
    writeFileSync(path.join(home, '.profile'), 'export EDITOR=vi\n');
    const toGit = path.join(out, 'to-git');
    symlinkSync(path.join(repo, '.git'), toGit);
    const before = { out: readdirSync(out).sort(), git: readdirSync(path.join(repo, '.git')).sort(), home: readdirSync(home), root: readdirSync('/').sort() };
    const exportTo = (to: string, ...more: string[]): string[] => ['series', 'export', '--repo', repo, '--out', to, ...more];
    const cases: [string[], RegExp][] = [
      [exportTo(out), /holds 2 files that no export wrote \("keep\.txt", "to-git"\)/],
      [exportTo(out, '--replace'), /holds 2 files that no export wrote/],
      [exportTo(path.join(repo, 'arch')), /is inside the git work tree/],
      [exportTo(path.join(repo, 'arch'), '--replace'), /is inside the git work tree/],
      [exportTo(toGit), /is inside a git folder/],
      [exportTo(toGit, '--replace'), /is inside a git folder/],
      [exportTo('/', '--replace'), /is the root of the file system/],
      [exportTo(home), /is your home folder/],
      [exportTo(home, '--replace'), /is your home folder/],
      [exportTo(path.join(out, 'new'), '--branch', 'refs/heads/review'), /"refs\/heads\/review" looks like a full ref name/],
      [exportTo(path.join(out, 'new'), '--branch=-f'), /The branch name "-f" starts with "-"/],
      [exportTo(path.join(out, 'new'), '--branch', 'a..b'), /"a\.\.b" is not a valid branch name/],
      [['series', 'export', '--repo', repo, '--out', path.join(out, 'new'), '--branch', 'xen'], /A branch "xen" already exists/],
      [['series', 'propose', '--repo', repo, '--target', 'upstream'], /nothing to send/],
      [['series', 'propose', '--repo', repo, '--target', 'nope'], /"nope" is not a branch, tag or commit/],
      [['series', 'check', '--repo', repo, '--build', 'make'], /There is no build check named "make"/],
      [['series', 'check', '--repo', repo, '--line-limit', 'lots'], /--line-limit takes a whole number/],
      [['series', 'range-diff', '--repo', repo], /needs two exported versions/],
    ];
    // Each case fails before writing anything, so they may run side by side (a few at a time).
    const runs: CliRun[] = [];
    for (let i = 0; i < cases.length; i += 4) runs.push(...(await Promise.all(cases.slice(i, i + 4).map(([args]) => runCli(args, { env: { HOME: home } })))));
    for (const [i, [args, message]] of cases.entries()) {
      const run = runs[i] as CliRun;
      expect(run.code, args.join(' ')).toBe(2);
      oneErrorLine(run.stderr);
      expect(run.stderr).toMatch(message);
    }
    expect(repoState(repo)).toBe(state);
    expect({ out: readdirSync(out).sort(), git: readdirSync(path.join(repo, '.git')).sort(), home: readdirSync(home), root: readdirSync('/').sort() }).toEqual(before);
  });

  it('reports drift after upstream moves, exiting 1 when a patch no longer applies', { timeout: 180_000 }, async () => {
    const repo = await sprintRepo();
    expect((await runCli(['series', 'propose', '--repo', repo])).code).toBe(0);
    git(repo, ['checkout', '-q', 'upstream']);
    makeCommit(repo, { files: { 'include/linux/sched.h': 'rewritten upstream\n' }, message: 'sched: rewrite' });
    git(repo, ['checkout', '-q', 'main']);
    const drift = await runCli(['series', 'drift', '--repo', repo, '--json']);
    expect(drift.code).toBe(1);
    const report = JSON.parse(drift.stdout) as { moved: boolean; patches: { applies: boolean; upstreamCommits: { subject: string }[] }[] };
    expect(report.moved).toBe(true);
    const failing = report.patches.filter((p) => !p.applies);
    expect(failing).toHaveLength(1);
    expect(failing[0]?.upstreamCommits.map((c) => c.subject)).toEqual(['sched: rewrite']);
    oneErrorLine(drift.stderr);
  });
});
