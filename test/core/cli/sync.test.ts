/**
 * `merge-sprint sync` and `--as`, as a script runs them: two laptops' changes cross through a
 * bare remote with the right names in the report and in the plan commits; bad input exits 2
 * with one line, a remote that does not answer exits 1 with the plan untouched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, git } from '../../helpers/repo';
import { makeTeam, type Laptop } from '../../helpers/remotes';
import { repoState, runCli } from './core-helpers';

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

describe('merge-sprint sync', () => {
  it('carries one laptop\'s changes to another, each signed by who made it', async () => {
    const team = await makeTeam(['Keir Fraser', 'Ian Pratt']);
    dirs.push(team.dir);
    const [keir, ian] = team.laptops as [Laptop, Laptop];
    // The demo's people have these emails: the laptop's git user.email picks the person.
    git(keir.repo, ['config', 'user.email', 'keir@xensource.example']);
    for (const l of [keir, ian]) expect((await runCli(['sync', '--repo', l.repo])).code).toBe(0);
    expect((await runCli(['state', '--repo', keir.repo, '--subsystem', 'arch/xen/i386/mm', '--to', 'Done'])).code).toBe(0);
    const as = await runCli(['assign', '--repo', keir.repo, '--as', 'ian@xensource.example', '--subsystem', 'drivers/xen/blkfront', '--to', 'Ian Pratt']);
    expect(as.code).toBe(0);
    const out = await runCli(['sync', '--repo', keir.repo]);
    expect(out.stdout).toContain('Synced with origin: 0 changes came in, 2 changes went out.');
    expect(out.stdout).toContain('out: Keir Fraser moved arch/xen/i386/mm to Done');
    expect(out.stdout).toContain('out: Ian Pratt assigned drivers/xen/blkfront to Ian Pratt');
    const json = await runCli(['sync', '--repo', ian.repo, '--json']);
    const report = JSON.parse(json.stdout) as { incoming: Array<{ by: string; words: string }>; outgoing: unknown[] };
    expect(report.incoming.map((e) => e.by)).toEqual(['Keir Fraser', 'Ian Pratt']);
    expect(report.outgoing).toEqual([]);
    const authors = git(ian.repo, ['log', '-2', '--format=%an <%ae>', 'refs/merge-sprint/plan']).trim().split('\n');
    expect(authors).toEqual(['Ian Pratt <ian@xensource.example>', 'Keir Fraser <keir@xensource.example>']);
  }, 90_000);

  it('refuses bad input with exit 2 and a remote that does not answer with exit 1, writing nothing', async () => {
    const team = await makeTeam(['Keir Fraser']);
    dirs.push(team.dir);
    const [keir] = team.laptops as [Laptop];
    git(keir.repo, ['remote', 'add', 'closed', 'git://127.0.0.1:1/plan.git']);
    const before = repoState(keir.repo);
    const wrong = await runCli(['sync', '--repo', keir.repo, '--remote', 'nope']);
    expect(wrong).toMatchObject({ code: 2, stderr: expect.stringContaining('no remote named "nope"') });
    const badAs = await runCli(['state', '--repo', keir.repo, '--as', '  ', '--subsystem', 'arch/xen/i386/mm', '--to', 'Done']);
    expect(badAs).toMatchObject({ code: 2, stderr: expect.stringContaining('--as takes a person') });
    const every = await runCli(['serve', '--repo', keir.repo, '--sync-every', '1']);
    expect(every).toMatchObject({ code: 2, stderr: expect.stringContaining('--sync-every takes a whole number of seconds from 5') });
    const closed = await runCli(['sync', '--repo', keir.repo, '--remote', 'closed']);
    expect(closed).toMatchObject({ code: 1, stderr: expect.stringContaining('The remote "closed" did not answer') });
    expect(closed.stderr.trim().split('\n')).toHaveLength(1);
    expect(repoState(keir.repo)).toBe(before);
  }, 90_000);
});
