import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { driftOf } from '../../../electron/core/rename/drift';
import { syncRule } from '../../../electron/core/rename/sync';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { AWKWARD, BINARY, DST, SRC, head, lines, statusZ, subject, workFile } from './fixture';
import { copiedRule } from './copied-rule';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

const copied = () => copiedRule(repos);

async function driftKinds(ctx: Awaited<ReturnType<typeof copied>>['ctx']) {
  const drift = await driftOf(ctx);
  if (!drift.ok) throw new Error(drift.error.message);
  return Object.fromEntries(drift.value.flatMap((r) => r.files.map((f) => [f.rel, f.kind])));
}

const blob = (repo: string, rev: string, p: string): string => git(repo, ['rev-parse', `${rev}:${p}`]).trim();
const show = (repo: string, rev: string, p: string): string => git(repo, ['show', `${rev}:${p}`]);

describe('drift', () => {
  test('none right after the copy', async () => {
    const { ctx } = await copied();
    expect(await driftKinds(ctx)).toEqual({});
  });

  test('per file: only the source, only the destination, both; added and deleted files too', async () => {
    const { repo, ctx } = await copied();
    makeCommit(repo, {
      files: {
        [`${SRC}/with space.c`]: 'source edit\n',
        [`${DST}/"quoted" name.c`]: 'destination edit\n',
        [`${SRC}/evtchn.c`]: 'source side\n',
        [`${DST}/evtchn.c`]: 'destination side\n',
        [`${SRC}/new\nline.c`]: null,
        [`${DST}/added.c`]: 'new in destination\n',
        [`${SRC}/ünïcödé.c`]: 'same change\n',
        [`${DST}/ünïcödé.c`]: 'same change\n',
      },
    });
    expect(await driftKinds(ctx)).toEqual({
      'with space.c': 'source',
      '"quoted" name.c': 'destination',
      'evtchn.c': 'both',
      'new\nline.c': 'source',
      'added.c': 'destination',
    });
  });

  test('a mode change is drift', async () => {
    const { repo, ctx } = await copied();
    makeCommit(repo, { files: { [`${DST}/run.sh`]: '#!/bin/sh\necho run\n' } });
    expect(await driftKinds(ctx)).toEqual({ 'run.sh': 'destination' });
  });
});

