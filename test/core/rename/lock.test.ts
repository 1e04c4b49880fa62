/**
 * The rename operations' lock under concurrency: every opening of a repository takes it briefly
 * (recovery), so several processes, and several openings in one process, race for it.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { releaseLock, removeScratchLeftovers, stateDir, takeLock } from '../../../electron/core/rename/journal';
import { cleanup, tempDir } from '../../helpers/repo';

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

function gitDirFixture(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

test('attempts running at once in one process: one holds the lock, the others are told who does; no attempt file is left', async () => {
  const gitDir = gitDirFixture();
  const outcomes = await Promise.all(Array.from({ length: 6 }, () => takeLock(gitDir)));
  expect(outcomes.filter((o) => o.held)).toHaveLength(1);
  for (const o of outcomes.filter((x) => !x.held)) expect(o).toEqual({ held: false, pid: process.pid });
  expect(readdirSync(stateDir(gitDir))).toEqual(['rename.lock']);
  await releaseLock(gitDir);
  expect(readdirSync(stateDir(gitDir))).toEqual([]);
});

test('leftovers of dead processes go; the lock attempts of live processes stay', async () => {
  const gitDir = gitDirFixture();
  const dir = stateDir(gitDir);
  mkdirSync(path.join(dir, 'tmp-999999999-x'), { recursive: true });
  // The parent of the test process is alive throughout; 999999999 is above any pid Linux hands out.
  const live = `rename.lock.${process.ppid}-3`;
  writeFileSync(path.join(dir, live), String(process.ppid));
  writeFileSync(path.join(dir, 'rename.lock.999999999-1'), '999999999');
  writeFileSync(path.join(dir, 'rename.lock.999999998'), '999999998');
  writeFileSync(path.join(dir, 'rename-journal.json.999999999.tmp'), '{');
  await removeScratchLeftovers(gitDir);
  expect(readdirSync(dir)).toEqual([live]);
});
