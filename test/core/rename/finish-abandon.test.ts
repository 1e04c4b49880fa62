import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { abandonRule } from '../../../electron/core/rename/abandon';
import { finishRule } from '../../../electron/core/rename/finish';
import { oldPathReferences } from '../../../electron/core/rename/references';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { AWKWARD, DST, SRC, head, statusZ, subject, treeOf, workFile, changesByGit } from './fixture';
import { copiedRule } from './copied-rule';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

const copied = () => copiedRule(repos);

describe('finish move', () => {
  test('one commit removes the sources; across copy and move git sees every file as an unchanged rename', async () => {
    const { repo, ctx, id, copy } = await copied();
    const before = git(repo, ['rev-parse', `${copy}^`]).trim();
    const finished = await finishRule(ctx, id);
    if (!finished.ok) throw new Error(finished.error.message);
    expect(subject(repo)).toBe(`Move ${SRC} -> ${DST}`);
    expect(git(repo, ['ls-tree', '-r', '--name-only', 'HEAD', '--', SRC]).trim()).toBe('');
    expect(treeOf(repo, 'HEAD', DST)).toBe(treeOf(repo, before, SRC));
    const byGit = changesByGit(repo, before, 'HEAD');
    const count = Object.keys(AWKWARD).length + 3;
    expect(byGit).toHaveLength(count);
    for (const change of byGit) {
      expect(change.status).toBe('R100');
      expect(change.paths[1]).toBe(`${DST}/${(change.paths[0] as string).slice(SRC.length + 1)}`);
    }
    expect(finished.value.renames).toEqual({ renamed: count, exact: count, notRenamed: [] });
    expect(workFile(repo, `${SRC}/evtchn.c`).kind).toBe('missing');
    expect(statusZ(repo)).toBe('');
    expect((await ctx.plan.snapshot()).plan.renames[id]).toMatchObject({ phase: 'moved', moveCommit: head(repo) });
  });

  test('an edited and synced file shows as a rename with its similarity', async () => {
    const { repo, ctx, id, copy } = await copied();
    const text = (AWKWARD['evtchn.c'] as string).replace('evtchn 4\n', 'evtchn four\n');
    makeCommit(repo, { files: { [`${SRC}/evtchn.c`]: text, [`${DST}/evtchn.c`]: text } });
    const finished = await finishRule(ctx, id);
    if (!finished.ok) throw new Error(finished.error.message);
    const evtchn = changesByGit(repo, `${copy}^`, 'HEAD').find((c) => c.paths[0] === `${SRC}/evtchn.c`);
    // Edited, so similar but not identical: R050 to R099 (git pads the score to three digits).
    expect(evtchn?.status).toMatch(/^R0[5-9]\d$/);
    expect(finished.value.renames.exact).toBe(finished.value.renames.renamed - 1);
  });

  test('refused while the copies drift, naming the files', async () => {
    const { repo, ctx, id } = await copied();
    makeCommit(repo, { files: { [`${DST}/with space.c`]: 'destination only\n' } });
    const tip = head(repo);
    const finished = await finishRule(ctx, id);
    expect(finished.ok).toBe(false);
    if (!finished.ok) expect(finished.error.message).toMatch(/drift apart: "with space.c" \(changed in the destination\)/);
    expect(head(repo)).toBe(tip);
  });

  test('with the source preferred, the destination takes the source versions', async () => {
    const { repo, ctx, id } = await copied();
    makeCommit(repo, { files: { [`${SRC}/evtchn.c`]: 'source wins\n', [`${DST}/evtchn.c`]: 'destination loses\n', [`${DST}/extra.c`]: 'only here\n' } });
    const finished = await finishRule(ctx, id, 'source');
    expect(finished.ok).toBe(true);
    expect(git(repo, ['show', `HEAD:${DST}/evtchn.c`])).toBe('source wins\n');
    expect(git(repo, ['ls-tree', '--name-only', 'HEAD', '--', `${DST}/extra.c`]).trim()).toBe('');
    expect(workFile(repo, `${DST}/extra.c`).kind).toBe('missing');
    expect(statusZ(repo)).toBe('');
  });

  test('with the destination preferred, the destination stays as it is', async () => {
    const { repo, ctx, id } = await copied();
    makeCommit(repo, { files: { [`${SRC}/evtchn.c`]: 'source loses\n', [`${DST}/evtchn.c`]: 'destination wins\n' } });
    expect((await finishRule(ctx, id, 'destination')).ok).toBe(true);
    expect(git(repo, ['show', `HEAD:${DST}/evtchn.c`])).toBe('destination wins\n');
  });

  test('refused when the source holds uncommitted or untracked work, naming it; ignored build products are no obstacle', async () => {
    const { repo, ctx, id } = await copied();
    writeFileSync(path.join(repo, '.git', 'info', 'exclude'), '*.o\n');
    writeFileSync(path.join(repo, SRC, 'evtchn.o'), 'object\n');
    writeFileSync(path.join(repo, SRC, 'forgotten.c'), 'not added yet\n');
    const tip = head(repo);
    const finished = await finishRule(ctx, id);
    expect(finished.ok).toBe(false);
    if (!finished.ok) expect(finished.error.message).toMatch(/forgotten.c" \(untracked\)/);
    expect(head(repo)).toBe(tip);
    rmSync(path.join(repo, SRC, 'forgotten.c'));
    expect((await finishRule(ctx, id)).ok).toBe(true);
    expect(workFile(repo, `${SRC}/evtchn.o`).kind).toBe('file');
  });
});

describe('abandon copy', () => {
  test('with nothing built on it, the copy commit is dropped and its files removed', async () => {
    const { repo, ctx, id, copy } = await copied();
    const parent = git(repo, ['rev-parse', `${copy}^`]).trim();
    const abandoned = await abandonRule(ctx, id);
    expect(abandoned.ok && abandoned.value).toEqual({ ruleId: id, commit: null, dropped: true });
    expect(head(repo)).toBe(parent);
    expect(workFile(repo, `${DST}/evtchn.c`).kind).toBe('missing');
    expect(statusZ(repo)).toBe('');
    expect((await ctx.plan.snapshot()).plan.renames[id]?.phase).toBe('abandoned');
  });

  test('with commits on top, a commit removes the destination files', async () => {
    const { repo, ctx, id } = await copied();
    const tip = makeCommit(repo, { files: { README: 'later work\n' } });
    const abandoned = await abandonRule(ctx, id);
    expect(abandoned.ok && abandoned.value.dropped).toBe(false);
    expect(git(repo, ['rev-parse', 'HEAD^']).trim()).toBe(tip);
    expect(subject(repo)).toBe(`Abandon interim copy: ${SRC} -> ${DST}`);
    expect(git(repo, ['ls-tree', '-r', '--name-only', 'HEAD', '--', DST]).trim()).toBe('');
    expect(git(repo, ['show', 'HEAD:README'])).toBe('later work\n');
    expect(statusZ(repo)).toBe('');
  });

  test('refuses to throw away changes made only in the destination unless told to', async () => {
    const { repo, ctx, id } = await copied();
    makeCommit(repo, { files: { [`${DST}/evtchn.c`]: 'destination work\n' } });
    const refused = await abandonRule(ctx, id);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/evtchn.c.*discarded/);
    expect((await abandonRule(ctx, id, { discardDestinationChanges: true })).ok).toBe(true);
  });

  test('refuses with uncommitted work in the destination', async () => {
    const { repo, ctx, id, copy } = await copied();
    mkdirSync(path.join(repo, DST, 'new'), { recursive: true });
    writeFileSync(path.join(repo, DST, 'new', 'mine.c'), 'mine\n');
    expect((await abandonRule(ctx, id)).ok).toBe(false);
    expect(head(repo)).toBe(copy);
  });
});

describe('old-path references', () => {
  test('lists #include, Makefile and Kconfig lines naming the source, not the source itself', async () => {
    const { ctx, id } = await copied();
    const refs = await oldPathReferences(ctx, id);
    if (!refs.ok) throw new Error(refs.error.message);
    expect(refs.value[0]?.references).toEqual([
      { path: 'Makefile', line: 1, text: 'obj-y += arch/xen/kernel/', kind: 'makefile' },
      { path: 'arch/xen/Kconfig', line: 1, text: 'source "arch/xen/kernel/Kconfig"', kind: 'kconfig' },
      { path: 'kernel/sched.c', line: 2, text: '#include "../arch/xen/kernel/evtchn.h"', kind: 'include' },
    ]);
  });
});