describe('sync', () => {
  test('carries one-sided changes to the other copy, in one commit, keeping modes and links', async () => {
    const { repo, ctx, id } = await copied();
    makeCommit(repo, {
      files: {
        [`${SRC}/with space.c`]: 'source edit\n',
        [`${DST}/"quoted" name.c`]: 'destination edit\n',
        [`${SRC}/new\nline.c`]: null,
        [`${DST}/added.sh`]: { content: 'added\n', executable: true },
        [`${SRC}/link`]: { symlink: 'with space.c' },
      },
    });
    const before = head(repo);
    const synced = await syncRule(ctx, id);
    expect(synced.ok).toBe(true);
    if (!synced.ok) return;
    expect(synced.value.conflicts).toEqual([]);
    expect(synced.value.carried.map((f) => f.rel).sort()).toEqual(['"quoted" name.c', 'added.sh', 'link', 'new\nline.c', 'with space.c']);
    expect(git(repo, ['rev-parse', 'HEAD^']).trim()).toBe(before);
    expect(subject(repo)).toBe(`Sync interim copy: ${SRC} <-> ${DST}`);
    expect(git(repo, ['ls-tree', '-r', '-z', `HEAD:${SRC}`])).toBe(git(repo, ['ls-tree', '-r', '-z', `HEAD:${DST}`]));
    expect(show(repo, 'HEAD', `${DST}/with space.c`)).toBe('source edit\n');
    expect(show(repo, 'HEAD', `${SRC}/"quoted" name.c`)).toBe('destination edit\n');
    expect(workFile(repo, `${SRC}/added.sh`).exec).toBe(true);
    expect(workFile(repo, `${DST}/link`)).toEqual({ kind: 'link', data: 'with space.c', exec: false });
    expect(workFile(repo, `${DST}/new\nline.c`).kind).toBe('missing');
    expect(statusZ(repo)).toBe('');
    expect(await driftKinds(ctx)).toEqual({});
  });

  test('merges changes on both sides three-way, writing the result to both copies', async () => {
    const { repo, ctx, id } = await copied();
    const base = AWKWARD['evtchn.c'] as string;
    makeCommit(repo, {
      files: {
        [`${SRC}/evtchn.c`]: base.replace('evtchn 2\n', 'evtchn 2 (source)\n'),
        [`${DST}/evtchn.c`]: base.replace('evtchn 25\n', 'evtchn 25 (destination)\n'),
      },
    });
    const synced = await syncRule(ctx, id);
    expect(synced.ok && synced.value.merged).toEqual(['evtchn.c']);
    // What git merge-file itself makes of the three versions, as the expected result.
    const expected = base.replace('evtchn 2\n', 'evtchn 2 (source)\n').replace('evtchn 25\n', 'evtchn 25 (destination)\n');
    expect(show(repo, 'HEAD', `${SRC}/evtchn.c`)).toBe(expected);
    expect(show(repo, 'HEAD', `${DST}/evtchn.c`)).toBe(expected);
    expect(statusZ(repo)).toBe('');
    const { plan } = await ctx.plan.snapshot();
    expect(plan.renames[id]?.syncCommit).toBe(head(repo));
  });

  test('a conflicting merge is not written but returned with its hunks; the rest is synced', async () => {
    const { repo, ctx, id } = await copied();
    const base = AWKWARD['evtchn.c'] as string;
    makeCommit(repo, {
      files: {
        [`${SRC}/evtchn.c`]: base.replace('evtchn 5\n', 'source five\n'),
        [`${DST}/evtchn.c`]: base.replace('evtchn 5\n', 'destination five\n'),
        [`${SRC}/with space.c`]: 'carried\n',
      },
    });
    const tip = head(repo);
    const synced = await syncRule(ctx, id);
    if (!synced.ok) throw new Error(synced.error.message);
    expect(synced.value.conflicts).toEqual([
      {
        rel: 'evtchn.c',
        sourcePath: `${SRC}/evtchn.c`,
        destinationPath: `${DST}/evtchn.c`,
        reason: 'content',
        hunks: [{ line: 6, source: ['source five'], base: ['evtchn 5'], destination: ['destination five'] }],
      },
    ]);
    expect(blob(repo, 'HEAD', `${SRC}/evtchn.c`)).toBe(blob(repo, tip, `${SRC}/evtchn.c`));
    expect(blob(repo, 'HEAD', `${DST}/evtchn.c`)).toBe(blob(repo, tip, `${DST}/evtchn.c`));
    expect(show(repo, 'HEAD', `${DST}/with space.c`)).toBe('carried\n');
    // The base stays the copy while files still differ.
    expect((await ctx.plan.snapshot()).plan.renames[id]?.syncCommit).toBeNull();
    expect(await driftKinds(ctx)).toEqual({ 'evtchn.c': 'both' });
  });

  test('only conflicts: nothing is committed', async () => {
    const { repo, ctx, id } = await copied();
    makeCommit(repo, { files: { [`${SRC}/evtchn.c`]: 'a\n', [`${DST}/evtchn.c`]: 'b\n' } });
    const tip = head(repo);
    const synced = await syncRule(ctx, id);
    expect(synced.ok && synced.value.commit).toBeNull();
    expect(head(repo)).toBe(tip);
  });

  test('binary files, deletions on one side and clashing modes are conflicts with their reason', async () => {
    const { repo, ctx, id } = await copied();
    makeCommit(repo, {
      files: {
        [`${SRC}/blob.bin`]: Buffer.concat([BINARY, Buffer.from([1])]),
        [`${DST}/blob.bin`]: Buffer.concat([BINARY, Buffer.from([2])]),
        [`${SRC}/with space.c`]: null,
        [`${DST}/with space.c`]: 'edited\n',
        [`${SRC}/link`]: { symlink: 'a' },
        [`${DST}/link`]: { symlink: 'b' },
      },
    });
    const synced = await syncRule(ctx, id);
    if (!synced.ok) throw new Error(synced.error.message);
    expect(Object.fromEntries(synced.value.conflicts.map((c) => [c.rel, c.reason]))).toEqual({
      'blob.bin': 'binary',
      'with space.c': 'deleted-on-one-side',
      link: 'symlink',
    });
  });

  test('with a preferred side, conflicts take that side', async () => {
    const { repo, ctx, id } = await copied();
    makeCommit(repo, { files: { [`${SRC}/evtchn.c`]: 'a\n', [`${DST}/evtchn.c`]: 'b\n', [`${SRC}/blob.bin`]: Buffer.from([0, 9]), [`${DST}/blob.bin`]: Buffer.from([0, 8]) } });
    const synced = await syncRule(ctx, id, 'destination');
    expect(synced.ok && synced.value.conflicts).toEqual([]);
    expect(show(repo, 'HEAD', `${SRC}/evtchn.c`)).toBe('b\n');
    expect(blob(repo, 'HEAD', `${SRC}/blob.bin`)).toBe(blob(repo, 'HEAD', `${DST}/blob.bin`));
    expect(await driftKinds(ctx)).toEqual({});
  });

  test('after a clean sync, the sync is the base: a later one-sided change is carried, not merged', async () => {
    const { repo, ctx, id } = await copied();
    makeCommit(repo, { files: { [`${SRC}/evtchn.c`]: lines(30, 'v2') } });
    expect((await syncRule(ctx, id)).ok).toBe(true);
    makeCommit(repo, { files: { [`${DST}/evtchn.c`]: lines(30, 'v3') } });
    expect(await driftKinds(ctx)).toEqual({ 'evtchn.c': 'destination' });
  });

  test('refuses when a file it would write has uncommitted changes, naming it', async () => {
    const { repo, ctx, id } = await copied();
    makeCommit(repo, { files: { [`${SRC}/with space.c`]: 'source edit\n' } });
    writeFileSync(path.join(repo, DST, 'with space.c'), 'my unsaved work\n');
    const tip = head(repo);
    const synced = await syncRule(ctx, id);
    expect(synced.ok).toBe(false);
    if (!synced.ok) expect(synced.error.message).toContain('"drivers/xen/core/with space.c" (modified)');
    expect(head(repo)).toBe(tip);
    expect(workFile(repo, `${DST}/with space.c`).data).toBe(Buffer.from('my unsaved work\n').toString('base64'));
  });
});
