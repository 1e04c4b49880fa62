import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, git } from '../../helpers/repo';
import { FROM, TO, makeSwitchFork } from '../rename/switch-refs-fixture';
import { repoState, runCli } from './core-helpers';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

async function ok(args: string[]): Promise<string> {
  const run = await runCli(args);
  if (run.code !== 0) throw new Error(`${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

describe('merge-sprint rename switch-refs', () => {
  it('previews the diff, then commits it; lists what is left for you; refuses a copied rule and an unknown one in one line', async () => {
    const repo = makeSwitchFork();
    repos.push(repo);
    const { rule } = JSON.parse(await ok(['rename', 'add', '--repo', repo, '--from', FROM, '--to', TO, '--json'])) as { rule: { id: string } };
    await ok(['rename', 'copy', '--repo', repo]);

    const before = repoState(repo);
    const copied = await runCli(['rename', 'switch-refs', '--repo', repo, '--rule', rule.id]);
    expect(copied.code).toBe(1);
    expect(copied.stderr.trim().split('\n')).toHaveLength(1);
    expect(copied.stderr).toMatch(/are kept: it is an interim copy/);
    const unknown = await runCli(['rename', 'switch-refs', '--repo', repo, '--rule', 'nope']);
    expect(unknown.code).toBe(2);
    expect(repoState(repo)).toBe(before);

    await ok(['rename', 'finish', '--repo', repo, '--rule', rule.id]);
    const head = git(repo, ['rev-parse', 'HEAD']).trim();
    const preview = await ok(['rename', 'switch-refs', '--repo', repo, '--preview']);
    expect(preview).toContain('Left for you (1 line(s) that cannot be rewritten mechanically):\n  arch/xen/Makefile:2 include $(srctree)/arch/xen/$(XENARCH)/Makefile');
    expect(preview).toContain("Would rewrite 7 line(s); the commit's diff:\n");
    expect(preview).toContain('-obj-$(CONFIG_XEN) += arch/xen/i386/\n-subdir-$(CONFIG_XEN) += arch/xen/i386/kernel\n+obj-$(CONFIG_XEN) += arch/i386/xen/\n+subdir-$(CONFIG_XEN) += arch/i386/xen/kernel\n');
    expect(git(repo, ['rev-parse', 'HEAD']).trim()).toBe(head);

    const done = JSON.parse(await ok(['rename', 'switch-refs', '--repo', repo, '--json'])) as { commit: string; lines: unknown[]; diff: string };
    expect(git(repo, ['rev-parse', 'HEAD']).trim()).toBe(done.commit);
    expect(done.lines).toHaveLength(7);
    expect(git(repo, ['diff', '--no-renames', head, done.commit])).toBe(done.diff);
    expect(preview).toContain(done.diff);
  });
});
