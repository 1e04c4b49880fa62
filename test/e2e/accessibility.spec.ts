/**
 * Every view of the demo sprint checked with axe-core in Chromium through the room server: no
 * serious or critical violation of WCAG 2.1 A and AA (labels, contrast, roles, names). The board
 * is checked in both layouts, the inventory as a list with a diff open, side by side, and as a tree.
 */
import { expect, test } from '@playwright/test';
import { violations } from './axe';
import { demoRoom, iAm } from './demo-room';

const room = demoRoom();

/** Each view's address and what shows once it is drawn. */
const VIEWS: { hash: string; ready: string }[] = [
  { hash: 'setup', ready: '[data-testid="setup"]' },
  { hash: 'board/person', ready: '[data-testid="board"]' },
  { hash: 'board/state', ready: '[data-testid="board"]' },
  { hash: 'subsystems', ready: '[data-testid="subsystems"]' },
  { hash: 'people', ready: '[data-testid="people"]' },
  { hash: 'activity', ready: '[data-testid="activity"]' },
  { hash: 'burndown', ready: '[data-testid="burndown-view"]' },
  { hash: 'rename', ready: '[data-testid="rename"]' },
  { hash: 'keep-current', ready: '[data-testid="keep-current"]' },
  { hash: 'series', ready: 'section[aria-label="Patch series"]' },
];

for (const { hash, ready } of VIEWS) {
  test(`the ${hash} view has no serious or critical accessibility violation`, async ({ page }) => {
    await page.goto(`${room().url}#/${hash}`);
    await iAm(page, { name: 'Ada Lovelace', email: 'ada@example.org' });
    await expect(page.locator(ready).first()).toBeVisible();
    // Whatever the view loads after its first paint (the inventory, the plan's checks) is there too.
    await page.waitForLoadState('networkidle');
    expect(await violations(page)).toEqual([]);
  });
}

test('the inventory, as a list with a diff open, side by side, and as a tree, has no serious or critical accessibility violation', async ({ page }) => {
  await page.goto(`${room().url}#/inventory`);
  await page.getByTestId('layout-list').click();
  await page.getByTestId('inventory-status').selectOption('modified');
  await page.getByTestId('file-row').first().click();
  await expect(page.getByTestId('diff').locator('.diff-code-insert, .diff-code-delete').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByTestId('diff-split').click();
  await expect(page.getByTestId('diff').locator('table.diff-split').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByTestId('diff-unified').click();
  await page.getByTestId('layout-tree').click();
  await expect(page.getByTestId('file-tree').getByRole('treeitem').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
