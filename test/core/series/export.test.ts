import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportSeries } from '../../../electron/core/series/export';
import { EXPORT_MARKER } from '../../../electron/core/series/export-folder';
import { editPatch } from '../../../shared/series/edit';
import { cleanup, git, tempDir } from '../../helpers/repo';
import { planWith, proposedFixture, SENDER, userState, seriesInput } from './series-fixture';

const made: string[] = [];
afterEach(() => cleanup(...made.splice(0)));

/** A header of a mail file, unfolded (continuation lines joined). */
function header(file: string, name: string): string | null {
  const head = readFileSync(file, 'utf8').split('\n\n')[0] ?? '';
  const m = new RegExp(`^${name}: (.*(?:\\n[ \\t].*)*)`, 'm').exec(head);
  return m ? (m[1] as string).replace(/\n[ \t]+/g, ' ') : null;
}
const addresses = (value: string | null): string[] => (value === null ? [] : value.split(/,\s*/).sort());

describe('series export', () => {
  it('writes format-patch files that git am turns into the target tree on a fresh clone of upstream', async () => {
    const fx = await proposedFixture();
    const out = tempDir();
    const clone = tempDir();
    made.push(fx.repo, out, clone);
    const before = userState(fx.repo);
    const exported = await exportSeries(await seriesInput(fx.repo, fx.plan), SENDER, { out, now: new Date('2024-01-02T03:04:05Z') });
    if (!exported.ok) throw new Error(exported.error.message);
    const patches = fx.plan.series.patchOrder.map((id) => fx.plan.series.patches[id]);
    const names = readdirSync(out).filter((n) => n !== EXPORT_MARKER).sort();
    expect(names).toEqual(exported.value.report.files.map((f) => f.name));
    expect(names[0]).toBe('0000-cover-letter.patch');
    expect(names.slice(1).every((n, i) => n.startsWith(`${String(i + 1).padStart(4, '0')}-`))).toBe(true);
    patches.forEach((p, i) => expect(header(path.join(out, names[i + 1] as string), 'Subject')).toBe(`[PATCH v1 ${i + 1}/6] ${p?.subject}`));
    expect(header(path.join(out, names[0] as string), 'Subject')).toBe('[PATCH v1 0/6] xen: 6 patches for upstream');
    expect(exported.value.version).toEqual({
      version: 1,
      tip: exported.value.report.tip,
      base: fx.upstream,
      at: '2024-01-02T03:04:05.000Z',
      changeId: exported.value.report.changeId,
      coverMessageId: header(path.join(out, names[0] as string), 'Message-Id'),
    });
    expect(exported.value.report.changeId).toMatch(/^20240102-xen-[0-9a-f]{12}$/);

    git(clone, ['clone', '-q', '--branch', 'upstream', fx.repo, clone]);
    git(clone, ['am', '-q', ...names.slice(1).map((n) => path.join(out, n))], { env: { GIT_COMMITTER_NAME: 'Upstream', GIT_COMMITTER_EMAIL: 'up@example.org' } });
    expect(git(clone, ['rev-parse', 'HEAD^{tree}'])).toBe(git(fx.repo, ['rev-parse', 'xen^{tree}']));
    expect(git(clone, ['log', '--format=%an <%ae>|%s', '-6']).trim().split('\n').reverse()).toEqual(
      patches.map((p) => {
        const who = p?.author ? fx.plan.people[p.author] : SENDER;
        return `${who?.name} <${who?.email}>|${p?.subject}`;
      }),
    );
    // The binary file and the odd names arrived byte for byte (the tree ids above say so too).
    expect(git(clone, ['ls-files', '-z', 'drivers/xen']).split('\0').filter(Boolean).length).toBe(5);
    expect(userState(fx.repo)).toBe(before);
  });

  it('addresses each patch to the MAINTAINERS of its files and the cover letter to all of them', async () => {
    const fx = await proposedFixture();
    const out = tempDir();
    made.push(fx.repo, out);
    const exported = await exportSeries(await seriesInput(fx.repo, fx.plan), SENDER, { out });
    if (!exported.ok) throw new Error(exported.error.message);
    const fileOf = (patchId: string): string => path.join(out, exported.value.report.files.find((f) => f.patchId === patchId)?.name as string);
    // arch/i386/kernel/setup.c: X86 ARCHITECTURE; include/linux/sched.h: SCHEDULER.
    expect(addresses(header(fileOf('patch-hooks'), 'To'))).toEqual(['Ingo Molnar <mingo@example.org>']);
    expect(addresses(header(fileOf('patch-hooks'), 'Cc'))).toEqual(['Peter Anvin <hpa@example.org>', 'linux-kernel@example.org', 'x86@example.org']);
    // drivers/xen/: XEN HYPERVISOR INTERFACE (the list's note is not part of the address).
    expect(addresses(header(fileOf('patch-xen-core'), 'To'))).toEqual(['=?UTF-8?q?J=C3=BCrgen_Gro=C3=9F?= <jgross@example.org>']);
    expect(addresses(header(fileOf('patch-xen-core'), 'Cc'))).toEqual(['Boris Reviewer <boris@example.org>', 'xen-devel@example.org']);
    // drivers/char/old.c and firmware/logo.bin: no section.
    expect(header(fileOf('patch-dir-drivers'), 'To')).toBeNull();
    const cover = path.join(out, '0000-cover-letter.patch');
    expect(addresses(header(cover, 'To'))).toEqual(['=?UTF-8?q?J=C3=BCrgen_Gro=C3=9F?= <jgross@example.org>', 'Ingo Molnar <mingo@example.org>']);
    expect(addresses(header(cover, 'Cc'))).toEqual(
      ['Boris Reviewer <boris@example.org>', 'Peter Anvin <hpa@example.org>', 'linux-kernel@example.org', 'x86@example.org', 'xen-devel@example.org'].sort(),
    );
    expect(header(cover, 'From')).toBe('Sam Sender <sam@example.org>');
    expect(readFileSync(cover, 'utf8')).not.toMatch(/\*\*\* (SUBJECT|BLURB) HERE \*\*\*/);
  });

  it('writes the series on a new branch when asked, and refuses an existing branch before writing anything', async () => {
    const fx = await proposedFixture();
    const out = tempDir();
    made.push(fx.repo, out);
    const before = userState(fx.repo);
    const input = await seriesInput(fx.repo, fx.plan);
    const existing = await exportSeries(input, SENDER, { out: path.join(out, 'a'), branch: 'xen' });
    expect(existing.ok ? '' : existing.error.message).toMatch(/A branch "xen" already exists/);
    expect(existsSync(path.join(out, 'a'))).toBe(false);
    for (const name of ['bad..name', 'refs/heads/review', '-f', '@', 'a@{1}']) {
      const invalid = await exportSeries(input, SENDER, { out: path.join(out, 'a'), branch: name });
      expect(invalid.ok ? '' : invalid.error.code, name).toBe('bad-input');
      expect(invalid.ok ? '' : invalid.error.message).toContain(`"${name}"`);
    }
    expect(existsSync(path.join(out, 'a'))).toBe(false);
    expect(git(fx.repo, ['for-each-ref', '--format=%(refname)', 'refs/heads/refs'])).toBe('');
    expect(userState(fx.repo)).toBe(before);
    const made2 = await exportSeries(input, SENDER, { out: path.join(out, 'b'), branch: 'review/v1' });
    if (!made2.ok) throw new Error(made2.error.message);
    expect(git(fx.repo, ['rev-parse', 'refs/heads/review/v1']).trim()).toBe(made2.value.report.tip);
    expect(git(fx.repo, ['rev-parse', 'review/v1^{tree}'])).toBe(git(fx.repo, ['rev-parse', 'xen^{tree}']));
    expect(git(fx.repo, ['symbolic-ref', 'HEAD']).trim()).toBe('refs/heads/main');
  });

  it('numbers versions and shows git range-diff between the last two', async () => {
    const fx = await proposedFixture();
    const out = tempDir();
    made.push(fx.repo, out);
    const v1 = await exportSeries(await seriesInput(fx.repo, fx.plan), SENDER, { out: path.join(out, 'v1') });
    if (!v1.ok) throw new Error(v1.error.message);
    expect(v1.value.report.rangeDiff).toBeNull();
    const edit = editPatch(fx.plan.series, 'patch-hooks', { subject: 'x86: add Xen hooks' });
    if (!edit.ok) throw new Error(edit.error.message);
    const plan = planWith([{ type: 'series.version', version: v1.value.version }, edit.value], fx.plan);
    mkdirSync(path.join(out, 'v2'));
    const v2 = await exportSeries(await seriesInput(fx.repo, plan), SENDER, { out: path.join(out, 'v2') });
    if (!v2.ok) throw new Error(v2.error.message);
    expect(v2.value.report.version).toBe(2);
    expect(header(path.join(out, 'v2', v2.value.report.files[1]?.name as string), 'Subject')).toBe('[PATCH v2 1/6] x86: add Xen hooks');
    const expected = git(fx.repo, ['range-diff', '--no-color', `${fx.upstream}..${v1.value.report.tip}`, `${fx.upstream}..${v2.value.report.tip}`]);
    expect(v2.value.report.rangeDiff).toBe(expected);
    expect(expected).toMatch(/i386 hooks: update/);
    expect(git(fx.repo, ['rev-parse', 'refs/merge-sprint/series/v1', 'refs/merge-sprint/series/v2']).trim().split('\n')).toEqual([
      v1.value.report.tip,
      v2.value.report.tip,
    ]);
  });
});
