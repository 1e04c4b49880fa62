import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { recoverRenames } from '../../../electron/core/rename/recover';
import { proposeForPlan } from '../../../electron/core/series/propose';
import { applyUpstreamMove } from '../../../electron/core/upstream/apply';
import { crashAt } from '../rename/crash';
import { cleanup, git } from '../../helpers/repo';
import { COPY_SETUP, COPY_TIME, COPY_TRAPS, DRIVER, SETUP, handPortTime, lines, makeUpstreamFork, upstreamContext } from './fixture';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

const fork = () => {
  const f = makeUpstreamFork();
  repos.push(f.repo);
  return f;
};
const head = (repo: string): string => git(repo, ['rev-parse', 'HEAD']).trim();
const show = (repo: string, rev: string, file: string): string => git(repo, ['show', `${rev}:${file}`]);

describe('upstream apply', () => {
  test('a conflicting port writes nothing and names the copy', async () => {
    const f = fork();
    const ctx = await upstreamContext(f.repo);
    const applied = await applyUpstreamMove(ctx, 'v2');
    if (!applied.ok) throw new Error(applied.error.message);
    expect(applied.value.commit).toBeNull();
    expect(applied.value.twins.filter((t) => t.status === 'conflict').map((t) => t.path)).toEqual([COPY_TIME]);
    expect(head(f.repo)).toBe(f.head);
    expect((await ctx.plan.snapshot()).plan.sprint?.upstreamRef).toBe('v1');
  });

  test('merges the new upstream, ports the twins into their copies, and moves the sprint', async () => {
    const f = fork();
    const ported = handPortTime(f.repo);
    const ctx = await upstreamContext(f.repo);
    const applied = await applyUpstreamMove(ctx, 'v2', [COPY_TIME]);
    if (!applied.ok) throw new Error(applied.error.message);
    const merge = applied.value.commit as string;
    expect(head(f.repo)).toBe(merge);
    // A real merge: the team's history and upstream's are both parents.
    expect(git(f.repo, ['rev-list', '--parents', '-n', '1', merge]).trim().split(' ').slice(1)).toEqual([ported, f.v2]);
    expect(applied.value.ported.sort()).toEqual([COPY_SETUP, COPY_TRAPS]);
    // The fix is in the copy, and the fork's own change stays.
    expect(show(f.repo, merge, COPY_SETUP)).toBe(lines(40, 'setup', { 2: 'setup line 2 (xen: start_info)', 38: 'setup line 38 (fixed)' }));
    expect(show(f.repo, merge, COPY_TRAPS)).toBe(show(f.repo, 'v2', 'arch/i386/kernel/traps.c'));
    expect(show(f.repo, merge, COPY_TIME)).toBe(show(f.repo, ported, COPY_TIME));
    // Upstream's own files are v2's, inherited ones too.
    expect(show(f.repo, merge, SETUP)).toBe(show(f.repo, 'v2', SETUP));
    expect(show(f.repo, merge, DRIVER)).toBe(show(f.repo, 'v2', DRIVER));
    expect(git(f.repo, ['status', '--porcelain'])).toBe('');
    expect((await ctx.plan.snapshot()).plan.sprint?.upstreamRef).toBe('v2');
    // The series is cut from the new base now, and does not carry upstream's fixes as the fork's.
    const proposal = await proposeForPlan(f.repo, (await ctx.plan.snapshot()).plan);
    if (!proposal.ok) throw new Error(proposal.error.message);
    expect(proposal.value.change.base).toBe(f.v2);
    const files = proposal.value.change.patches.flatMap((p) => p.files);
    expect(files).not.toContain(DRIVER);
    expect(files).not.toContain(SETUP);
  });

  test('--keep names only copies in conflict', async () => {
    const f = fork();
    const applied = await applyUpstreamMove(await upstreamContext(f.repo), 'v2', [COPY_SETUP]);
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(applied.error.message).toMatch(/"arch\/xen\/i386\/kernel\/setup.c" is not a fork copy whose port conflicts/);
  });

  test('refuses a merge conflict, naming the file, and writes nothing', async () => {
    const f = fork();
    const ctx = await upstreamContext(f.repo);
    git(f.repo, ['checkout', '-q', '-b', 'side']);
    writeFileSync(path.join(f.repo, 'arch/i386/kernel/setup.c'), 'the sprint branch edits the twin\n');
    git(f.repo, ['commit', '-qam', 'edit twin']);
    const before = head(f.repo);
    const applied = await applyUpstreamMove(ctx, 'v2', [COPY_TIME]);
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(applied.error.message).toMatch(/conflicts in "arch\/i386\/kernel\/setup.c": nothing was written/);
    expect(head(f.repo)).toBe(before);
  });

  test('refuses uncommitted work where the merge writes, and a merge in progress', async () => {
    const f = fork();
    handPortTime(f.repo);
    const ctx = await upstreamContext(f.repo);
    writeFileSync(path.join(f.repo, DRIVER), 'my uncommitted edit\n');
    const dirty = await applyUpstreamMove(ctx, 'v2', [COPY_TIME]);
    expect(dirty.ok).toBe(false);
    if (!dirty.ok) expect(dirty.error.message).toMatch(/Uncommitted work is where this operation writes: "drivers\/net\/ne2k-0.c" \(modified\)/);
    git(f.repo, ['checkout', '--', DRIVER]);
    writeFileSync(path.join(f.repo, '.git', 'MERGE_HEAD'), `${f.v2}\n`);
    const merging = await applyUpstreamMove(ctx, 'v2', [COPY_TIME]);
    expect(merging.ok).toBe(false);
    if (!merging.ok) expect(merging.error.message).toMatch(/in the middle of a merge/);
    expect((await ctx.plan.snapshot()).plan.sprint?.upstreamRef).toBe('v1');
  });

  test('refuses a move to the base itself', async () => {
    const f = fork();
    const applied = await applyUpstreamMove(await upstreamContext(f.repo), 'v1');
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(applied.error.message).toMatch(/there is nothing to move/);
  });

  test.each(['upstream:built', 'upstream:before-ref', 'upstream:after-ref', 'upstream:after-worktree', 'upstream:after-plan'])(
    'killed at %s: the branch is before or after, and recovery brings files and plan in line',
    async (point) => {
      const f = fork();
      const ported = handPortTime(f.repo);
      mkdirSync(path.join(f.repo, 'notes'), { recursive: true });
      writeFileSync(path.join(f.repo, 'notes', 'mine.txt'), 'untracked work of my own\n');
      const ctx = await upstreamContext(f.repo);
      await crashAt(point, () => applyUpstreamMove(ctx, 'v2', [COPY_TIME]));
      const recovered = await recoverRenames(ctx);
      expect(recovered.ok).toBe(true);
      const tip = head(f.repo);
      const moved = tip !== ported;
      if (moved) expect(git(f.repo, ['rev-parse', `${tip}^2`]).trim()).toBe(f.v2);
      expect(git(f.repo, ['status', '--porcelain', '--untracked-files=no'])).toBe('');
      expect(git(f.repo, ['diff', 'HEAD', '--stat'])).toBe('');
      expect((await ctx.plan.snapshot()).plan.sprint?.upstreamRef).toBe(moved ? 'v2' : 'v1');
      // Run again: it ends after the move either way.
      if (!moved) {
        const again = await applyUpstreamMove(ctx, 'v2', [COPY_TIME]);
        expect(again.ok && again.value.commit).toBeTruthy();
      }
      expect(show(f.repo, 'HEAD', COPY_SETUP)).toContain('setup line 38 (fixed)');
    },
  );
});
