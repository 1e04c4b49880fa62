/** The rename plan through the API as every client calls it: the dispatcher with the real plan store. */
import { afterEach, describe, expect, test } from 'vitest';
import type { Push } from '../../../shared/api';
import { openRepoServices } from '../../../electron/core/host/services';
import { callRepo } from '../../../electron/core/host';
import type { RepoServices } from '../../../electron/core/context';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { BAD_RULES, makeBadRulesRepo } from './bad-rules';
import { DST, SRC, head, makeXenRepo, subject } from './fixture';

const open: RepoServices[] = [];
const repos: string[] = [];
afterEach(() => {
  for (const ctx of open.splice(0)) ctx.dispose();
  cleanup(...repos.splice(0));
});

async function sprint(repo: string, pushes: Push[] = []): Promise<RepoServices> {
  repos.push(repo);
  const opened = await openRepoServices(repo, { actor: { name: 'Ada', email: 'ada@example.org' }, push: (p) => pushes.push(p) });
  if (!opened.ok) throw new Error(opened.error.message);
  open.push(opened.value);
  return opened.value;
}

async function value<T>(result: Promise<{ ok: boolean }>): Promise<T> {
  const r = (await result) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('bad rules are refused through the API, with a message, and nothing is stored', () => {
  test.each(BAD_RULES)('$name', async (bad) => {
    const ctx = await sprint(makeBadRulesRepo());
    if (bad.first) expect((await callRepo(ctx, 'rename.add', bad.first)).ok).toBe(true);
    const before = (await ctx.plan.snapshot()).plan.renameOrder.length;
    const added = await callRepo(ctx, 'rename.add', { from: bad.from, to: bad.to });
    expect(added.ok).toBe(false);
    if (!added.ok) {
      expect(added.error.code).toBe('bad-path');
      expect(added.error.message).toMatch(bad.message);
    }
    expect((await ctx.plan.snapshot()).plan.renameOrder.length).toBe(before);
    // The preview of the same draft flags the same problem without storing anything.
    const preview = await value<{ problems: { message: string }[] }>(callRepo(ctx, 'rename.preview', { from: bad.from, to: bad.to }));
    expect(preview.problems.map((p) => p.message).join(' ')).toMatch(bad.message);
  });

  test('a destination only Windows cannot check out (Linux has drivers/.../aux.c) is stored, with a warning in the preview', async () => {
    const ctx = await sprint(makeXenRepo());
    const preview = await value<{ problems: unknown[]; warnings: { code: string; paths: string[] }[] }>(callRepo(ctx, 'rename.preview', { from: SRC, to: 'drivers/aux' }));
    expect(preview.problems).toEqual([]);
    expect(preview.warnings.map((w) => w.code)).toEqual(['windows-name']);
    expect(preview.warnings[0]?.paths).toContain('drivers/aux/evtchn.c');
    expect((await callRepo(ctx, 'rename.add', { from: SRC, to: 'drivers/aux' })).ok).toBe(true);
  });

  test('requests of the wrong shape are refused by the schema', async () => {
    const ctx = await sprint(makeXenRepo());
    const r = await callRepo(ctx, 'rename.add', { from: SRC });
    expect(r.ok || r.error.code).toBe('bad-input');
    const s = await callRepo(ctx, 'rename.sync', { ruleId: 'x', prefer: 'both' });
    expect(s.ok || s.error.code).toBe('bad-input');
  });
});

test('a whole rename through the API: add, preview, copy, drift, sync, finish, with the plan ref recording each phase', async () => {
  const ctx = await sprint(makeXenRepo());
  const { rule } = await value<{ rule: { id: string } }>(callRepo(ctx, 'rename.add', { from: SRC, to: DST }));
  const preview = await value<{ files: unknown[]; problems: unknown[] }>(callRepo(ctx, 'rename.preview', { ruleId: rule.id }));
  expect(preview.problems).toEqual([]);
  expect(preview.files.length).toBe(git(ctx.repo, ['ls-tree', '-r', '--name-only', '-z', 'HEAD', '--', SRC]).split('\0').filter(Boolean).length);
  await value(callRepo(ctx, 'rename.copy', { ruleIds: [rule.id] }));
  expect(subject(ctx.repo)).toBe(`Interim copy: ${SRC} -> ${DST}`);
  makeCommit(ctx.repo, { files: { [`${SRC}/with space.c`]: 'edited in the source\n' } });
  const drift = await value<{ rules: { files: { rel: string; kind: string }[] }[] }>(callRepo(ctx, 'rename.drift', {}));
  expect(drift.rules[0]?.files.map((f) => [f.rel, f.kind])).toEqual([['with space.c', 'source']]);
  await value(callRepo(ctx, 'rename.sync', { ruleId: rule.id }));
  expect(git(ctx.repo, ['show', `HEAD:${DST}/with space.c`])).toBe('edited in the source\n');
  await value(callRepo(ctx, 'rename.finish', { ruleId: rule.id }));
  expect(subject(ctx.repo)).toBe(`Move ${SRC} -> ${DST}`);
  const list = await value<{ rules: { rule: { phase: string; moveCommit: string } }[] }>(callRepo(ctx, 'rename.list', {}));
  expect(list.rules[0]?.rule).toMatchObject({ phase: 'moved', moveCommit: head(ctx.repo) });
  // Another process reading the plan ref sees the same.
  const other = await sprint(ctx.repo);
  expect((await other.plan.snapshot()).plan.renames[rule.id]?.phase).toBe('moved');
  expect(git(ctx.repo, ['status', '--porcelain'])).toBe('');
});

test('a build check through the API: started at once, its log and result pushed, the result in the plan', async () => {
  const pushes: Push[] = [];
  const ctx = await sprint(makeXenRepo(), pushes);
  const build = await value<{ id: string }>(callRepo(ctx, 'build.add', { name: 'old layout', command: 'ls arch/xen/kernel/evtchn.c && echo built' }));
  const started = await value<{ runId: string; commit: string }>(callRepo(ctx, 'build.run', { buildId: build.id }));
  expect(started.commit).toBe(head(ctx.repo));
  for (let i = 0; i < 400 && !pushes.some((p) => p.type === 'build.done'); i++) await new Promise((r) => setTimeout(r, 25));
  const log = pushes.flatMap((p) => (p.type === 'build.log' && p.runId === started.runId ? [p.chunk] : [])).join('');
  expect(log).toContain('built');
  const done = pushes.find((p) => p.type === 'build.done');
  expect(done?.type === 'build.done' && done.result).toMatchObject({ runId: started.runId, passed: true, exitCode: 0, commit: started.commit });
  const list = await value<{ builds: { last: { passed: boolean; commit: string } | null }[] }>(callRepo(ctx, 'build.list', {}));
  expect(list.builds[0]?.last).toMatchObject({ passed: true, commit: started.commit });
  expect((await callRepo(ctx, 'build.cancel', { runId: started.runId })).ok).toBe(true);
});

test('rename.hooks and rename.setHooks: the clone\'s setting through the API, checked by the schema', async () => {
  const ctx = await sprint(makeXenRepo());
  expect(await value<{ on: boolean }>(callRepo(ctx, 'rename.hooks', {}))).toEqual({ on: false });
  expect(await value<{ on: boolean }>(callRepo(ctx, 'rename.setHooks', { on: true }))).toEqual({ on: true });
  expect(git(ctx.repo, ['config', '--local', '--get', 'merge-sprint.runHooks']).trim()).toBe('true');
  expect(await value<{ on: boolean }>(callRepo(ctx, 'rename.hooks', {}))).toEqual({ on: true });
  const bad = await callRepo(ctx, 'rename.setHooks', { on: 'yes' });
  expect(bad.ok || bad.error.code).toBe('bad-input');
  expect(await value<{ on: boolean }>(callRepo(ctx, 'rename.setHooks', { on: false }))).toEqual({ on: false });
  // A value git cannot read as yes or no is an error in git's words, not a guess.
  git(ctx.repo, ['config', 'merge-sprint.runHooks', 'banana']);
  const unreadable = await callRepo(ctx, 'rename.hooks', {});
  expect(unreadable.ok || unreadable.error.message).toMatch(/bad boolean config value 'banana'/);
});
