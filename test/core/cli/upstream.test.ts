import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, git } from '../../helpers/repo';
import { COPY_TIME, handPortTime, makeUpstreamFork } from '../upstream/fixture';
import { runCli } from './core-helpers';

const made: string[] = [];
afterEach(() => cleanup(...made.splice(0)));

async function sprintRepo(): Promise<ReturnType<typeof makeUpstreamFork>> {
  const f = makeUpstreamFork();
  made.push(f.repo);
  const init = await runCli(['init', '--repo', f.repo, '--upstream', 'v1', '--fork', 'main', '--pair', 'arch/xen/i386=arch/i386']);
  expect(init.stderr).toBe('');
  return f;
}

describe('merge-sprint upstream', () => {
  it('previews as JSON, refuses a conflict with its hunks, then applies with --keep', { timeout: 120_000 }, async () => {
    const f = await sprintRepo();
    const preview = await runCli(['upstream', '--repo', f.repo, '--to', 'v2', '--json']);
    expect(preview.code).toBe(0);
    const json = JSON.parse(preview.stdout) as { commits: { commit: string }[]; twins: { path: string; twin: string; status: string }[] };
    expect(json.commits.map((c) => c.commit)).toEqual(f.inScope);
    expect(json.twins.find((t) => t.path === COPY_TIME)).toMatchObject({ twin: 'arch/i386/kernel/time.c', status: 'conflict' });

    const refused = await runCli(['upstream', 'apply', '--repo', f.repo, '--to', 'v2']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('copy         | time line 20 (xen: shadow time)');
    expect(refused.stderr).toMatch(/^merge-sprint: 1 fork copy\(ies\) cannot take upstream's change cleanly; nothing was written/);
    expect(git(f.repo, ['rev-parse', 'HEAD']).trim()).toBe(f.head);

    handPortTime(f.repo);
    const applied = await runCli(['upstream', 'apply', '--repo', f.repo, '--to', 'v2', '--keep', COPY_TIME, '--json']);
    expect(applied.code).toBe(0);
    const done = JSON.parse(applied.stdout) as { commit: string };
    expect(git(f.repo, ['rev-parse', 'HEAD']).trim()).toBe(done.commit);
    const plan = await runCli(['plan', '--repo', f.repo, '--json']);
    expect(JSON.parse(plan.stdout)).toMatchObject({ sprint: { upstreamRef: 'v2' } });
  });

  it.each([
    [['upstream', '--to', '-x'], /starts with "-"/],
    [['upstream'], /Name the new upstream with --to REF/],
    [['upstream', 'apply', '--to', 'nope'], /"nope" is not a branch, tag or commit/],
  ])('bad input %j: one line, exit 2', { timeout: 60_000 }, async (args, message) => {
    const f = await sprintRepo();
    const run = await runCli([...args, '--repo', f.repo]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});
