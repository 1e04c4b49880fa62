/**
 * A MAINTAINERS file from before 2009 (sections with P:/M:/L:/S: only) on a sparse fork: the
 * import refuses in words and writes nothing, the map is suggested from section titles and
 * lists, and once accepted it gives the cards and each patch's To and Cc, twins included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callRepo } from '../../../electron/core/host';
import type { RepoServices } from '../../../electron/core/context';
import { inverseOf } from '../../../shared/plan/inverse';
import type { ClientCommand } from '../../../shared/plan/events';
import { callOk } from '../series/series-fixture';
import { cleanup, git } from '../../helpers/repo';
import { makeOldMaintainersFork, openFork, PAIRINGS } from './fixture';

let repo: string;
let ctx: RepoServices;
const card = (id: string, files: string[], owner: string | null) => ({ id, name: id, files, source: { kind: 'manual' as const }, owner, state: 'In progress' as const, blocked: null });
const planHead = (): string => git(repo, ['rev-parse', 'refs/merge-sprint/plan']).trim();

beforeAll(async () => {
  repo = makeOldMaintainersFork();
  ctx = await openFork(repo);
  await callOk(ctx, 'sprint.init', { upstreamRef: 'upstream', forkRef: 'xen', pairings: PAIRINGS });
  await callOk(ctx, 'plan.change', { change: { type: 'person.put', person: { id: 'keir', name: 'Keir Fraser', email: 'keir@example.org', color: '#3366cc' } } });
  await callOk(ctx, 'plan.change', {
    change: { type: 'subsystems.replace', subsystems: [card('xen-i386', ['arch/xen/i386/kernel/f0.c'], 'keir'), card('drivers', ['drivers/xen/core/evtchn0.c'], null)] },
  });
}, 60_000);
afterAll(() => {
  ctx.dispose();
  cleanup(repo);
});

describe('a MAINTAINERS file without F: lines', () => {
  it('is refused in words, by the preview and the import alike, and the cards stay as they were', async () => {
    const before = (await ctx.plan.snapshot()).plan.subsystems;
    const head = planHead();
    for (const channel of ['maintainers.preview', 'subsystems.importMaintainers'] as const) {
      const res = await callRepo(ctx, channel, {});
      expect(res.ok).toBe(false);
      if (res.ok) continue;
      expect(res.error.code).toBe('bad-input');
      expect(res.error.message).toContain('has no F: lines, as before 2009; map its sections to folders instead');
    }
    expect((await ctx.plan.snapshot()).plan.subsystems).toEqual(before);
    expect(planHead()).toBe(head);
  });

  it('suggests folders from section titles and lists, and says the file needs a map', async () => {
    const report = await callOk(ctx, 'maintainers.map', {});
    expect(report.needsMap).toBe(true);
    const suggested = Object.fromEntries(report.rows.map((r) => [r.section, r.suggested.map((s) => s.folder)]));
    expect(suggested['X86-64 PORT']).toEqual(['arch/x86_64']);
    expect(suggested['XEN']).toEqual(['arch/xen', 'drivers/xen']);
    expect(suggested['I386 BOOT CODE']).toEqual(['arch/i386/boot']);
    expect(suggested['I386 SETUP CODE / CPU ERRATA WORKAROUNDS']).toEqual(['arch/i386/kernel/cpu']);
    // drivers/usb is not in the sprint's scope, and nothing names THE REST's code.
    expect(suggested['USB SUBSYSTEM']).toEqual([]);
    expect(suggested['THE REST']).toEqual([]);
    const xen = report.rows.find((r) => r.section === 'XEN');
    expect(xen?.maintainers).toEqual(['Keir Fraser <keir@xensource.com>']);
    expect(xen?.suggested[0]?.why).toMatch(/title "XEN" names xen; list xen-devel@lists\.xensource\.com/);
  });

  it('imports through the accepted map after asking what it replaces, and one change undoes it', async () => {
    const report = await callOk(ctx, 'maintainers.map', {});
    const bindings = report.rows.filter((r) => r.suggested.length > 0).map((r) => ({ section: r.section, folders: r.suggested.map((s) => s.folder) }));
    await callOk(ctx, 'plan.change', { change: { type: 'maintainers.map', bindings } });
    expect((await callOk(ctx, 'maintainers.map', {})).rows.find((r) => r.section === 'X86-64 PORT')?.folders).toEqual(['arch/x86_64']);

    const before = (await ctx.plan.snapshot()).plan;
    const preview = await callOk(ctx, 'maintainers.preview', {});
    expect(preview).toMatchObject({ before: 2, kept: 0, mapped: bindings.length });
    // The preview writes nothing.
    expect((await ctx.plan.snapshot()).plan.head).toBe(before.head);

    const imported = await callOk(ctx, 'subsystems.importMaintainers', {});
    const after = imported.snapshot.plan;
    expect(after.subsystemOrder.length).toBe(preview.after);
    const xen = Object.values(after.subsystems).find((s) => s.name === 'XEN');
    expect(xen?.files).toContain('drivers/xen/core/evtchn0.c');
    expect(xen?.files).toContain('arch/xen/i386/kernel/f0.c');
    expect(xen?.source).toEqual({ kind: 'maintainers', include: ['arch/xen/', 'drivers/xen/'], exclude: [] });

    const undo = inverseOf(before, { type: 'subsystems.replace', subsystems: after.subsystemOrder.map((id) => after.subsystems[id]!) });
    expect(undo).not.toBeNull();
    await callOk(ctx, 'plan.change', { change: undo as ClientCommand });
    const back = (await ctx.plan.snapshot()).plan;
    expect(back.subsystems).toEqual(before.subsystems);
    expect(back.subsystemOrder).toEqual(before.subsystemOrder);
  });

  it('gives each patch its To and Cc through the map and the twins, each with its reason', async () => {
    await callOk(ctx, 'series.propose', {});
    const state = await callOk(ctx, 'series.get', {});
    expect(state.recipientsProblem).toBeNull();
    const { patches, patchOrder } = state.series;
    const of = (file: string) => {
      const id = patchOrder.find((p) => patches[p]?.files.includes(file));
      return state.recipients.find((r) => r.patchId === id);
    };
    const x8664 = of('arch/xen/x86_64/kernel/g0.c');
    // Its files are under the XEN section's arch/xen; their twins under arch/x86_64, X86-64 PORT's.
    expect(x8664?.to).toContainEqual({ address: 'Keir Fraser <keir@xensource.com>', reasons: ['M: of XEN'] });
    expect(x8664?.to).toContainEqual({ address: 'Andi Kleen <ak@suse.de>', reasons: ['M: of X86-64 PORT, twin of arch/xen/x86_64'] });
    expect(x8664?.cc).toContainEqual({ address: 'discuss@x86-64.org', reasons: ['L: of X86-64 PORT, twin of arch/xen/x86_64'] });
    expect(x8664?.cc).toContainEqual({ address: 'xen-devel@lists.xensource.com', reasons: ['L: of XEN'] });

    const cpu = of('arch/xen/i386/kernel/cpu/f3.c');
    expect(cpu?.to.map((r) => r.address)).toEqual(expect.arrayContaining(['Dave Jones <davej@codemonkey.org.uk>', '"H. Peter Anvin" <hpa@zytor.com>']));
    expect(of('drivers/xen/core/evtchn0.c')?.to).toContainEqual({ address: 'Keir Fraser <keir@xensource.com>', reasons: ['M: of XEN'] });
  }, 60_000);
});
