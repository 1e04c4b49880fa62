/**
 * Moving the sprint to a newer upstream end to end, in Chromium through the room server: on a
 * sparse fork whose copy of setup.c upstream has since fixed, the preview lists the upstream
 * commit and the twin change (clean), Apply merges the new upstream and ports the fix into the
 * copy, as git itself then shows, and the list empties.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT, runCli, startRoom, type Room } from '../renderer/room-process';
import { cleanup, git, makeCommit, makeRepo } from '../helpers/repo';
import { iAm } from './demo-room';

const SHOTS = path.join(PROJECT, 'screenshots');
const SETUP = 'arch/i386/kernel/setup.c';
const COPY = 'arch/xen/i386/kernel/setup.c';
const lines = (n: number, tag: string, edits: Record<number, string> = {}): string =>
  Array.from({ length: n }, (_, i) => edits[i + 1] ?? `${tag} line ${i + 1}`).join('\n') + '\n';

let room: Room;
let repo: string;
let fix: string;

function cli(args: string[]): void {
  const run = runCli(args);
  if (run.status !== 0) throw new Error(run.stderr);
}

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  repo = makeRepo();
  const inherited: Record<string, string> = {};
  for (let i = 0; i < 300; i++) inherited[`arch/i386/mm/f${i}.c`] = lines(5, `mm ${i}`);
  makeCommit(repo, { message: 'Linux 2.6.12', files: { ...inherited, [SETUP]: lines(40, 'setup') } });
  git(repo, ['tag', 'v1']);
  makeCommit(repo, { message: 'xen: the i386 sub-architecture', files: { [COPY]: lines(40, 'setup', { 2: 'setup line 2 (xen: start_info)' }) } });
  git(repo, ['checkout', '-q', '-b', 'linus', 'v1']);
  fix = makeCommit(repo, { message: 'i386: fix the e820 map', files: { [SETUP]: lines(40, 'setup', { 38: 'setup line 38 (fixed)' }) } });
  git(repo, ['tag', 'v2']);
  git(repo, ['checkout', '-q', 'main']);
  cli(['init', '--repo', repo, '--upstream', 'v1', '--fork', 'main', '--pair', 'arch/xen/i386=arch/i386']);
  room = await startRoom(['--repo', repo, '--port', '0', '--allow-repo-changes']);
});

test.afterAll(async () => {
  await room?.stop();
  if (repo) cleanup(repo);
});

test('the preview shows the twin change, Apply moves the base and ports it, and the list empties on every board', async ({ page, browser }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${room.url.replace(/#.*$/, '')}#/keep-current`);
  await iAm(page, { name: 'Keir Fraser', email: 'keir@xensource.com' });
  const section = page.getByTestId('upstream-move');
  await expect(section).toContainText('The sprint is based on v1');

  await page.getByTestId('upstream-ref').fill('--upload-pack=x');
  await page.getByTestId('upstream-show').click();
  await expect(page.getByTestId('upstream-error')).toContainText('--upload-pack=x');

  await page.getByTestId('upstream-ref').fill('v2');
  await page.getByTestId('upstream-show').click();
  await expect(page.getByTestId('upstream-commits')).toContainText('i386: fix the e820 map');
  await expect(page.getByTestId('upstream-commits')).toContainText(fix.slice(0, 12));
  const twin = page.getByTestId(`upstream-twin-${COPY}`);
  await expect(twin).toHaveAttribute('data-status', 'clean');
  await expect(twin).toContainText('ports cleanly');
  await page.screenshot({ path: path.join(SHOTS, 'upstream-move.png'), fullPage: true });

  // A second board in the room looks at the same move.
  const other = await browser.newPage();
  await other.goto(`${room.url.replace(/#.*$/, '')}#/keep-current`);
  await other.getByTestId('upstream-ref').fill('v2');
  await other.getByTestId('upstream-show').click();
  await expect(other.getByTestId(`upstream-twin-${COPY}`)).toBeVisible();

  await page.getByTestId('upstream-apply').click();
  await expect(other.getByTestId('upstream-empty')).toBeVisible({ timeout: 30_000 });
  await expect(other.getByTestId('upstream-move')).toContainText('The sprint is based on v2');
  await expect(page.getByTestId('upstream-empty')).toBeVisible({ timeout: 30_000 });
  await expect(section).toContainText('The sprint is based on v2');
  // A real merge of v2, and the fix is in the fork copy beside the fork's own change.
  expect(git(repo, ['rev-list', '--parents', '-n', '1', 'main']).trim().split(' ')).toHaveLength(3);
  expect(git(repo, ['merge-base', '--is-ancestor', 'v2', 'main'])).toBe('');
  expect(git(repo, ['show', `main:${COPY}`])).toBe(lines(40, 'setup', { 2: 'setup line 2 (xen: start_info)', 38: 'setup line 38 (fixed)' }));
  expect(git(repo, ['status', '--porcelain'])).toBe('');
  await page.screenshot({ path: path.join(SHOTS, 'upstream-moved.png'), fullPage: true });
  expect(problems).toEqual([]);
});
