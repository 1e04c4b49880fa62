/**
 * A rule into a folder that exists already with other files (Linux's `arch/xen/kernel` ->
 * `drivers/xen/core`, where skbuff.c and features.c were): the copy adds its files next to
 * them, and every later step (drift, sync, finish, abandon, the inventory's marks) treats only
 * the files the copy made as the rule's. The folder's own files, and uncommitted work in them,
 * are never touched.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Inventory, InventoryFile } from '../../../shared/model';
import { abandonRule } from '../../../electron/core/rename/abandon';
import { copyRules } from '../../../electron/core/rename/copy';
import { driftOf } from '../../../electron/core/rename/drift';
import { finishRule } from '../../../electron/core/rename/finish';
import { withInterimCopies } from '../../../electron/core/rename/interim';
import { addRule } from '../../../electron/core/rename/rules';
import { syncRule } from '../../../electron/core/rename/sync';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { AWKWARD, DST, SRC, head, lines, makeXenRepo, statusZ, subject, treeOf, changesByGit } from './fixture';
import { renameContext } from './memory-plan';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

/** The destination's own files, committed before any rule: one shares a subfolder with the source. */
const OWN: Record<string, string> = {
  [`${DST}/skbuff.c`]: lines(20, 'skbuff'),
  [`${DST}/features.c`]: lines(20, 'features'),
  [`${DST}/sub dir/own.h`]: lines(10, 'own'),
};
const SOURCE_FILES = Object.keys(AWKWARD).length + 3;

const blob = (repo: string, rev: string, p: string): string => git(repo, ['rev-parse', `${rev}:${p}`]).trim();
const ownBlobs = (repo: string, rev: string): string[] => Object.keys(OWN).map((p) => blob(repo, rev, p));
const names = (repo: string, rev: string, dir: string): string[] => git(repo, ['ls-tree', '-r', '--name-only', '-z', rev, '--', dir]).split('\0').filter(Boolean).sort();

function repoWithOwnFiles(): string {
  const repo = makeXenRepo();
  repos.push(repo);
  makeCommit(repo, { files: OWN, message: 'drivers/xen/core exists already' });
  return repo;
}

async function copied() {
  const repo = repoWithOwnFiles();
  const ctx = renameContext(repo);
  const added = await addRule(ctx, SRC, DST);
  if (!added.ok) throw new Error(added.error.message);
  const before = head(repo);
  const made = await copyRules(ctx, { all: true });
  if (!made.ok) throw new Error(made.error.message);
  return { repo, ctx, id: added.value.rule.id, before, copy: made.value.copies[0]?.commit as string };
}

async function driftKinds(ctx: ReturnType<typeof renameContext>) {
  const drift = await driftOf(ctx);
  if (!drift.ok) throw new Error(drift.error.message);
  return Object.fromEntries(drift.value.flatMap((r) => r.files.map((f) => [f.rel, f.kind])));
}

