/**
 * Opening a sprint context (what the room server, Electron and the command line all do first)
 * recovers a rename operation that a killed process left half done, and reports it on the log;
 * a repository whose recovery cannot run right now still opens.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { openRepoServices } from '../../../electron/core/host/services';
import type { RepoServices } from '../../../electron/core/context';
import { KILL_AT_VARIABLE } from '../../../electron/core/rename/checkpoint';
import { addRule } from '../../../electron/core/rename/rules';
import { openPlanStore } from '../../../electron/core/plan/store';
import { cleanup, git } from '../../helpers/repo';
import { DST, SRC, makeXenRepo, statusZ, subject, treeOf, workFile } from './fixture';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..', '..');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const RUNNER = path.join(HERE, 'fixtures', 'kill-runner.ts');
const ACTOR = { name: 'Ada', email: 'ada@example.org' };

const repos: string[] = [];
const opened: RepoServices[] = [];
afterEach(() => {
  for (const ctx of opened.splice(0)) ctx.dispose();
  cleanup(...repos.splice(0));
});

const journalFile = (repo: string): string => path.join(repo, '.git', 'merge-sprint', 'rename-journal.json');

/** A repository with one planned rule whose interim copy was killed at `killAt`. */
async function interruptedCopy(killAt: string): Promise<{ repo: string; ruleId: string; before: string }> {
  const repo = makeXenRepo();
  repos.push(repo);
  const plan = await openPlanStore(repo);
  const added = await addRule({ repo, actor: ACTOR, plan }, SRC, DST);
  plan.close();
  if (!added.ok) throw new Error(added.error.message);
  const before = git(repo, ['rev-parse', 'HEAD']).trim();
  const run = spawnSync(process.execPath, ['--import', TSX, RUNNER, repo, 'copy'], {
    cwd: ROOT,
    env: { ...process.env, [KILL_AT_VARIABLE]: killAt },
    encoding: 'utf8',
  });
  expect(run.signal).toBe('SIGKILL');
  return { repo, ruleId: added.value.rule.id, before };
}

async function open(repo: string): Promise<{ ctx: RepoServices; log: string[] }> {
  const log: string[] = [];
  const result = await openRepoServices(repo, { actor: ACTOR, log: (line) => log.push(line) });
  if (!result.ok) throw new Error(result.error.message);
  opened.push(result.value);
  return { ctx: result.value, log };
}

test('a copy killed after its commit reached the branch is finished on opening: files, index and plan follow', async () => {
  const { repo, ruleId, before } = await interruptedCopy('copy:after-ref');
  // What the kill left: the branch has the copy, the working tree and the plan do not.
  expect(subject(repo)).toBe(`Interim copy: ${SRC} -> ${DST}`);
  expect(workFile(repo, `${DST}/evtchn.c`).kind).toBe('missing');
  expect(existsSync(journalFile(repo))).toBe(true);

  const { ctx, log } = await open(repo);
  expect(ctx.recovery?.journal).toMatchObject({ ruleId, op: 'copy', outcome: 'completed', leftAsIs: [] });
  expect(log[0]).toMatch(/^Finished the interrupted interim copy of "arch\/xen\/kernel" -> "drivers\/xen\/core"/);
  expect(existsSync(journalFile(repo))).toBe(false);
  expect(git(repo, ['rev-parse', 'HEAD^']).trim()).toBe(before);
  expect(treeOf(repo, 'HEAD', DST)).toBe(treeOf(repo, before, SRC));
  // Index and working tree hold the commit: git reports nothing uncommitted.
  expect(statusZ(repo)).toBe('');
  expect(workFile(repo, `${DST}/run.sh`)).toEqual(workFile(repo, `${SRC}/run.sh`));
  const { plan } = await ctx.plan.snapshot();
  expect(plan.renames[ruleId]).toMatchObject({ phase: 'copied', copyCommit: git(repo, ['rev-parse', 'HEAD']).trim() });
});

test('a copy killed before the branch moved is forgotten on opening, and the rule stays planned', async () => {
  const { repo, ruleId, before } = await interruptedCopy('copy:before-ref');
  expect(existsSync(journalFile(repo))).toBe(true);
  const { ctx, log } = await open(repo);
  expect(ctx.recovery?.journal).toMatchObject({ ruleId, outcome: 'not-applied' });
  expect(log).toEqual([expect.stringMatching(/^Forgot the interrupted interim copy .* nothing had changed\.$/)]);
  expect(existsSync(journalFile(repo))).toBe(false);
  expect(git(repo, ['rev-parse', 'HEAD']).trim()).toBe(before);
  expect(statusZ(repo)).toBe('');
  expect((await ctx.plan.snapshot()).plan.renames[ruleId]?.phase).toBe('planned');
});

test('opening a repository with nothing to recover logs nothing', async () => {
  const repo = makeXenRepo();
  repos.push(repo);
  const { ctx, log } = await open(repo);
  expect(ctx.recovery).toEqual({ journal: null, removedWorktrees: [], warnings: [] });
  expect(log).toEqual([]);
});

test('while another live process holds the operations\' lock, the repository still opens and its journal waits for that process', async () => {
  const { repo, ruleId } = await interruptedCopy('copy:after-ref');
  const lock = path.join(repo, '.git', 'merge-sprint', 'rename.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  // The parent of the test process is alive for the whole test.
  writeFileSync(lock, String(process.ppid));
  const { ctx, log } = await open(repo);
  expect(ctx.recovery).toBeNull();
  expect(log).toEqual([]);
  expect(existsSync(journalFile(repo))).toBe(true);
  expect((await ctx.plan.snapshot()).plan.renames[ruleId]?.phase).toBe('planned');
});
