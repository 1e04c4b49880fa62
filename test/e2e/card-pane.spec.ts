/**
 * The keyboard model and the card pane end to end, in Chromium through the room server on the
 * demo sprint, with the keyboard only: one tab stop reaches the board, arrows reach the 10th
 * card, Enter opens its pane, `a` assigns it, Ctrl+Z undoes and Ctrl+Shift+Z redoes, a reload
 * keeps the plan and the filters in the address; five cards selected with Shift+arrows move at
 * once and one Ctrl+Z puts all five back. The pane's notes and checklist reach the plan.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { runCli } from '../renderer/room-process';
import { demoRoom, iAm, SHOTS } from './demo-room';

interface CliPlan {
  people: { id: string; name: string }[];
  subsystems: { id: string; name: string; owner: string | null; state: string; notes: string; checklist: { text: string; done: boolean }[] }[];
}

const room = demoRoom();

function cliPlan(): CliPlan {
  const r = runCli(['plan', '--repo', room().repo, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CliPlan;
}
const cardOf = (id: string) => cliPlan().subsystems.find((s) => s.id === id);

const focusedCard = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-card-id') ?? null);

/** The board's columns with their card ids, left to right, as the page shows them. */
const columns = (page: Page) =>
  page.locator('[data-testid^="column-"]').evaluateAll((cols) =>
    cols.map((c) => [...c.querySelectorAll('[data-card-id]')].map((e) => e.getAttribute('data-card-id') ?? '')).filter((ids) => ids.length > 0),
  );

test('keyboard only: the 10th card, its pane, assign, undo, redo, reload; five cards moved at once and undone once', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(room().url);
  await expect(page.getByTestId('board')).toBeVisible();
  const plan = cliPlan();
  const me = plan.people[0]!;
  await iAm(page, { personId: me.id });
  await page.getByTestId('mode-state').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('column-backlog')).toBeVisible();

  // Tab from the toolbar until a card has the focus: the board is one tab stop, and one more Tab leaves it.
  let tabs = 0;
  while ((await focusedCard(page)) === null && tabs < 40) {
    await page.keyboard.press('Tab');
    tabs += 1;
  }
  expect(await focusedCard(page)).not.toBeNull();
  expect(await page.locator('[data-card-id][tabindex="0"]').count()).toBe(1);
  await page.keyboard.press('Tab');
  expect(await focusedCard(page)).toBeNull();
  await page.keyboard.press('Shift+Tab');
  const cols = await columns(page);
  const order = cols.flat();
  expect(order.length).toBeGreaterThanOrEqual(10);
  expect(await focusedCard(page)).toBe(order[0]);

  // The 10th card in reading order: right to its column, down to its row.
  const tenth = order[9]!;
  const col = cols.findIndex((ids) => ids.includes(tenth));
  const row = cols[col]!.indexOf(tenth);
  for (let i = 0; i < col; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < row; i++) await page.keyboard.press('ArrowDown');
  expect(await focusedCard(page)).toBe(tenth);

  await page.keyboard.press('Enter');
  const pane = page.getByTestId('card-pane');
  const name = plan.subsystems.find((s) => s.id === tenth)!.name;
  await expect(pane.getByRole('heading', { name })).toBeVisible();
  expect(await focusedCard(page)).toBe(tenth);
  const before = cardOf(tenth)!.owner;
  const other = plan.people.find((p) => p.name !== before)!;

  // a: the palette on its assign page; type the person, Enter.
  await page.keyboard.press('a');
  await expect(page.getByTestId('palette-input')).toBeFocused();
  await page.keyboard.type(other.name);
  await page.screenshot({ path: path.join(SHOTS, 'card-palette-assign.png') });
  await page.keyboard.press('Enter');
  await expect.poll(() => cardOf(tenth)?.owner).toBe(other.name);
  await expect(pane.getByTestId('pane-owner')).toHaveValue(other.id);
  await page.screenshot({ path: path.join(SHOTS, 'card-pane.png') });

  await page.keyboard.press('Control+z');
  await expect.poll(() => cardOf(tenth)?.owner).toBe(before);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => cardOf(tenth)?.owner).toBe(other.name);
  await page.keyboard.press('Control+z');
  await expect.poll(() => cardOf(tenth)?.owner).toBe(before);

  // `/` filters; the filter is in the address, so a reload keeps it, and the plan is as left.
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await page.keyboard.press('/');
  await expect(page.getByTestId('filter-text')).toBeFocused();
  await page.keyboard.type(name);
  await expect(page).toHaveURL(new RegExp(`#/board/state\\?q=${encodeURIComponent(name).replace(/%20/g, '\\+')}`));
  await page.reload();
  await expect(page.getByTestId('filter-text')).toHaveValue(name);
  await expect(page.locator(`[data-card-id="${tenth}"]`)).toBeVisible();
  expect(cardOf(tenth)?.owner).toBe(before);
  await page.getByTestId('filter-text').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');

  // Five cards of one column, selected with Shift+ArrowDown, moved to Review at once; one undo.
  const colsNow = await columns(page);
  const now = new Map(cliPlan().subsystems.map((s) => [s.id, s.state]));
  const backlog = colsNow.find((ids) => ids.length >= 5 && now.get(ids[0]!) !== 'Review');
  if (!backlog) throw new Error('The demo sprint should have a column of at least five cards.');
  const five = backlog.slice(0, 5);
  const statesBefore = five.map((id) => cardOf(id)!.state);
  await page.locator(`[data-card-id="${five[0]}"]`).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('bulk-bar')).toContainText('5 cards selected');
  await page.keyboard.press('s');
  await expect(page.getByTestId('palette-input')).toBeFocused();
  await page.keyboard.type('Review');
  await page.keyboard.press('Enter');
  await expect.poll(() => five.map((id) => cardOf(id)?.state)).toEqual(five.map(() => 'Review'));
  const reviewBefore = [...now].filter(([id, state]) => state === 'Review' && !five.includes(id)).length;
  await expect(page.getByTestId('column-review').locator('[data-card-id]')).toHaveCount(5 + reviewBefore);
  await page.screenshot({ path: path.join(SHOTS, 'board-bulk-selected.png') });
  await page.keyboard.press('Control+z');
  await expect.poll(() => five.map((id) => cardOf(id)?.state)).toEqual(statesBefore);

  // ? lists the shortcuts.
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toContainText('Assign the focused or selected cards');
  await page.keyboard.press('Escape');
  expect(problems).toEqual([]);
});

