/**
 * Picking up the fork's new work end to end, in Chromium through the room server: a commit made
 * on the fork's ref with git appears in Keep current without a reload, is picked up with one
 * click, and lands on both copies of the interim-copied folder, as git itself shows.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT, runCli, startRoom, type Room } from '../renderer/room-process';
import { cleanup, git, makeCommit, tempDir } from '../helpers/repo';
import { DST, SRC, lines, makeXenRepo } from '../core/rename/fixture';
import { iAm, openView } from './demo-room';

const SHOTS = path.join(PROJECT, 'screenshots');
const FORK = 'xen-unstable';
let room: Room;
let repo: string;

function cli(args: string[]): void {
  const run = runCli(args);
  if (run.status !== 0) throw new Error(run.stderr);
}

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  repo = makeXenRepo();
  makeCommit(repo, { branch: 'upstream-tree', files: { [SRC]: null }, message: 'upstream' });
  git(repo, ['tag', 'upstream']);
  git(repo, ['checkout', '-q', 'main']);
  git(repo, ['branch', '-q', '-D', 'upstream-tree']);
  git(repo, ['branch', FORK]);
  cli(['init', '--repo', repo, '--upstream', 'upstream', '--fork', 'main', '--pair', `${SRC}=kernel`, '--pick-up-from', FORK]);
  cli(['rename', 'add', '--repo', repo, '--from', SRC, '--to', DST]);
  cli(['rename', 'copy', '--repo', repo]);
  room = await startRoom(['--repo', repo, '--port', '0', '--allow-repo-changes']);
});

test.afterAll(async () => {
  await room?.stop();
  if (repo) cleanup(repo);
});

/** A commit on the fork's ref made with git's plumbing, as a fetch would bring it: the work tree and HEAD stay on main. */
function forkCommitWithGit(file: string, content: string, message: string): string {
  const env = { GIT_INDEX_FILE: path.join(tempDir(), 'index') };
  git(repo, ['read-tree', FORK], { env });
  const blob = git(repo, ['hash-object', '-w', '--stdin'], { input: content }).trim();
  git(repo, ['update-index', '--cacheinfo', `100644,${blob},${file}`], { env });
  const tree = git(repo, ['write-tree'], { env }).trim();
  const commit = git(repo, ['commit-tree', tree, '-p', FORK, '-m', message]).trim();
  git(repo, ['update-ref', `refs/heads/${FORK}`, commit]);
  return commit;
}

test('a fork commit made with git appears without a reload, is picked up with one click and lands on both copies', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${room.url.replace(/#.*$/, '')}#/keep-current`);
  await expect(page.getByTestId('keep-current')).toBeVisible();
  await iAm(page, { name: 'Keir Fraser', email: 'keir@xensource.com' });
  await expect(page.getByTestId('pickup-empty')).toBeVisible();

  const fixed = lines(30, 'evtchn').replace('evtchn 4\n', 'evtchn 4: fixed in xen-unstable\n');
  const fork = forkCommitWithGit(`${SRC}/evtchn.c`, fixed, 'evtchn: fix the lost event');
  const row = page.getByTestId(`pickup-commit-${fork.slice(0, 12)}`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toHaveAttribute('data-status', 'clean');
  await row.getByRole('button', { name: '1 file' }).click();
  await expect(row).toContainText(`${DST}/evtchn.c`);
  await page.screenshot({ path: path.join(SHOTS, 'keep-current.png'), fullPage: true });

  // The board's card holding the file says a fork commit waits for it.
  await page.getByTestId('tab-board').click();
  await expect(page.locator('[data-testid^="pickup-badge-"]').first()).toContainText('1 fork commit to pick up');
  await page.screenshot({ path: path.join(SHOTS, 'keep-current-board.png') });
  await openView(page, 'keep-current');

  await page.getByTestId('pickup-clean').click();
  await expect(page.getByTestId('pickup-empty')).toBeVisible({ timeout: 30_000 });
  const blob = git(repo, ['rev-parse', `${fork}:${SRC}/evtchn.c`]).trim();
  expect(git(repo, ['rev-parse', `main:${SRC}/evtchn.c`]).trim()).toBe(blob);
  expect(git(repo, ['rev-parse', `main:${DST}/evtchn.c`]).trim()).toBe(blob);
  expect(git(repo, ['log', '-1', '--format=%B', 'main'])).toContain(`(picked up from commit ${fork})`);
  expect(git(repo, ['status', '--porcelain'])).toBe('');
  expect(problems).toEqual([]);
});
