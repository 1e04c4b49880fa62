import { afterEach, describe, expect, test } from 'vitest';
import { planUpstreamMove } from '../../../electron/core/upstream/preview';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { COPY_SETUP, COPY_TIME, COPY_TRAPS, makeUpstreamFork, upstreamContext } from './fixture';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

const fork = () => {
  const f = makeUpstreamFork();
  repos.push(f.repo);
  return f;
};

describe('upstream preview', () => {
  test('lists the upstream commits in scope and each changed twin with whether it ports', async () => {
    const f = fork();
    const ctx = await upstreamContext(f.repo);
    const planned = await planUpstreamMove(ctx, 'v2');
    if (!planned.ok) throw new Error(planned.error.message);
    const { preview } = planned.value;
    expect(preview.base).toBe(f.v1);
    expect(preview.to).toBe(f.v2);
    // The driver fix is upstream's, outside every pairing: not the sprint's to port.
    expect(preview.commits.map((c) => c.commit)).toEqual(f.inScope);
    const twins = Object.fromEntries(preview.twins.map((t) => [t.path, t]));
    expect(Object.keys(twins).sort()).toEqual([COPY_SETUP, COPY_TIME, COPY_TRAPS]);
    expect(twins[COPY_SETUP]).toMatchObject({ twin: 'arch/i386/kernel/setup.c', status: 'clean', alreadyThere: false });
    expect(twins[COPY_TRAPS]).toMatchObject({ status: 'clean' });
    expect(twins[COPY_TIME]).toMatchObject({ status: 'conflict', reason: 'content' });
    const hunk = twins[COPY_TIME]?.hunks[0];
    expect(hunk?.source).toEqual(['time line 20 (xen: shadow time)']);
    expect(hunk?.base).toEqual(['time line 20']);
    expect(hunk?.destination).toEqual(['time line 20 (fixed)']);
    expect(preview.mergeConflicts).toEqual([]);
    // A preview writes nothing the user sees.
    expect(git(f.repo, ['rev-parse', 'HEAD']).trim()).toBe(f.head);
    expect(git(f.repo, ['status', '--porcelain'])).toBe('');
  });

  test('a copy that has the fix already is clean and writes nothing', async () => {
    const f = fork();
    const fixed = git(f.repo, ['show', 'v2:arch/i386/kernel/setup.c']);
    makeCommit(f.repo, { files: { [COPY_SETUP]: fixed.replace('setup line 2\n', 'setup line 2 (xen: start_info)\n') } });
    makeCommit(f.repo, { files: { [COPY_SETUP]: fixed } });
    const planned = await planUpstreamMove(await upstreamContext(f.repo), 'v2');
    if (!planned.ok) throw new Error(planned.error.message);
    expect(planned.value.preview.twins.find((t) => t.path === COPY_SETUP)).toMatchObject({ status: 'clean', alreadyThere: true });
    expect(planned.value.writes.map((w) => w.path)).not.toContain(COPY_SETUP);
  });

  test('names the files where merging the new upstream into the branch conflicts', async () => {
    const f = fork();
    makeCommit(f.repo, { files: { 'arch/i386/kernel/time.c': 'the sprint branch changed the twin itself\n' } });
    const planned = await planUpstreamMove(await upstreamContext(f.repo), 'v2');
    if (!planned.ok) throw new Error(planned.error.message);
    expect(planned.value.preview.mergeConflicts).toEqual(['arch/i386/kernel/time.c']);
  });

  test.each([
    ['--upload-pack=x', 'bad-input', /starts with "-"/],
    ['v9', 'unknown-ref', /"v9" is not a branch, tag or commit/],
  ])('refuses the ref %s', async (ref, code, message) => {
    const f = fork();
    const planned = await planUpstreamMove(await upstreamContext(f.repo), ref);
    expect(planned.ok).toBe(false);
    if (planned.ok) return;
    expect(planned.error.code).toBe(code);
    expect(planned.error.message).toMatch(message);
  });

  test('refuses an upstream that does not contain the current base', async () => {
    const f = fork();
    makeCommit(f.repo, { branch: 'elsewhere', from: 'v1~0', files: { x: 'y\n' } });
    git(f.repo, ['checkout', '-q', 'main']);
    const ctx = await upstreamContext(f.repo);
    await ctx.plan.record({ type: 'sprint.init', upstreamRef: 'elsewhere', forkRef: 'main', pairings: [{ fork: 'arch/xen/i386', upstream: 'arch/i386' }] }, ctx.actor);
    const planned = await planUpstreamMove(ctx, 'v2');
    expect(planned.ok).toBe(false);
    if (!planned.ok) expect(planned.error.message).toMatch(/"v2" \([0-9a-f]{12}\) does not contain the sprint's upstream base "elsewhere"/);
  });
});
