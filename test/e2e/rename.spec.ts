/**
 * The rename plan end to end, in Chromium through the room server: write a rule, preview it,
 * make the interim copies with one click, edit the source through git, see the drift, sync,
 * finish the move, and check the resulting commits with git itself. The sprint pairs the
 * source with an upstream folder, so the board's card shows the rule's phase and drift, and the
 * inventory follows the files through the copy and the move.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT, runCli, startRoom, type Room } from '../renderer/room-process';
import { cleanup, git, makeCommit } from '../helpers/repo';
import { AWKWARD, DST, SRC, makeXenRepo } from '../core/rename/fixture';
import { iAm, openView } from './demo-room';

const SHOTS = path.join(PROJECT, 'screenshots');
let room: Room;
let repo: string;

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  repo = makeXenRepo();
  // Upstream is the tree without the fork's folder; that folder is paired with upstream's kernel.
  makeCommit(repo, { branch: 'upstream-tree', files: { [SRC]: null }, message: 'upstream' });
  git(repo, ['tag', 'upstream']);
  git(repo, ['checkout', '-q', 'main']);
  git(repo, ['branch', '-q', '-D', 'upstream-tree']);
  const init = runCli(['init', '--repo', repo, '--upstream', 'upstream', '--fork', 'main', '--pair', `${SRC}=kernel`]);
  if (init.status !== 0) throw new Error(init.stderr);
  // The browser makes the copies, syncs and finishes: the organiser allows it.
  room = await startRoom(['--repo', repo, '--port', '0', '--allow-repo-changes']);
});

test.afterAll(async () => {
  await room?.stop();
  if (repo) cleanup(repo);
});

const subjects = (): string[] => git(repo, ['log', '--format=%s']).trim().split('\n');

/** The board's rename badge of the rule on the card holding the source's files. */
async function boardBadge(page: Page, ruleId: string): Promise<Locator> {
  await page.getByTestId('tab-board').click();
  await expect(page.getByTestId('board')).toBeVisible();
  return page.locator(`[data-testid^="rename-badge-"][data-testid$="-${ruleId}"]`);
}

