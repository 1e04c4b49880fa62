/**
 * Every step builds, and every patch is a size a list takes: the proposal on a real sparse fork
 * orders patches by what their Makefiles and includes need, cuts big patches along folders,
 * flags a file too big to cut, and `check --each` names the first step that breaks. The user's
 * kind of build check (a shell script that knows nothing of the app) runs at every step too.
 */
import { describe, expect, it } from 'vitest';
import { checkSeries } from '../../../electron/core/series/check';
import { proposeForPlan, type ProposalResult } from '../../../electron/core/series/propose';
import type { Plan } from '../../../shared/model';
import type { SeriesPatch } from '../../../shared/series/model';
import { git } from '../../helpers/repo';
import { KERNEL_PARTS, layoutCheckScript, makeSparseFork } from './bisect-fixture';
import { planWith, seriesInput } from './series-fixture';

async function propose(plan: Plan, repo: string): Promise<ProposalResult> {
  const proposed = await proposeForPlan(repo, plan);
  if (!proposed.ok) throw new Error(proposed.error.message);
  return proposed.value;
}

const indexOfFile = (patches: readonly SeriesPatch[], file: string): number => patches.findIndex((p) => p.files.includes(file));

describe('a proposal where every step holds together', () => {
  it('puts each patch with or after the patches adding what its Makefile names and its files include', async () => {
    const fx = makeSparseFork();
    const { change, notes } = await propose(fx.plan, fx.repo);
    const at = (f: string): number => indexOfFile(change.patches, f);
    // arch/i386/xen/Makefile names kernel/ and mm/: it comes with or after both.
    expect(at('arch/i386/xen/Makefile')).toBeGreaterThanOrEqual(at('arch/i386/xen/kernel/Makefile'));
    expect(at('arch/i386/xen/Makefile')).toBeGreaterThanOrEqual(at('arch/i386/xen/mm/Makefile'));
    // The upstream Makefile's hook names xen/, and an upstream file includes the new header.
    expect(at('arch/i386/Makefile')).toBeGreaterThanOrEqual(at('arch/i386/xen/Makefile'));
    expect(at('arch/i386/kernel/k0.c')).toBeGreaterThanOrEqual(at('include/asm-xen/hypervisor.h'));
    // A clean-up that needs nothing new stays first.
    expect(at('include/linux/sched.h')).toBe(0);
    expect(notes.some((n) => n.startsWith('Put "') && n.includes('arch/i386/xen/Makefile names kernel/'))).toBe(true);

    // The user's own check, knowing nothing of the app, passes after every patch.
    const plan = planWith([change], fx.plan);
    const report = await checkSeries(await seriesInput(fx.repo, plan), { runId: 'each', each: true, build: { name: 'layout', command: layoutCheckScript() } });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.steps.map((s) => s.build?.passed)).toEqual(change.patches.map(() => true));
    expect(report.value.firstBroken).toBeNull();
    expect(report.value.treeMatches).toBe(true);
  });

  it('check --each names the first step that breaks and why, and the build check fails at the same step', async () => {
    const fx = makeSparseFork();
    const { change } = await propose(fx.plan, fx.repo);
    // The first cut's mistake: the Makefile naming kernel/ and mm/ moved to the front.
    const makefile = change.patches.find((p) => p.files.includes('arch/i386/xen/Makefile')) as SeriesPatch;
    expect(makefile.files).toEqual(['arch/i386/xen/Makefile']);
    const bad = [makefile, ...change.patches.filter((p) => p !== makefile)];
    const plan = planWith([{ ...change, patches: bad }], fx.plan);
    const n = bad.length;
    const kernelAt = indexOfFile(bad, 'arch/i386/xen/kernel/Makefile') + 1;

    const report = await checkSeries(await seriesInput(fx.repo, plan), { runId: 'bad', each: true });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.firstBroken).toBe(`patch 1 of ${n}: arch/i386/xen/Makefile (line 1) names kernel/, added by patch ${kernelAt}`);
    expect(report.value.failed).toMatchObject({ index: 0, patchId: makefile.id });
    expect(report.value.summary).toBe(`The tree does not hold together at patch 1 of ${n}: arch/i386/xen/Makefile (line 1) names kernel/, added by patch ${kernelAt}.`);
    expect(report.value.steps[0]?.broken).toContain(`arch/i386/xen/Makefile (line 1) names kernel/, added by patch ${kernelAt}`);
    // Every patch still applies and the last tree is the fork's: only the steps between are broken.
    expect(report.value.treeMatches).toBe(true);

    const built = await checkSeries(await seriesInput(fx.repo, plan), { runId: 'bad-build', build: { name: 'layout', command: layoutCheckScript() } });
    if (!built.ok) throw new Error(built.error.message);
    expect(built.value.failed).toMatchObject({ index: 0, reason: 'The build "layout" failed (exit 1) after this patch.' });
  });

  it('holds what upstream named until the patch that stops naming it', async () => {
    const fx = makeSparseFork();
    git(fx.repo, ['checkout', '-q', 'xen']);
    // The fork drops mm/m19.c and its Makefile line: removing the file first would break upstream's Makefile.
    git(fx.repo, ['rm', '-q', '--', 'arch/i386/mm/m19.c']);
    const mk = `obj-y += ${Array.from({ length: 19 }, (_, i) => `m${i}.o`).join(' ')}\n`;
    git(fx.repo, ['update-index', '--add', '--cacheinfo', `100644,${git(fx.repo, ['hash-object', '-w', '--stdin'], { input: mk }).trim()},arch/i386/mm/Makefile`]);
    git(fx.repo, ['commit', '-q', '-m', 'drop m19']);
    git(fx.repo, ['checkout', '-q', '-f', 'main']);
    const base = await propose(fx.plan, fx.repo);
    const removal = { id: 'drop-m19', subject: 'i386: mm: remove m19', description: '', author: null, files: ['arch/i386/mm/m19.c'] };
    const rest = base.change.patches.map((p) => ({ ...p, files: p.files.filter((f) => f !== 'arch/i386/mm/m19.c') })).filter((p) => p.files.length > 0);
    const mkAt = indexOfFile(rest, 'arch/i386/mm/Makefile');
    const plan = planWith([{ ...base.change, patches: [removal, ...rest] }], fx.plan);
    const report = await checkSeries(await seriesInput(fx.repo, plan), { runId: 'removed', each: true });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.firstBroken).toBe(`patch 1 of ${rest.length + 1}: arch/i386/mm/Makefile (line 1) still names m19.o, removed by patch 1 until patch ${mkAt + 2} changes it`);
    // The proposal itself never offers that order.
    const again = await propose(fx.plan, fx.repo);
    expect(indexOfFile(again.change.patches, 'arch/i386/mm/m19.c')).toBeGreaterThanOrEqual(indexOfFile(again.change.patches, 'arch/i386/mm/Makefile'));
  });
});

