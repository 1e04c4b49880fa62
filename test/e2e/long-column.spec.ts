/**
 * A board of 1,000 cards in Chromium through the room server: a column of 250 cards draws only
 * the cards near its view, yet says how many it holds (to the eye and to a screen reader), the
 * keyboard reaches its last card with End and comes back to it with Shift+Tab after the column
 * was scrolled away, a card moved with `s` keeps the focus in its new column, and five cards
 * moved at once go back with one Ctrl+Z.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { actorStorageKey } from '../../renderer/src/api/actor';
import { BENCH_ACTOR, makeBoardRepo, seedPlan } from '../helpers/board-room';
import { cleanup, tempDir } from '../helpers/repo';
import { runCli, startRoom, type Room } from '../renderer/room-process';
import { violations } from './axe';
import { dragWithMouse, SHOTS } from './demo-room';

let dir = '';
let room: Room | null = null;
let repoPath = '';

test.beforeAll(async () => {
  dir = tempDir('merge-sprint-e2e-long-');
  const repo = makeBoardRepo(path.join(dir, 'repo'));
  const init = runCli(['init', '--repo', repo, '--upstream', 'upstream', '--fork', 'fork']);
  expect(init.status, init.stderr).toBe(0);
  room = await startRoom(['--repo', repo, '--port', '0']);
  repoPath = await seedPlan(room.url);
});

test.afterAll(async () => {
  await room?.stop();
  if (dir) cleanup(dir);
});

const focusedCard = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-card-id') ?? null);
const countOf = async (page: Page, column: string) => Number(((await page.getByTestId(column).locator('.column-count').textContent()) ?? '').replace(/\D/g, ''));

async function openBoard(page: Page): Promise<void> {
  await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [actorStorageKey(repoPath), JSON.stringify({ actor: BENCH_ACTOR, personId: 'person-ada' })] as const);
  await page.goto(`${room!.url}#/board/state`);
  await expect(page.getByTestId('column-backlog').locator('[data-card-id]').first()).toBeVisible({ timeout: 60_000 });
}

test('a long column draws the cards near its view and the keyboard reaches every card', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openBoard(page);
  const backlog = page.getByTestId('column-backlog');
  expect(await countOf(page, 'column-backlog')).toBe(250);
  const drawn = await backlog.locator('[data-card-id]').count();
  expect(drawn).toBeGreaterThan(3);
  expect(drawn).toBeLessThan(60);
  // A screen reader hears "1 of 250", not "1 of 12".
  await expect(backlog.locator('li[aria-setsize]').first()).toHaveAttribute('aria-setsize', '250');
  await expect(backlog.locator('li[aria-setsize]').first()).toHaveAttribute('aria-posinset', '1');

  // End goes to the column's last card, which is drawn, focused and in view.
  await backlog.locator('[data-card-id]').first().focus();
  await page.keyboard.press('End');
  const last = await focusedCard(page);
  expect(last).toBe('card-996');
  const lastSlot = backlog.locator('li', { has: page.locator('[data-card-id="card-996"]') });
  await expect(lastSlot).toHaveAttribute('aria-posinset', '250');
  await expect(page.locator('[data-card-id="card-996"]')).toBeInViewport();
  await page.screenshot({ path: path.join(SHOTS, 'long-column-end.png') });
  expect(await violations(page)).toEqual([]);

  // Scrolled back to the top by the wheel, the column still draws its tab stop: Shift+Tab from
  // the next element comes back to the same card.
  await page.keyboard.press('Tab');
  expect(await focusedCard(page)).toBeNull();
  await backlog.locator('.column-cards').evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(backlog.locator('[data-card-id="card-0"]')).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  expect(await focusedCard(page)).toBe('card-996');

  // Moved to Review with `s`, the card keeps the focus there.
  await page.keyboard.press('s');
  await page.getByTestId('palette-input').fill('Review');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('column-review').locator('[data-card-id="card-996"]')).toBeVisible();
  await expect.poll(() => focusedCard(page)).toBe('card-996');
  expect(await countOf(page, 'column-backlog')).toBe(249);
  expect(await countOf(page, 'column-review')).toBe(251);
  await page.keyboard.press('Control+z');
  await expect.poll(() => countOf(page, 'column-backlog')).toBe(250);
});

test('five cards of a long column move at once and come back with one undo; a drag out of it lands', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openBoard(page);
  const backlog = page.getByTestId('column-backlog');
  await backlog.locator('[data-card-id]').first().focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect(backlog.locator('.card-selected')).toHaveCount(5);
  const before = { backlog: await countOf(page, 'column-backlog'), done: await countOf(page, 'column-done') };
  await page.keyboard.press('s');
  await page.getByTestId('palette-input').fill('Done');
  await page.keyboard.press('Enter');
  await expect.poll(() => countOf(page, 'column-done')).toBe(before.done + 5);
  expect(await countOf(page, 'column-backlog')).toBe(before.backlog - 5);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect.poll(() => countOf(page, 'column-backlog')).toBe(before.backlog);
  expect(await countOf(page, 'column-done')).toBe(before.done);

  // A drag from the long column onto another lands there and leaves the Backlog.
  const card = backlog.locator('[data-card-id]').nth(1);
  const id = (await card.getAttribute('data-card-id')) ?? '';
  await dragWithMouse(page, card, page.getByTestId('column-in-progress'));
  await expect.poll(() => countOf(page, 'column-backlog')).toBe(before.backlog - 1);
  await expect(backlog.locator(`[data-card-id="${id}"]`)).toHaveCount(0);
  const plan = runCli(['plan', '--repo', repoPath, '--json']);
  const moved = (JSON.parse(plan.stdout) as { subsystems: { id: string; state: string }[] }).subsystems.find((s) => s.id === id);
  expect(moved?.state).toBe('In progress');
});

test('at 1024×700 the toolbar of a 1,000-card board holds every control on one row, filtered too, and the view menu works', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openBoard(page);
  const inside = async (what: string) => {
    const controls = await page.locator('.board-toolbar > *').evaluateAll((els) => els.map((el) => ({ name: el.getAttribute('data-testid') ?? el.className, box: el.getBoundingClientRect().toJSON() as DOMRect })));
    const middles = controls.map((c) => Math.round(c.box.y + c.box.height / 2));
    expect(Math.max(...middles) - Math.min(...middles), `${what}: the toolbar wraps`).toBeLessThanOrEqual(4);
    for (const c of controls) expect(c.box.x + c.box.width, `${what}: ${c.name} is cut off`).toBeLessThanOrEqual(1024 - 16 + 0.5);
  };
  await inside('1,000 cards');
  await page.getByTestId('filter-text').fill('d09');
  await expect(page.locator('.board-toolbar .toolbar-note')).toHaveText('100 of 1,000 cards');
  await inside('100 of 1,000 cards');
  await page.screenshot({ path: path.join(SHOTS, 'long-board-1024.png') });

  // The activity panel and projector size are in the View menu here.
  await page.getByTestId('board-view-menu').click();
  await page.getByTestId('toggle-activity').click();
  await expect(page.getByRole('complementary', { name: 'Recent activity' })).toBeVisible();
  await page.getByTestId('board-view-menu').click();
  await expect(page.getByTestId('toggle-activity')).toHaveText('Hide the activity');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('toggle-activity')).toHaveCount(0);
});
