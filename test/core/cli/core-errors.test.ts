/**
 * Bad input to the command line: each case gets one clear line on stderr, exit code 2, no stack
 * trace, and leaves the repository exactly as it was.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, git, makeRepo, tempDir } from '../../helpers/repo';
import { makeForkRepo, repoState, runCli, type CliRun } from './core-helpers';

let repo: string;
const dirs: string[] = [];

/** One line on stderr, no stack trace, nothing on stdout, the given exit code. */
function expectOneLineError(run: CliRun, code: number, pattern: RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).toMatch(/^merge-sprint: /);
  expect(run.code).toBe(code);
}

beforeAll(async () => {
  repo = makeForkRepo();
  const init = await runCli(['init', '--repo', repo, '--upstream', 'v1', '--fork', 'fork', '--pair', 'xen/i386=arch/i386']);
  expect(init.code).toBe(0);
  expect((await runCli(['people', 'add', '--repo', repo, '--name', 'Ian Pratt'])).code).toBe(0);
});
afterAll(() => cleanup(repo, ...dirs));

describe('the repository itself is wrong', () => {
  it('is not a git repository', async () => {
    const dir = tempDir();
    dirs.push(dir);
    writeFileSync(path.join(dir, 'file.txt'), 'x');
    expectOneLineError(await runCli(['plan', '--repo', dir]), 2, /is not a git repository/);
    expectOneLineError(await runCli(['init', '--repo', dir, '--upstream', 'a', '--fork', 'b']), 2, /is not a git repository/);
  });

  it('does not exist', async () => {
    expectOneLineError(await runCli(['plan', '--repo', '/nonexistent/merge-sprint-x']), 2, /does not exist/);
  });

  it('is bare', async () => {
    const dir = tempDir();
    dirs.push(dir);
    git(dir, ['init', '-q', '--bare', dir]);
    expectOneLineError(await runCli(['init', '--repo', dir, '--upstream', 'a', '--fork', 'b']), 2, /bare repository/);
  });

  it('is empty', async () => {
    const dir = makeRepo();
    dirs.push(dir);
    const before = repoState(dir);
    expectOneLineError(await runCli(['init', '--repo', dir, '--upstream', 'a', '--fork', 'b']), 2, /no commits/);
    expect(repoState(dir)).toBe(before);
  });
});

describe('what was typed is wrong, and nothing changes', () => {
  let before: string;
  beforeAll(() => {
    before = repoState(repo);
  });

  const cases: Array<[string, string[], RegExp]> = [
    ['an unknown upstream ref', ['init', '--upstream', 'v9.9', '--fork', 'fork'], /"v9\.9" is not a branch, tag or commit/],
    ['an unknown fork ref', ['inventory', '--upstream', 'v1', '--fork', 'nope', '--json'], /"nope" is not a branch, tag or commit/],
    ['a ref that looks like an option', ['init', '--upstream', '--output=x', '--fork', 'fork'], /option/],
    ['a missing pairing folder', ['init', '--upstream', 'v1', '--fork', 'fork', '--pair', 'xen/nothere=arch/nothere'], /xen\/nothere/],
    ['a pairing outside the repository', ['init', '--upstream', 'v1', '--fork', 'fork', '--pair', '../x=arch/i386'], /\.\./],
    ['a malformed pairing', ['init', '--upstream', 'v1', '--fork', 'fork', '--pair', 'xen/i386'], /FORK_DIR=UPSTREAM_DIR/],
    ['an unknown subsystem', ['assign', '--subsystem', 'no-such-thing', '--to', 'Ian Pratt'], /no subsystem "no-such-thing"\. Subsystems: "/],
    ['an unknown person', ['assign', '--subsystem', 'xen/i386', '--to', 'Linus'], /no person "Linus"\. People: "Ian Pratt"/],
    ['an unknown state', ['state', '--subsystem', 'xen/i386', '--to', 'Finished'], /"Finished" is not a card state: use one of "Backlog", "In progress", "Review", "Done"/],
    ['a state command with nothing to do', ['state', '--subsystem', 'xen/i386'], /--to STATE, --blocked REASON or --unblocked/],
    ['a missing required option', ['assign', '--subsystem', 'xen/i386'], /--to/],
    ['an unknown option', ['plan', '--jsn'], /unknown option/],
    ['an unknown MAINTAINERS file', ['import-maintainers', '--file', 'NOPE'], /has no file "NOPE"/],
  ];

  for (const [what, args, pattern] of cases) {
    it(`refuses ${what}`, async () => {
      const run = await runCli([...args, '--repo', repo]);
      expect(run.stderr).toMatch(pattern);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.code).toBe(2);
      expect(repoState(repo)).toBe(before);
    });
  }

  it('names a subsystem that does exist in the plan (the cases above are not vacuous)', async () => {
    const plan = JSON.parse((await runCli(['plan', '--repo', repo, '--json'])).stdout) as { subsystems: Array<{ name: string }> };
    expect(plan.subsystems.map((s) => s.name)).toContain('xen/i386');
  });
});

describe('a plan is needed', () => {
  it('refuses to assign before init', async () => {
    const dir = makeForkRepo();
    dirs.push(dir);
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    const before = repoState(dir);
    expectOneLineError(await runCli(['assign', '--repo', dir, '--subsystem', 'x', '--to', 'y']), 2, /No sprint has been started/);
    expect(repoState(dir)).toBe(before);
  });
});