describe('a rule into a folder that holds other files', () => {
  test('the copy adds its files next to them in one commit; an uncommitted edit to one survives the copy and the finish', async () => {
    const repo = repoWithOwnFiles();
    const ctx = renameContext(repo);
    const added = await addRule(ctx, SRC, DST);
    if (!added.ok) throw new Error(added.error.message);
    expect(added.value.check.problems).toEqual([]);
    const before = head(repo);
    const edited = `${lines(20, 'skbuff')}uncommitted\n`;
    writeFileSync(path.join(repo, `${DST}/skbuff.c`), edited);

    const made = await copyRules(ctx, { all: true });
    if (!made.ok) throw new Error(made.error.message);
    expect(git(repo, ['rev-list', '--count', `${before}..HEAD`]).trim()).toBe('1');
    expect(subject(repo)).toBe(`Interim copy: ${SRC} -> ${DST}`);
    expect(ownBlobs(repo, 'HEAD')).toEqual(ownBlobs(repo, before));
    // The commit adds exactly the source's files, each as the source's blob and mode.
    const addedFiles = git(repo, ['diff', '--name-status', '-z', before, 'HEAD']).split('\0').filter(Boolean);
    expect(addedFiles.filter((_, i) => i % 2 === 0)).toEqual(Array(SOURCE_FILES).fill('A'));
    for (const rel of Object.keys(AWKWARD)) expect(blob(repo, 'HEAD', `${DST}/${rel}`)).toBe(blob(repo, 'HEAD', `${SRC}/${rel}`));
    expect(readFileSync(path.join(repo, `${DST}/skbuff.c`), 'utf8')).toBe(edited);
    expect(statusZ(repo)).toBe(` M ${DST}/skbuff.c\0`);
    expect(await driftKinds(ctx)).toEqual({});

    const finished = await finishRule(ctx, added.value.rule.id);
    if (!finished.ok) throw new Error(finished.error.message);
    expect(readFileSync(path.join(repo, `${DST}/skbuff.c`), 'utf8')).toBe(edited);
    expect(statusZ(repo)).toBe(` M ${DST}/skbuff.c\0`);
    expect(ownBlobs(repo, 'HEAD')).toEqual(ownBlobs(repo, before));
    const byGit = changesByGit(repo, before, 'HEAD');
    expect(byGit).toHaveLength(SOURCE_FILES);
    for (const change of byGit) {
      expect(change.status).toBe('R100');
      expect(change.paths[1]).toBe(`${DST}/${(change.paths[0] as string).slice(SRC.length + 1)}`);
    }
    expect(finished.value.renames).toEqual({ renamed: SOURCE_FILES, exact: SOURCE_FILES, notRenamed: [] });
  });

  test('a file added to the source with the name of one of the folder\'s own files is drift on both sides: a sync never writes over it', async () => {
    const { repo, ctx, id } = await copied();
    const own = blob(repo, 'HEAD', `${DST}/skbuff.c`);
    makeCommit(repo, { files: { [`${SRC}/skbuff.c`]: 'a different skbuff.c, new in the source\n' } });
    expect(await driftKinds(ctx)).toEqual({ 'skbuff.c': 'both' });
    const synced = await syncRule(ctx, id);
    expect(blob(repo, 'HEAD', `${DST}/skbuff.c`)).toBe(own);
    expect(readFileSync(path.join(repo, `${DST}/skbuff.c`), 'utf8')).toBe(OWN[`${DST}/skbuff.c`]);
    expect(synced.ok && synced.value.conflicts.map((c) => c.rel)).toEqual(['skbuff.c']);
    expect(synced.ok && synced.value.commit).toBeNull();
  });

  test('drift ignores the folder\'s own files, changed or removed, and sees real edits; sync carries them', async () => {
    const { repo, ctx, id } = await copied();
    makeCommit(repo, { files: { [`${DST}/features.c`]: 'changed on its own\n', [`${DST}/sub dir/own.h`]: null, [`${DST}/later.c`]: 'added after the copy\n' } });
    expect(await driftKinds(ctx)).toEqual({ 'later.c': 'destination' });
    makeCommit(repo, { files: { [`${DST}/later.c`]: null } });
    expect(await driftKinds(ctx)).toEqual({});

    const text = (AWKWARD['evtchn.c'] as string).replace('evtchn 3\n', 'evtchn three\n');
    makeCommit(repo, { files: { [`${DST}/evtchn.c`]: text } });
    expect(await driftKinds(ctx)).toEqual({ 'evtchn.c': 'destination' });
    const featuresBefore = blob(repo, 'HEAD', `${DST}/features.c`);
    const synced = await syncRule(ctx, id);
    if (!synced.ok) throw new Error(synced.error.message);
    expect(synced.value.commit).toBe(head(repo));
    expect(git(repo, ['show', `HEAD:${SRC}/evtchn.c`])).toBe(text);
    expect(git(repo, ['diff', '--name-only', 'HEAD^', 'HEAD']).trim()).toBe(`${SRC}/evtchn.c`);
    expect(blob(repo, 'HEAD', `${DST}/features.c`)).toBe(featuresBefore);
    expect(await driftKinds(ctx)).toEqual({});
    expect(statusZ(repo)).toBe('');
  });

  test('abandon while the copy is the tip: the branch goes back, the folder\'s own files and an uncommitted edit stay', async () => {
    const { repo, ctx, id, before } = await copied();
    const edited = 'uncommitted work\n';
    writeFileSync(path.join(repo, `${DST}/features.c`), edited);
    const abandoned = await abandonRule(ctx, id);
    if (!abandoned.ok) throw new Error(abandoned.error.message);
    expect(abandoned.value).toMatchObject({ dropped: true, commit: null });
    expect(head(repo)).toBe(before);
    expect(names(repo, 'HEAD', DST)).toEqual(Object.keys(OWN).sort());
    expect(readFileSync(path.join(repo, `${DST}/features.c`), 'utf8')).toBe(edited);
    expect(readFileSync(path.join(repo, `${DST}/skbuff.c`), 'utf8')).toBe(OWN[`${DST}/skbuff.c`]);
    expect(readFileSync(path.join(repo, `${DST}/sub dir/own.h`), 'utf8')).toBe(OWN[`${DST}/sub dir/own.h`]);
    expect(statusZ(repo)).toBe(` M ${DST}/features.c\0`);
  });

  test('abandon with commits on top: one commit removes only the copies, the folder\'s own files stay', async () => {
    const { repo, ctx, id, before } = await copied();
    makeCommit(repo, { files: { 'README': 'later\n' } });
    const edited = 'uncommitted work\n';
    writeFileSync(path.join(repo, `${DST}/skbuff.c`), edited);
    const abandoned = await abandonRule(ctx, id);
    if (!abandoned.ok) throw new Error(abandoned.error.message);
    expect(abandoned.value).toMatchObject({ dropped: false, commit: head(repo) });
    expect(subject(repo)).toBe(`Abandon interim copy: ${SRC} -> ${DST}`);
    expect(treeOf(repo, 'HEAD', DST)).toBe(treeOf(repo, before, DST));
    expect(git(repo, ['diff', '--name-status', 'HEAD^', 'HEAD']).trim().split('\n')).toHaveLength(SOURCE_FILES);
    expect(readFileSync(path.join(repo, `${DST}/skbuff.c`), 'utf8')).toBe(edited);
    expect(readFileSync(path.join(repo, `${DST}/sub dir/own.h`), 'utf8')).toBe(OWN[`${DST}/sub dir/own.h`]);
    expect(statusZ(repo)).toBe(` M ${DST}/skbuff.c\0`);
  });

  test('uncommitted work on a path the copy writes is refused, naming it', async () => {
    const repo = repoWithOwnFiles();
    const ctx = renameContext(repo);
    const added = await addRule(ctx, SRC, DST);
    if (!added.ok) throw new Error(added.error.message);
    const tip = head(repo);
    writeFileSync(path.join(repo, `${DST}/evtchn.c`), 'untracked, in the way\n');
    const made = await copyRules(ctx, { all: true });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.error.message).toMatch(/Uncommitted work is where this operation writes: "drivers\/xen\/core\/evtchn.c" \(untracked\)/);
    expect(head(repo)).toBe(tip);
  });

  test('a destination file that exists with other content is refused, naming it, when adding and when copying', async () => {
    const repo = repoWithOwnFiles();
    const ctx = renameContext(repo);
    makeCommit(repo, { files: { [`${DST}/evtchn.c`]: 'not the source\n' } });
    const refused = await addRule(ctx, SRC, DST);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/files the copy would write exist already with other content \("drivers\/xen\/core\/evtchn.c"\)/);

    makeCommit(repo, { files: { [`${DST}/evtchn.c`]: null } });
    const added = await addRule(ctx, SRC, DST);
    if (!added.ok) throw new Error(added.error.message);
    makeCommit(repo, { files: { [`${DST}/evtchn.c`]: 'not the source\n' } });
    const tip = head(repo);
    const made = await copyRules(ctx, { all: true });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.error.message).toMatch(/cannot be copied: .*"drivers\/xen\/core\/evtchn.c"/);
    expect(head(repo)).toBe(tip);
    expect(statusZ(repo)).toBe('');
  });

  test('the inventory marks the copies, never the folder\'s own files (even once the source has a file of the same name)', async () => {
    const { repo, ctx } = await copied();
    makeCommit(repo, { files: { [`${SRC}/skbuff.c`]: 'a source file named like a file the folder had\n' } });
    const rules = Object.values((await ctx.plan.snapshot()).plan.renames);
    const file = (p: string): InventoryFile => ({ path: p, upstreamPath: p, status: 'fork-only', added: 1, removed: 0, binary: false });
    const paths = [`${SRC}/evtchn.c`, `${DST}/evtchn.c`, `${SRC}/skbuff.c`, `${DST}/skbuff.c`, `${DST}/features.c`];
    const inventory = { forkCommit: head(repo), files: paths.map(file) } as unknown as Inventory;
    const marked = (await withInterimCopies(repo, inventory, rules)).files;
    expect(marked.map((f) => [f.path, f.interimCopyAt ?? null, f.interimCopyOf ?? null])).toEqual([
      [`${SRC}/evtchn.c`, `${DST}/evtchn.c`, null],
      [`${DST}/evtchn.c`, null, `${SRC}/evtchn.c`],
      [`${SRC}/skbuff.c`, null, null],
      [`${DST}/skbuff.c`, null, null],
      [`${DST}/features.c`, null, null],
    ]);
  });
});