test('the pane: notes and a checklist item reach the plan, the blocked filter is in the address, and each file opens its diff', async ({ page }) => {
  await page.goto(room().url);
  const plan = cliPlan();
  await iAm(page, { personId: plan.people[1]!.id });
  const target = plan.subsystems[0]!;
  await page.locator(`[data-card-id="${target.id}"]`).click();
  const pane = page.getByTestId('card-pane');
  await expect(pane.getByRole('heading', { name: target.name })).toBeVisible();
  await pane.getByTestId('card-notes').fill('Ask upstream about the hypercall page.');
  await pane.getByTestId('checklist-new').fill('builds on the old layout');
  await pane.getByTestId('checklist-new').press('Enter');
  await expect(pane.getByTestId('card-checklist')).toContainText('builds on the old layout');
  // The notes are saved when the field loses the focus (here, to the checklist's field).
  await expect.poll(() => cardOf(target.id)?.notes).toBe('Ask upstream about the hypercall page.');
  await expect.poll(() => cardOf(target.id)?.checklist).toEqual([{ id: expect.any(String) as unknown as string, text: 'builds on the old layout', done: false }]);
  await expect(pane.getByTestId('card-history')).toContainText(`put “builds on the old layout” on ${target.name}'s checklist`);

  await pane.getByTestId('pane-files').getByRole('button').first().click();
  await expect(pane.getByTestId('diff-panel')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'card-pane-diff.png') });

  await page.getByTestId('filter-blocked').check();
  await expect(page).toHaveURL(/blocked=1/);
  await page.reload();
  await expect(page.getByTestId('filter-blocked')).toBeChecked();
});
