/**
 * Recovery after git itself was killed while writing an operation's files (the whole process
 * group killed after the branch moved): git wrote some files, cut one short, left its
 * index.lock, and never wrote the index. Recovery never removes that lock; once the user has,
 * it tells the files the operation wrote from the user's own, finishes the former and keeps the
 * latter, so the index holds the commit's entries and nothing shows as a staged deletion.
 */
import { existsSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { copyRules } from '../../../electron/core/rename/copy';
import { finishRule } from '../../../electron/core/rename/finish';
import { recoverRenames, type JournalOutcome } from '../../../electron/core/rename/recover';
import { addRule } from '../../../electron/core/rename/rules';
import { cleanup, git, tempDir } from '../../helpers/repo';
import { crashAt } from './crash';
import { DST, SRC, head, makeXenRepo, statusZ } from './fixture';
import { renameContext } from './memory-plan';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

/** Uncommitted work outside the rule: an unstaged edit, a staged edit, an untracked file. */
function addUserWork(repo: string): () => unknown {
  writeFileSync(path.join(repo, 'README'), 'unsaved edit\n');
  writeFileSync(path.join(repo, 'drivers/xen/balloon/balloon.c'), 'staged edit\n');
  git(repo, ['add', 'drivers/xen/balloon/balloon.c']);
  writeFileSync(path.join(repo, 'notes.txt'), 'untracked notes\n');
  return () => ({
    status: git(repo, ['status', '--porcelain=v1', '-z', '--', 'README', 'drivers/xen/balloon', 'notes.txt']),
    readme: readFileSync(path.join(repo, 'README'), 'utf8'),
    staged: git(repo, ['show', ':drivers/xen/balloon/balloon.c']),
  });
}

/** The files of `dir` in `commit`: path -> "mode oid". */
function entries(repo: string, commit: string, dir: string): Map<string, string> {
  const out = git(repo, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', dir]);
  return new Map(out.split('\0').filter(Boolean).map((r) => [r.slice(r.indexOf('\t') + 1), r.slice(0, r.indexOf('\t')).replace(/ blob /, ' ')]));
}

/** The repository's index entries under `dir`: path -> "mode oid". */
function indexEntries(repo: string, dir: string): Map<string, string> {
  const out = git(repo, ['ls-files', '-s', '-z', '--', dir]);
  return new Map(out.split('\0').filter(Boolean).map((r) => [r.slice(r.indexOf('\t') + 1), r.slice(0, r.indexOf('\t')).replace(/ \d$/, '')]));
}

/** Writes `paths` of `commit` into the work tree the way git's checkout does, leaving the repository's index alone. */
function writeAsGit(repo: string, commit: string, paths: string[]): void {
  const env = { GIT_INDEX_FILE: path.join(tempDir(), 'index') };
  git(repo, ['read-tree', commit], { env });
  git(repo, ['checkout-index', '-f', '-z', '--stdin'], { env, input: paths.map((p) => `${p}\0`).join('') });
}

/** The work-tree files under `dir` that are not what `commit` holds, as `git diff COMMIT` sees them. */
const differFromCommit = (repo: string, commit: string, dir: string): string[] =>
  git(repo, ['diff', '--name-only', '-z', '--no-renames', commit, '--', dir]).split('\0').filter(Boolean);

async function recovered(ctx: ReturnType<typeof renameContext>): Promise<JournalOutcome | null> {
  const report = await recoverRenames(ctx);
  if (!report.ok) throw new Error(report.error.message);
  return report.value.journal;
}

/** The Xen repository with the rule SRC -> DST added, and copied when `copied` says so. */
async function withRule(copied: boolean) {
  const repo = makeXenRepo();
  repos.push(repo);
  const ctx = renameContext(repo);
  const rule = await addRule(ctx, SRC, DST);
  if (!rule.ok) throw new Error(rule.error.message);
  if (copied) expect((await copyRules(ctx, { all: true })).ok).toBe(true);
  return { repo, ctx, ruleId: rule.value.rule.id };
}

test('a copy whose git was killed writing the files: the half-written copies are finished, the user\'s file is kept', async () => {
  const { repo, ctx } = await withRule(false);
  const user = addUserWork(repo);
  const userBefore = user();
  await crashAt('copy:after-ref', () => copyRules(ctx, { all: true }));
  const commit = head(repo);
  const copies = [...entries(repo, commit, DST).keys()].sort();
  expect(copies.length).toBeGreaterThan(6);

  // What the killed git left: about half the copies written, one of them cut short, its lock.
  const written = copies.filter((_, i) => i % 2 === 0);
  writeAsGit(repo, commit, written);
  const short = written.find((p) => !p.endsWith('link') && statSync(path.join(repo, p)).size > 20) as string;
  truncateSync(path.join(repo, short), 7);
  const lock = path.join(repo, '.git', 'index.lock');
  writeFileSync(lock, 'DIRC half an index');
  // And the user, meanwhile, wrote a file of their own where a copy was still to come.
  const mine = copies.find((p, i) => i % 2 === 1 && !p.endsWith('link')) as string;
  writeFileSync(path.join(repo, mine), 'my own notes\n');

  const waiting = await recovered(ctx);
  expect(waiting).toMatchObject({ outcome: 'unfinished' });
  expect(waiting?.problem).toContain(lock);
  expect(existsSync(lock)).toBe(true);
  expect(head(repo)).toBe(commit);

  rmSync(lock);
  const done = await recovered(ctx);
  expect(done).toMatchObject({ outcome: 'completed', leftAsIs: [mine] });
  const want = entries(repo, commit, DST);
  const index = indexEntries(repo, DST);
  for (const p of copies.filter((c) => c !== mine)) expect(index.get(p)).toBe(want.get(p));
  expect(differFromCommit(repo, commit, DST)).toEqual([mine]);
  // Only the user's file differs from the commit, and it holds what they wrote.
  expect(git(repo, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', DST]).split('\0').filter(Boolean).map((r) => r.slice(3))).toEqual([mine, mine]);
  expect(readFileSync(path.join(repo, mine), 'utf8')).toBe('my own notes\n');
  expect(user()).toEqual(userBefore);
  expect(ctx.plan.events.at(-1)).toMatchObject({ type: 'rename.put', rule: { phase: 'copied', copyCommit: commit } });
});

test('a finished move whose git was killed removing the sources: the rest are removed, nothing is left staged', async () => {
  const { repo, ctx, ruleId } = await withRule(true);
  const user = addUserWork(repo);
  const userBefore = user();
  await crashAt('finish:after-ref', () => finishRule(ctx, ruleId));
  const sources = [...entries(repo, 'HEAD~1', SRC).keys()];
  expect(entries(repo, 'HEAD', SRC).size).toBe(0);
  // git removed a few sources before it died.
  for (const p of sources.slice(0, 4)) rmSync(path.join(repo, p));

  expect(await recovered(ctx)).toMatchObject({ outcome: 'completed', leftAsIs: [] });
  expect(indexEntries(repo, SRC).size).toBe(0);
  expect(sources.filter((p) => existsSync(path.join(repo, p)))).toEqual([]);
  expect(statusZ(repo).split('\0').filter((r) => r.includes(SRC))).toEqual([]);
  expect(user()).toEqual(userBefore);
});

test('an edit the user made to a source before recovery is kept, and named', async () => {
  const { repo, ctx, ruleId } = await withRule(true);
  await crashAt('finish:after-ref', () => finishRule(ctx, ruleId));
  const edited = `${SRC}/evtchn.c`;
  writeFileSync(path.join(repo, edited), 'the user kept working here\n');

  expect(await recovered(ctx)).toMatchObject({ outcome: 'completed', leftAsIs: [edited] });
  expect(readFileSync(path.join(repo, edited), 'utf8')).toBe('the user kept working here\n');
});
