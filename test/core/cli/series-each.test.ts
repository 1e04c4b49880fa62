/** `series propose --max-patch-kb` and `series check --each` on a sparse fork, as a user runs them. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '../../helpers/repo';
import { makeSparseFork } from '../series/bisect-fixture';
import { runCli } from './core-helpers';

const made: string[] = [];
afterEach(() => cleanup(...made.splice(0)));

describe('merge-sprint series: every step builds, reviewable sizes', () => {
  it('keeps the limit in the plan, cuts the series to it, and checks every step', { timeout: 180_000 }, async () => {
    const { repo } = makeSparseFork({ copyLines: 60, hugeLines: 500 });
    made.push(repo);
    expect((await runCli(['init', '--repo', repo, '--upstream', 'upstream', '--fork', 'xen'])).code).toBe(0);

    const proposed = await runCli(['series', 'propose', '--repo', repo, '--max-patch-kb', '16', '--json']);
    expect(proposed.stderr).toBe('');
    const answer = JSON.parse(proposed.stdout) as { limitKb: number; notes: string[]; sizes: { patchId: string; overLimit: boolean; hugeFile: { path: string } | null }[]; series: { settings: unknown } };
    expect(answer.series.settings).toEqual({ maxPatchKb: 16, wholeSupport: false });
    expect(answer.limitKb).toBe(16);
    // Only the one file too big to cut is over the limit, and the proposal says so.
    expect(answer.sizes.filter((s) => s.overLimit).map((s) => s.hugeFile?.path)).toEqual(['arch/i386/xen/kernel/bigtable.c']);
    expect(answer.notes.some((n) => n.includes('cannot be split: arch/i386/xen/kernel/bigtable.c alone is'))).toBe(true);

    const listed = await runCli(['series', 'list', '--repo', repo]);
    expect(listed.stdout).toMatch(/SIZE/);
    expect(listed.stdout).toMatch(/OVER \d+ KB/);

    // Every step holds together; the one patch over the limit is a warning, not a broken step.
    const checked = await runCli(['series', 'check', '--repo', repo, '--each']);
    expect(checked.code, checked.stderr).toBe(0);
    const steps = checked.stdout.split('\n').filter((l) => /^\s*\d+ applies/.test(l));
    expect(steps.length).toBe(answer.sizes.length);
    expect(steps.every((l) => l.includes(', holds'))).toBe(true);
    expect(checked.stdout).toMatch(/WARNING: ".*" is \d+ KB as mail, over the 16 KB limit/);
  });

  it('refuses a limit that is no number, or too small to hold a patch', async () => {
    const { repo } = makeSparseFork();
    made.push(repo);
    expect((await runCli(['init', '--repo', repo, '--upstream', 'upstream', '--fork', 'xen'])).code).toBe(0);
    const word = await runCli(['series', 'propose', '--repo', repo, '--max-patch-kb', 'big']);
    expect(word.code).not.toBe(0);
    expect(word.stderr).toMatch(/--max-patch-kb/);
    const tiny = await runCli(['series', 'propose', '--repo', repo, '--max-patch-kb', '2']);
    expect(tiny.code).not.toBe(0);
    expect(tiny.stderr).toBe("merge-sprint: --max-patch-kb 2 cannot hold a patch's mail headers: give 4 or more (the kernel's lists take 100).\n");
    expect((await runCli(['series', 'list', '--repo', repo, '--json'])).stdout).not.toMatch(/"settings"/);
  });
});
