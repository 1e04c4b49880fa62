/**
 * The board commands as separate processes: init, plan, people, assign, state, derive and
 * import-maintainers, each read back through `plan --json`.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, git, makeCommit, tempDir } from '../../helpers/repo';
import { makeForkRepo, runCli } from './core-helpers';

interface PlanJson {
  sprint: { upstreamRef: string; forkRef: string; pairings: Array<{ fork: string; upstream: string }> } | null;
  people: Array<{ id: string; name: string; email: string; color: string }>;
  subsystems: Array<{ id: string; name: string; files: string[]; owner: string | null; state: string; blocked: string | null }>;
  unassignedFiles: string[];
}

let repo: string;
const dirs: string[] = [];

async function plan(): Promise<PlanJson> {
  const run = await runCli(['plan', '--repo', repo, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as PlanJson;
}

beforeAll(async () => {
  repo = makeForkRepo();
  // The fork's MAINTAINERS, with one malformed line to be reported.
  makeCommit(repo, {
    branch: 'fork',
    files: { MAINTAINERS: 'Header text\n\nXEN\nM:\tKeir <k@example.org>\nF:\txen/\nF:\tdrivers/xen/\nS\tSupported\n\nSCHED\nM:\tIngo <i@example.org>\nF:\tkernel/\n' },
    message: 'maintainers',
  });
  git(repo, ['checkout', '-q', 'main']);
  const init = await runCli(['init', '--repo', repo, '--upstream', 'v1', '--fork', 'fork', '--pair', 'xen/i386=arch/i386/']);
  expect(init.stderr).toBe('');
  expect(init.code).toBe(0);
});
afterAll(() => cleanup(repo, ...dirs));

describe('merge-sprint board commands', () => {
  it('init starts the plan with the refs, the pairing and subsystems holding every file that needs work', async () => {
    const p = await plan();
    expect(p.sprint).toEqual({ upstreamRef: 'v1', forkRef: 'fork', pairings: [{ fork: 'xen/i386', upstream: 'arch/i386' }] });
    const inventory = JSON.parse((await runCli(['inventory', '--repo', repo, '--json'])).stdout) as { files: Array<{ path: string; upstreamPath: string; status: string }> };
    const held = p.subsystems.flatMap((s) => s.files).sort();
    // The JSON keeps git's statuses; the cards leave out identical copies and the files the fork inherits.
    const inherited = (f: { path: string; upstreamPath: string; status: string }) => f.status === 'upstream-only' && f.path !== f.upstreamPath;
    expect(held).toEqual(inventory.files.filter((f) => f.status !== 'identical' && !inherited(f)).map((f) => f.path).sort());
    expect(inventory.files.some(inherited)).toBe(true);
    expect(p.unassignedFiles).toEqual([]);
    expect(p.subsystems.every((s) => s.owner === null && s.state === 'Backlog')).toBe(true);
    // The plan lives outside the working tree and the index.
    expect(git(repo, ['status', '--porcelain'])).toBe('');
  });

  it('people add, then assign by name in any case, then unassign with none', async () => {
    expect((await runCli(['people', 'add', '--repo', repo, '--name', 'Ian Pratt', '--email', 'ian@example.org'])).code).toBe(0);
    expect((await runCli(['people', 'add', '--repo', repo, '--name', 'Keir Fraser', '--color', '#123456'])).code).toBe(0);
    const before = await plan();
    expect(before.people.map((p) => p.name)).toEqual(['Ian Pratt', 'Keir Fraser']);
    expect(before.people[1]?.color).toBe('#123456');
    const card = before.subsystems[0];
    if (!card) throw new Error('no subsystem');

    const assign = await runCli(['assign', '--repo', repo, '--subsystem', card.name.toUpperCase(), '--to', 'ian pratt']);
    expect(assign.stderr).toBe('');
    expect(assign.code).toBe(0);
    expect((await plan()).subsystems.find((s) => s.id === card.id)?.owner).toBe('Ian Pratt');

    const byId = await runCli(['assign', '--repo', repo, '--subsystem', card.id, '--to', 'none']);
    expect(byId.code).toBe(0);
    expect((await plan()).subsystems.find((s) => s.id === card.id)?.owner).toBeNull();
  });

  it('state moves a card and sets and clears the Blocked flag', async () => {
    const card = (await plan()).subsystems[0];
    if (!card) throw new Error('no subsystem');
    expect((await runCli(['state', '--repo', repo, '--subsystem', card.name, '--to', 'in PROGRESS'])).code).toBe(0);
    expect((await plan()).subsystems[0]?.state).toBe('In progress');
    const blocked = await runCli(['state', '--repo', repo, '--subsystem', card.name, '--to', 'review', '--blocked', 'needs the mm hooks', '--json']);
    expect(blocked.code).toBe(0);
    expect(JSON.parse(blocked.stdout)).toMatchObject({ id: card.id, state: 'Review', blocked: 'needs the mm hooks' });
    expect((await plan()).subsystems[0]).toMatchObject({ state: 'Review', blocked: 'needs the mm hooks' });
    expect((await runCli(['state', '--repo', repo, '--subsystem', card.name, '--unblocked'])).code).toBe(0);
    expect((await plan()).subsystems[0]).toMatchObject({ state: 'Review', blocked: null });
  });

  it('runs on the current folder when --repo is left out', async () => {
    const run = await runCli(['plan', '--json'], { cwd: path.join(repo, 'kernel') });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as PlanJson).sprint?.forkRef).toBe('fork');
  });

  it('import-maintainers makes a subsystem per section and reports the malformed line', async () => {
    const run = await runCli(['import-maintainers', '--repo', repo]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^warning: MAINTAINERS line 7: .*S\tSupported/m);
    const p = await plan();
    expect(p.subsystems.map((s) => s.name)).toEqual(['XEN', 'SCHED']);
    const xen = p.subsystems.find((s) => s.name === 'XEN');
    expect(xen?.files.every((f) => f.startsWith('xen/') || f.startsWith('drivers/xen/'))).toBe(true);
    // Files no F: pattern covers are listed, not dropped.
    expect(p.unassignedFiles).toEqual(['MAINTAINERS']);
  });

  it('derive goes back to folders and keeps the owner of a subsystem that stays', async () => {
    expect((await runCli(['derive', '--repo', repo])).code).toBe(0);
    const p = await plan();
    const card = p.subsystems[0];
    if (!card) throw new Error('no subsystem');
    expect((await runCli(['assign', '--repo', repo, '--subsystem', card.name, '--to', 'Keir Fraser'])).code).toBe(0);
    expect((await runCli(['derive', '--repo', repo])).code).toBe(0);
    const again = await plan();
    expect(again.subsystems.find((s) => s.id === card.id)?.owner).toBe('Keir Fraser');
    expect(again.unassignedFiles).toEqual([]);
  });

  it('people import adds the fork\'s authors once', async () => {
    const run = await runCli(['people', 'import', '--repo', repo]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const names = (await plan()).people.map((p) => p.name);
    expect(names).toContain('Ada Fixture');
    await runCli(['people', 'import', '--repo', repo]);
    expect((await plan()).people.map((p) => p.name)).toEqual(names);
  });

  it('demo creates the demo repository in the given folder and prints its path', async () => {
    const parent = tempDir();
    dirs.push(parent);
    const target = path.join(parent, 'demo');
    const run = await runCli(['demo', target]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(target);
    expect(git(target, ['rev-parse', '--abbrev-ref', 'HEAD']).trim()).toBe('xen');
    const again = await runCli(['demo', target]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/not empty/);
    expect(readdirSync(parent)).toEqual(['demo']);
  });
});