describe('reviewable sizes', () => {
  it('cuts a patch over the limit along its folders, every step still holding together', async () => {
    const fx = makeSparseFork({ copyLines: 60 });
    const plan = planWith([{ type: 'series.settings', maxPatchKb: 16, wholeSupport: false }], fx.plan);
    const { change, notes, sizes, limitKb } = await propose(plan, fx.repo);
    expect(limitKb).toBe(16);
    expect(notes.find((n) => n.startsWith('Split "'))).toMatch(/^Split "i386: xen: add kernel support" \(\d+ KB\) along its folders into \d+ patches of at most 16 KB/);
    // No patch mixes two of the kernel's subfolders.
    for (const p of change.patches) {
      const parts = new Set(p.files.flatMap((f) => KERNEL_PARTS.filter((part) => f.startsWith(`arch/i386/xen/kernel/${part}/`))));
      expect(parts.size).toBeLessThanOrEqual(1);
    }
    expect(sizes.filter((s) => s.overLimit)).toEqual([]);

    const checked = await checkSeries(await seriesInput(fx.repo, planWith([change], plan)), { runId: 'sizes', each: true, build: { name: 'layout', command: layoutCheckScript() } });
    if (!checked.ok) throw new Error(checked.error.message);
    expect(checked.value.firstBroken).toBeNull();
    expect(checked.value.steps.every((s) => s.build?.passed)).toBe(true);
    expect(checked.value.treeMatches).toBe(true);
    // The sizes check reports are those of the patch files it wrote: each under the limit.
    expect(checked.value.sizes.map((s) => s.patchId)).toEqual(change.patches.map((p) => p.id));
    expect(checked.value.sizes.every((s) => s.bytes <= 16 * 1024 && s.bytes > 600)).toBe(true);
  });

  it('flags one file too big to cut with its size, and the whole support in one patch when chosen', async () => {
    const fx = makeSparseFork({ hugeLines: 500 });
    const plan = planWith([{ type: 'series.settings', maxPatchKb: 16, wholeSupport: false }], fx.plan);
    const { change, notes, sizes } = await propose(plan, fx.repo);
    const huge = change.patches.find((p) => p.files.includes('arch/i386/xen/kernel/bigtable.c')) as SeriesPatch;
    expect(huge.files).toEqual(['arch/i386/xen/kernel/bigtable.c']);
    const flagged = sizes.find((s) => s.patchId === huge.id);
    expect(flagged).toMatchObject({ overLimit: true, hugeFile: { path: 'arch/i386/xen/kernel/bigtable.c' } });
    // 500 lines of 60 characters, each with a "+" and a newline: about 30 KB of diff.
    expect(flagged?.hugeFile?.bytes).toBeGreaterThan(500 * 61);
    expect(notes).toContain(`"${huge.subject}" is ${Math.round((flagged?.bytes ?? 0) / 1024)} KB, over the 16 KB limit, and cannot be split: arch/i386/xen/kernel/bigtable.c alone is ${Math.round((flagged?.hugeFile?.bytes ?? 0) / 1024)} KB.`);
    const checked = await checkSeries(await seriesInput(fx.repo, planWith([change], plan)), { runId: 'huge' });
    if (!checked.ok) throw new Error(checked.error.message);
    expect(checked.value.warnings.filter((w) => w.kind === 'over-size').map((w) => w.patchId)).toEqual([huge.id]);

    const whole = planWith([{ type: 'series.settings', maxPatchKb: 16, wholeSupport: true }], fx.plan);
    const one = await propose(whole, fx.repo);
    const added = git(fx.repo, ['diff-tree', '-r', '-z', '--no-renames', '--diff-filter=A', '--name-only', 'upstream', 'xen']).split('\0').filter(Boolean).sort();
    const last = one.change.patches.find((p) => p.files.includes('arch/i386/xen/Makefile')) as SeriesPatch;
    expect(last.files).toEqual(added);
    const size = one.sizes.find((s) => s.patchId === last.id);
    expect(one.notes).toContain(`"${last.subject}" adds the whole support in one patch, as chosen: ${Math.round((size?.bytes ?? 0) / 1024)} KB of mail, over the 16 KB limit.`);
    // The hooks that name the support come after it, even so; the clean-up that needs nothing stays first.
    expect(indexOfFile(one.change.patches, 'arch/i386/Makefile')).toBeGreaterThan(one.change.patches.indexOf(last));
    expect(indexOfFile(one.change.patches, 'include/linux/sched.h')).toBe(0);
  });
});
