/**
 * Names the file system refuses: a copy whose names it cannot hold is refused before the branch
 * moves; a write that fails anyway (here a required smudge filter that fails, after git wrote
 * some of the files) puts the branch back and removes what it wrote, in the operation and in a
 * recovery; either way every later command works.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { copyRules } from '../../../electron/core/rename/copy';
import { recoverRenames } from '../../../electron/core/rename/recover';
import { addRule } from '../../../electron/core/rename/rules';
import { cleanup, git } from '../../helpers/repo';
import { crashAt } from './crash';
import { SRC, head, makeXenRepo, statusZ } from './fixture';
import { renameContext } from './memory-plan';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

const journalFile = (repo: string): string => path.join(repo, '.git', 'merge-sprint', 'rename-journal.json');

/** A repository with a rule to `to` and a second, harmless one (`kernel` -> `core/kernel`). */
async function withRules(to: string) {
  const repo = makeXenRepo();
  repos.push(repo);
  const ctx = renameContext(repo);
  const bad = await addRule(ctx, SRC, to);
  const good = await addRule(ctx, 'kernel', 'core/kernel');
  if (!bad.ok || !good.ok) throw new Error(bad.ok ? (good.ok ? '' : good.error.message) : bad.error.message);
  return { repo, ctx, bad: bad.value.rule.id, good: good.value.rule.id, start: head(repo) };
}

type Fixture = Awaited<ReturnType<typeof withRules>>;

/** Nothing changed: the branch where it was, no journal, a clean status, the rule still planned. */
async function unchanged(f: Fixture, top: string): Promise<void> {
  expect(head(f.repo)).toBe(f.start);
  expect(existsSync(journalFile(f.repo))).toBe(false);
  expect(existsSync(path.join(f.repo, top))).toBe(false);
  expect(statusZ(f.repo)).toBe('');
  expect((await f.ctx.plan.snapshot()).plan.renames[f.bad]?.phase).toBe('planned');
}

/** Later commands work: the other rule copies. */
async function laterCommandsWork(f: Fixture): Promise<void> {
  expect(await copyRules(f.ctx, { ruleIds: [f.good] })).toMatchObject({ ok: true });
  expect((await f.ctx.plan.snapshot()).plan.renames[f.good]?.phase).toBe('copied');
}

test('a name of more than 255 bytes (128 two-byte letters) is refused before the branch moves', async () => {
  const name = 'é'.repeat(128);
  const f = await withRules(`drivers/${name}`);
  const refused = await copyRules(f.ctx, { ruleIds: [f.bad] });
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.message).toMatch(new RegExp(`^The name "${name}" in "drivers/${name}/.*" cannot be written here: it is 256 bytes long, more than the file system takes in one name .* Nothing was changed\\.$`));
  await unchanged(f, 'drivers/é');
  await laterCommandsWork(f);
});

test('a path longer than the system takes is refused before the branch moves', async () => {
  const deep = Array.from({ length: 22 }, (_, i) => `${i}${'d'.repeat(199)}`).join('/');
  const f = await withRules(`drivers/${deep}`);
  const refused = await copyRules(f.ctx, { ruleIds: [f.bad] });
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.message).toMatch(/^The file "drivers\/0d+\/.*" would have a path of \d+ bytes in this repository's folder, and the system takes at most \d+: choose a shorter destination\. Nothing was changed\.$/);
  await unchanged(f, 'drivers/0d');
});

/** Makes git's checkout of `file` fail: a required smudge filter that exits 1 (the clone's own attributes, outside the tree). */
function failingFilter(repo: string, file: string): void {
  git(repo, ['config', 'filter.refuse.smudge', 'false']);
  git(repo, ['config', 'filter.refuse.required', 'true']);
  mkdirSync(path.join(repo, '.git', 'info'), { recursive: true });
  writeFileSync(path.join(repo, '.git', 'info', 'attributes'), `${JSON.stringify(file)} filter=refuse\n`);
}

const DEST = 'drivers/xen/core';

test('a write that fails after the branch moved puts the branch back and removes what it wrote', async () => {
  const f = await withRules(DEST);
  // git writes files in index order: the ones before sub dir/deep.h are written, then it fails.
  failingFilter(f.repo, `${DEST}/sub dir/deep.h`);
  const failed = await copyRules(f.ctx, { ruleIds: [f.bad] });
  expect(failed.ok).toBe(false);
  if (!failed.ok) {
    expect(failed.error.message).toMatch(/^The files of the interim copy of "arch\/xen\/kernel" -> "drivers\/xen\/core" could not be written \(git: fatal: .*smudge filter refuse failed\), so the branch "main" is back at its commit from before and nothing changed\./);
  }
  await unchanged(f, DEST);
  expect(readdirSync(path.join(f.repo, 'drivers/xen'))).toEqual(['Makefile', 'balloon']);
  git(f.repo, ['config', '--unset', 'filter.refuse.required']);
  await laterCommandsWork(f);
});

test('a recovery whose write fails puts the branch back too', async () => {
  const f = await withRules(DEST);
  await crashAt('copy:after-ref', () => copyRules(f.ctx, { ruleIds: [f.bad] }));
  expect(head(f.repo) === f.start).toBe(false);
  failingFilter(f.repo, `${DEST}/sub dir/deep.h`);
  const report = await recoverRenames(f.ctx);
  if (!report.ok) throw new Error(report.error.message);
  expect(report.value.journal).toMatchObject({ ruleId: f.bad, outcome: 'put-back' });
  expect(report.value.journal?.problem).toMatch(/smudge filter refuse failed/);
  await unchanged(f, DEST);
  await laterCommandsWork(f);
});
