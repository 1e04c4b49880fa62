/**
 * `plan.change` takes a client's commands only: an engine event (a rule's phase, a build result,
 * a series version) is refused by name, and a path outside the path rules is refused with the
 * rule's message, both before anything is written. The services still write engine events
 * through the store's `record`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanEventsPush } from '../../../shared/api';
import type { ClientCommand } from '../../../shared/plan/events';
import type { Result } from '../../../shared/result';
import { openRepoServices } from '../../../electron/core/host/services';
import { callRepo } from '../../../electron/core/host';
import type { RepoServices } from '../../../electron/core/context';
import { PLAN_REF } from '../../../electron/core/plan/plan-ref';
import { cleanup, git, makeCommit, makeRepo } from '../../helpers/repo';

let repo: string;
let ctx: RepoServices;
const planHead = (): string => git(repo, ['rev-parse', PLAN_REF]).trim();
const refused = (result: Result<unknown>): { code: string; message: string } => {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};
const must = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const core = { id: 'core', name: 'core', files: ['drivers/xen/core/evtchn.c'], source: { kind: 'manual' }, owner: null, state: 'Backlog', blocked: null };

beforeAll(async () => {
  repo = makeRepo();
  makeCommit(repo, { files: { 'drivers/xen/core/evtchn.c': 'int x;\n', 'README': 'hello\n' } });
  const opened = await openRepoServices(repo, { log: () => undefined });
  if (!opened.ok) throw new Error(opened.error.message);
  ctx = opened.value;
  must(await callRepo(ctx, 'plan.change', { change: { type: 'subsystems.put', subsystems: [core], remove: [] } }));
  must(await callRepo(ctx, 'plan.change', { change: { type: 'series.patch.put', patch: { id: 'p1', subject: 'xen: core', description: '', author: null, files: ['drivers/xen/core/evtchn.c'] } } }));
});
afterAll(() => {
  ctx.dispose();
  cleanup(repo);
});

const ENGINE_EVENTS: Array<{ change: Record<string, unknown>; use: RegExp }> = [
  {
    change: { type: 'rename.put', rule: { id: 'r1', from: 'arch/xen/kernel', to: 'drivers/xen/core', phase: 'moved', copyCommit: 'c0ffee', moveCommit: 'c0ffee' } },
    use: /rename add, copy, finish or abandon/,
  },
  { change: { type: 'rename.remove', ruleId: 'r1' }, use: /rename remove/ },
  { change: { type: 'build.put', build: { id: 'b1', name: 'pwn', command: 'id > /tmp/pwned', last: null } }, use: /build add or build run/ },
  { change: { type: 'build.remove', buildId: 'b1' }, use: /build remove/ },
  { change: { type: 'series.propose', target: 'main', base: 'main', patches: [] }, use: /series propose/ },
  { change: { type: 'series.version', version: { version: 9, tip: 'c0ffee', base: 'c0ffee', at: '2005-07-01T00:00:00Z' } }, use: /series export/ },
];

describe('an engine event from a client', () => {
  it.each(ENGINE_EVENTS.map((e) => [e.change.type, e] as const))('%s is refused by name and nothing is written', async (type, { change, use }) => {
    const before = planHead();
    const e = refused(await callRepo(ctx, 'plan.change', { change }));
    expect(e.message).toContain(`${String(type)} is written by Merge Sprint itself`);
    expect(e.message).toMatch(use);
    expect(planHead()).toBe(before);
  });

  it('is refused by the store itself too, when it arrives untyped', async () => {
    const before = planHead();
    const e = refused(await ctx.plan.change(ENGINE_EVENTS[0]!.change as unknown as ClientCommand, ctx.actor));
    expect(e).toMatchObject({ code: 'refused', message: expect.stringContaining('rename.put is written by Merge Sprint itself') });
    expect(planHead()).toBe(before);
  });

  it('is written by the services through record', async () => {
    const recorded = must(await ctx.plan.record({ type: 'series.version', version: { version: 1, tip: 'a', base: 'b', at: '2005-07-01T00:00:00Z' } }, ctx.actor));
    expect(recorded.plan.series.versions.map((v) => v.version)).toEqual([1]);
  });
});

const BAD_PATHS: Array<[string, RegExp]> = [
  ['../../etc/passwd', /contains "\.\."/],
  ['drivers/xen\0core', /NUL/],
  ['.git/config', /git's own folder/],
  ['--output=x', /starts with "-"/],
  ['/etc/passwd', /is absolute/],
];

const commandsWith = (p: string): Array<[string, Record<string, unknown>]> => [
  ['file.move', { type: 'file.move', path: p, to: 'core' }],
  ['subsystems.put', { type: 'subsystems.put', subsystems: [{ ...core, files: [p] }], remove: [] }],
  ['subsystems.replace', { type: 'subsystems.replace', subsystems: [{ ...core, files: ['README', p] }] }],
  ['subsystem.split', { type: 'subsystem.split', subsystemId: 'core', newId: 'x', name: 'x', files: [p] }],
  ['sprint.init pairing', { type: 'sprint.init', upstreamRef: 'main', forkRef: 'main', pairings: [{ fork: p, upstream: 'arch/i386' }] }],
  ['series.patch.put', { type: 'series.patch.put', patch: { id: 'p2', subject: 's', description: '', author: null, files: [p] } }],
  ['series.patches.put', { type: 'series.patches.put', patches: [{ id: 'p1', subject: 's', description: '', author: null, files: [p] }], remove: [] }],
];

describe('a path outside the path rules in a command', () => {
  const cases = BAD_PATHS.flatMap(([p, why]) => commandsWith(p).map(([what, change]) => [`${what} ${JSON.stringify(p)}`, change, why] as const));
  it.each(cases)('%s is refused with the rule, nothing written', async (_name, change, why) => {
    const before = planHead();
    const e = refused(await callRepo(ctx, 'plan.change', { change }));
    expect(e.code).toBe('bad-input');
    expect(e.message).toMatch(why);
    expect(planHead()).toBe(before);
  });

  it('a good path in the same commands is taken', async () => {
    const moved = must(await callRepo(ctx, 'plan.change', { change: { type: 'subsystems.put', subsystems: [{ ...core, files: ['README', 'drivers/xen/core/evtchn.c'] }], remove: [] } }));
    expect((moved as PlanEventsPush).to).toBe(planHead());
    expect((await ctx.plan.snapshot()).plan.subsystems.core?.files).toEqual(['README', 'drivers/xen/core/evtchn.c']);
  });
});

describe('refs in sprint.init', () => {
  it.each([
    ['--output=x', /starts with "-"/],
    ['main\nHEAD', /control character/],
    ['', /empty/],
  ])('%j is refused, nothing written', async (ref, why) => {
    const before = planHead();
    const e = refused(await callRepo(ctx, 'plan.change', { change: { type: 'sprint.init', upstreamRef: 'main', forkRef: ref, pairings: [] } }));
    expect(e.message).toMatch(/fork ref/);
    expect(e.message).toMatch(why);
    expect(planHead()).toBe(before);
  });
});
