import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { copyRules } from '../../../electron/core/rename/copy';
import { finishRule } from '../../../electron/core/rename/finish';
import { addRule } from '../../../electron/core/rename/rules';
import { switchReferences } from '../../../electron/core/rename/switch-refs';
import { THROUGH_VARIABLE } from '../../../shared/rename/switch-refs';
import { cleanup, git } from '../../helpers/repo';
import { renameContext } from './memory-plan';
import { DOC, FROM, HEAD_S, KCONFIG, SCHED, TO, TOP_MAKEFILE, XEN_MAKEFILE, makeSwitchFork } from './switch-refs-fixture';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

async function sprint(phase: 'planned' | 'copied' | 'moved') {
  const repo = makeSwitchFork();
  repos.push(repo);
  const ctx = renameContext(repo);
  const added = await addRule(ctx, FROM, TO);
  if (!added.ok) throw new Error(added.error.message);
  if (phase !== 'planned' && !(await copyRules(ctx, { all: true })).ok) throw new Error('copy');
  if (phase === 'moved') {
    const moved = await finishRule(ctx, added.value.rule.id);
    if (!moved.ok) throw new Error(moved.error.message);
  }
  return { repo, ctx, ruleId: added.value.rule.id };
}

const head = (repo: string): string => git(repo, ['rev-parse', 'HEAD']).trim();
const text = (repo: string, file: string, rev = 'HEAD'): string => git(repo, ['show', `${rev}:${file}`]);
const swap = (s: string): string => s.replaceAll('arch/xen/i386', 'arch/i386/xen');
/** The top Makefile switched: its look-alike names (arch/xen/i3860, myarch/xen/i386) stay. */
const TOP_SWITCHED = 'obj-y += kernel/ mm/\nobj-$(CONFIG_XEN) += arch/i386/xen/\nsubdir-$(CONFIG_XEN) += arch/i386/xen/kernel\nobj-y += arch/xen/i3860/ myarch/xen/i386/\n';

describe('switch references', () => {
  test('a moved rule: the preview is the diff the commit then makes, every kind of line is rewritten, the make variable is left for you', async () => {
    const { repo, ctx, ruleId } = await sprint('moved');
    const before = head(repo);
    const preview = await switchReferences(ctx, {}, false);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.commit).toBeNull();
    expect(head(repo)).toBe(before);
    expect(git(repo, ['status', '--porcelain'])).toBe('');
    expect(preview.value.ruleIds).toEqual([ruleId]);
    expect(preview.value.left).toEqual([{ ruleId, path: 'arch/xen/Makefile', line: 2, kind: 'makefile', text: 'include $(srctree)/arch/xen/$(XENARCH)/Makefile', why: THROUGH_VARIABLE }]);
    expect(preview.value.lines.map((l) => `${l.path}:${l.line}`).sort()).toEqual(
      ['Documentation/xen.txt:2', 'Makefile:2', 'Makefile:3', 'arch/xen/Kconfig:2', 'arch/xen/Makefile:1', 'arch/xen/head.S:2', 'kernel/sched.c:2'].sort(),
    );

    const done = await switchReferences(ctx, {}, true);
    if (!done.ok) throw new Error(done.error.message);
    const commit = done.value.commit as string;
    expect(head(repo)).toBe(commit);
    expect(git(repo, ['rev-parse', `${commit}^`]).trim()).toBe(before);
    // What the preview showed is what git shows of the commit.
    expect(git(repo, ['diff', '--no-renames', before, commit])).toBe(preview.value.diff);
    expect(TOP_MAKEFILE).not.toBe(TOP_SWITCHED);
    expect(text(repo, 'Makefile')).toBe(TOP_SWITCHED);
    expect(text(repo, 'arch/xen/Makefile')).toBe('CFLAGS += -Iarch/i386/xen/include -I$(srctree)/arch/i386/xen/mach-xen\ninclude $(srctree)/arch/xen/$(XENARCH)/Makefile\n');
    expect(XEN_MAKEFILE).not.toBe(text(repo, 'arch/xen/Makefile'));
    expect(text(repo, 'arch/xen/Kconfig')).toBe(swap(KCONFIG));
    expect(text(repo, 'kernel/sched.c')).toBe(swap(SCHED));
    expect(text(repo, 'arch/xen/head.S')).toBe(swap(HEAD_S));
    // The byte that is not UTF-8 is written back as it was: one line changed, the size by the paths' difference (none).
    expect(git(repo, ['diff', '--numstat', before, commit, '--', 'Documentation/xen.txt']).trim()).toBe('1\t1\tDocumentation/xen.txt');
    expect(git(repo, ['cat-file', '-s', `${commit}:Documentation/xen.txt`]).trim()).toBe(String(DOC.length));
    expect(git(repo, ['status', '--porcelain'])).toBe('');
    expect(git(repo, ['log', '-1', '--format=%s'])).toBe(`Switch references from ${FROM} to ${TO}\n`);

    // Idempotent: nothing is left to rewrite, and a second switch says so and writes nothing.
    const again = await switchReferences(ctx, {}, false);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.lines).toEqual([]);
    expect(again.value.diff).toBe('');
    const twice = await switchReferences(ctx, {}, true);
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.message).toMatch(/^Nothing to switch: no line can be rewritten \(1 left for you to rewrite by hand\)/);
    expect(head(repo)).toBe(commit);
  });

  test('an interim copy keeps its lines unless asked, and says why', async () => {
    const { repo, ctx, ruleId } = await sprint('copied');
    const before = head(repo);
    const preview = await switchReferences(ctx, {}, false);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.lines).toEqual([]);
    expect(preview.value.kept).toEqual([{ ruleId, from: FROM, to: TO, why: expect.stringMatching(/interim copy, so the old layout still builds/) }]);
    const refused = await switchReferences(ctx, { ruleId }, true);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/are kept: it is an interim copy.*--include-copied/);
    const all = await switchReferences(ctx, {}, true);
    expect(all.ok).toBe(false);
    if (!all.ok) expect(all.error.message).toMatch(/Nothing to switch: no moved rule/);
    expect(head(repo)).toBe(before);

    const chosen = await switchReferences(ctx, { ruleId, includeCopied: true }, true);
    if (!chosen.ok) throw new Error(chosen.error.message);
    expect(text(repo, 'Makefile')).toBe(TOP_SWITCHED);
    // The interim copy's own files are the source's: the old copy keeps naming itself.
    expect(text(repo, `${FROM}/Makefile`)).toBe('obj-y += kernel/ mm/\n');
  });

  test('a planned rule has no new path to name; an unknown rule is named', async () => {
    const { ctx, ruleId } = await sprint('planned');
    const planned = await switchReferences(ctx, { ruleId }, false);
    expect(planned.ok).toBe(false);
    if (!planned.ok) expect(planned.error.message).toMatch(/is planned: "arch\/i386\/xen" does not exist yet.*Make the interim copy first/);
    const unknown = await switchReferences(ctx, { ruleId: 'nope' }, false);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toMatch(/no rename rule with id "nope"/);
  });

  test('refuses to rewrite a file with uncommitted changes, naming it, and writes nothing', async () => {
    const { repo, ctx } = await sprint('moved');
    const before = head(repo);
    writeFileSync(path.join(repo, 'kernel/sched.c'), `${SCHED}/* my edit */\n`);
    const refused = await switchReferences(ctx, {}, true);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/"kernel\/sched.c" \(modified\)/);
    expect(head(repo)).toBe(before);
    expect(git(repo, ['status', '--porcelain'])).toBe(' M kernel/sched.c\n');
  });
});