test('rename: rule, preview, interim copy in one click, drift after a git edit, sync, finish move', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${room.url.replace(/#.*$/, '')}#/rename`);
  await expect(page.getByTestId('rename')).toBeVisible();
  await iAm(page, { name: 'Keir Fraser', email: 'keir@xensource.com' });

  // A bad rule is flagged before anything happens.
  await page.getByTestId('rule-from').fill(SRC);
  await page.getByTestId('rule-to').fill('../outside');
  await expect(page.getByTestId('rule-problems')).toContainText('".."');
  await expect(page.getByTestId('rule-add')).toBeDisabled();

  // The preview lists every file the copy creates: as many as git lists under the source.
  const count = git(repo, ['ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', SRC]).split('\0').filter(Boolean).length;
  await page.getByTestId('rule-to').fill(DST);
  await expect(page.getByTestId('rule-preview')).toContainText(`The copy would create ${count} files`);
  await expect(page.getByTestId('rule-preview')).toContainText(`${DST}/run.sh (executable)`);
  // Names only Windows cannot check out (the fixture's quoted name) are a warning, not a refusal.
  await expect(page.getByTestId('rule-warnings')).toContainText(`${DST}/"quoted" name.c`);
  await expect(page.getByTestId('rule-add')).toBeEnabled();
  await page.getByTestId('rule-add').click();
  const rule = page.locator('[data-testid^="rule-"][data-testid*="-"]').filter({ hasText: `${SRC} → ${DST}` });
  await expect(rule).toBeVisible();
  const ruleId = ((await rule.getAttribute('data-testid')) ?? '').slice('rule-'.length);
  await expect(page.getByTestId(`phase-${ruleId}`)).toHaveText('planned');

  const before = git(repo, ['rev-parse', 'HEAD']).trim();
  await page.getByTestId('copy-all').click();
  await expect(page.getByTestId(`phase-${ruleId}`)).toHaveText('copied');
  expect(subjects()[0]).toBe(`Interim copy: ${SRC} -> ${DST}`);
  expect(git(repo, ['rev-parse', 'HEAD^']).trim()).toBe(before);
  expect(git(repo, ['ls-tree', '-r', `HEAD:${DST}`])).toBe(git(repo, ['ls-tree', '-r', `HEAD:${SRC}`]));
  await expect(page.getByTestId(`drift-none-${ruleId}`)).toBeVisible();

  // The board: the card of the source's files shows the phase; the copies match.
  const badge = await boardBadge(page, ruleId);
  await expect(badge).toHaveCount(1);
  await expect(badge).toHaveAttribute('data-phase', 'copied');
  await expect(badge).toHaveText('copied');
  await page.screenshot({ path: path.join(SHOTS, 'board-rename-copied.png') });
  // The inventory: each source file names its interim copy; the copies are no new work.
  await page.getByTestId('tab-inventory').click();
  await expect(page.getByTestId('interim-summary')).toContainText(`${count} interim copies`);
  await page.getByTestId('inventory-text').fill('evtchn.c');
  await expect(page.getByTestId('copy-at')).toContainText(`${DST}/evtchn.c`);
  await expect(page.getByTestId('copy-of')).toContainText(`${SRC}/evtchn.c`);
  await page.getByTestId('inventory-text').fill('');
  await page.screenshot({ path: path.join(SHOTS, 'inventory-rename-copied.png') });

  // Someone edits the source with a plain git commit while the Rename view is open: it shows the
  // drift without a reload or a click (no Refresh), and so does the board's badge.
  await expect(await boardBadge(page, ruleId)).toHaveText('copied');
  await openView(page, 'rename');
  await expect(page.getByTestId(`drift-none-${ruleId}`)).toBeVisible();
  const edited = (AWKWARD['with space.c'] as string).replace('space 3\n', 'space 3, edited in the source\n');
  makeCommit(repo, { files: { [`${SRC}/with space.c`]: edited }, message: 'edit the source' });
  await expect(page.getByTestId('drift-row')).toHaveCount(1);
  await expect(page.getByTestId('drift-row')).toContainText('with space.c');
  await expect(page.getByTestId('drift-row')).toContainText('changed in the source');
  await page.screenshot({ path: path.join(SHOTS, 'rename-drift.png'), fullPage: true });
  await expect(await boardBadge(page, ruleId)).toHaveText('copied · 1 drifting');
  await page.screenshot({ path: path.join(SHOTS, 'board-rename-drift.png') });
  await openView(page, 'rename');

  await page.getByTestId(`sync-${ruleId}`).click();
  await expect(page.getByTestId('sync-report')).toContainText('1 file carried over');
  expect(subjects()[0]).toBe(`Sync interim copy: ${SRC} <-> ${DST}`);
  expect(git(repo, ['show', `HEAD:${DST}/with space.c`])).toBe(edited);
  await expect(page.getByTestId(`drift-none-${ruleId}`)).toBeVisible();

  await page.getByTestId(`finish-${ruleId}`).click();
  await expect(page.getByTestId(`phase-${ruleId}`)).toHaveText('moved');
  expect(subjects()[0]).toBe(`Move ${SRC} -> ${DST}`);
  // From before the copy to the move, git sees every file as a rename.
  const statuses = git(repo, ['diff', '-M', '--name-status', '-z', before, 'HEAD', '--', SRC, DST]).split('\0').filter((s) => /^[A-Z]\d*$/.test(s));
  expect(statuses).toHaveLength(count);
  for (const s of statuses) expect(s).toMatch(/^R\d{3}$/);
  expect(git(repo, ['status', '--porcelain'])).toBe('');
  await page.screenshot({ path: path.join(SHOTS, 'rename-moved.png'), fullPage: true });

  // The sprint followed the move: the card is under the rule's destination now, and the
  // inventory lists the files there, every one in a subsystem.
  await expect(await boardBadge(page, ruleId)).toHaveText('moved');
  const plan = JSON.parse(runCli(['plan', '--repo', repo, '--json']).stdout) as { sprint: { pairings: unknown }; unassignedFiles: string[] };
  expect(plan.sprint.pairings).toEqual([{ fork: DST, upstream: 'kernel' }]);
  expect(plan.unassignedFiles).toEqual([]);
  await page.getByTestId('tab-inventory').click();
  await page.getByTestId('inventory-text').fill('evtchn.c');
  await expect(page.getByTestId('file-row')).toHaveText(`${DST}/evtchn.c`);
  await expect(page.getByTestId('copy-at')).toHaveCount(0);
  expect(problems).toEqual([]);
});
