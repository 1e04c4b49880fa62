/**
 * Nothing destructive in one click, and undo that survives a reload: removing a person (and
 * with them the reviewer of the cards they review), an import that replaces the cards, removing
 * a rule, abandoning a copy and finishing a move while the copies drift each ask first, in
 * words, and Cancel leaves everything as it was. A person's last change is undone after a
 * reload, and redone after another.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { git, makeCommit } from '../helpers/repo';
import { demoRoom, iAm, openView, SHOTS } from './demo-room';

const room = demoRoom({ allowRepoChanges: true });
const base = () => room().url.replace(/#.*$/, '');

async function cancelled(page: Page, words: RegExp): Promise<void> {
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(words);
  await page.getByTestId('confirm-cancel').click();
  await expect(dialog).toHaveCount(0);
}

test('removing a person asks first, naming the cards they review; undo after a reload brings them back as owner and reviewer, redo after another removes them again', async ({ page }) => {
  await page.goto(`${base()}#/people`);
  await iAm(page, { name: 'Steven Hand', email: 'steven.hand@example.org' });
  await expect(page.getByTestId('undo')).toBeDisabled();
  const person = page.locator('[data-testid^="person-"]').filter({ hasText: 'Keir Fraser' });
  await expect(person).toHaveCount(1);
  const id = ((await person.getAttribute('data-testid')) ?? '').slice('person-'.length);

  // Keir reviews an unassigned card.
  await openView(page, 'board');
  const card = page.getByTestId('column-unassigned').locator('[data-card-id]').first();
  const cardId = await card.getAttribute('data-card-id');
  await card.locator('.card-name').click();
  const reviewer = page.getByTestId('card-pane').getByTestId('pane-reviewer');
  await reviewer.selectOption(id);
  await expect(reviewer).toHaveValue(id);
  await openView(page, 'people');
  // The people list counts the cards a person reviews beside those they own.
  await expect(person).toContainText('1 card · reviews 1 card');

  await page.getByTestId(`remove-${id}`).click();
  await page.screenshot({ path: path.join(SHOTS, 'ask-remove-person.png') });
  await cancelled(page, /Keir Fraser leaves the sprint; their card goes back to Unassigned.*Keir Fraser reviews 1 card; it will have no reviewer/);
  await expect(person).toHaveCount(1);

  await page.getByTestId(`remove-${id}`).click();
  await page.getByTestId('confirm-yes').click();
  await expect(person).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('undo')).toBeEnabled();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo: removed Keir Fraser/);
  await page.getByTestId('undo').click();
  await expect(person).toHaveCount(1);
  await expect(person).toContainText('1 card');
  await openView(page, 'board');
  await page.getByTestId(`card-${cardId}`).locator('.card-name').click();
  await expect(reviewer).toHaveValue(id);
  await openView(page, 'people');

  await page.reload();
  await expect(page.getByTestId('redo')).toBeEnabled();
  await page.getByTestId('redo').click();
  await expect(person).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(person).toHaveCount(1);
});

test('importing MAINTAINERS over the cards asks, naming how many it replaces', async ({ page }) => {
  await page.goto(`${base()}#/subsystems`);
  await iAm(page, { name: 'Steven Hand', email: 'steven.hand@example.org' });
  await page.getByTestId('import-maintainers').click();
  const dialog = page.getByTestId('import-confirm');
  await expect(dialog).toContainText(/replaces 17 cards with \d+/);
  await page.screenshot({ path: path.join(SHOTS, 'ask-import-maintainers.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByTestId('tab-board').click();
  await expect(page.locator('.board-toolbar .toolbar-note')).toHaveText('17 cards');
});

test('removing a rule, abandoning a copy and finishing while the copies drift ask first', async ({ page }) => {
  await page.goto(`${base()}#/rename`);
  await iAm(page, { name: 'Steven Hand', email: 'steven.hand@example.org' });
  await page.getByTestId('rule-from').fill('arch/xen/kernel');
  await page.getByTestId('rule-to').fill('drivers/xen/core');
  await expect(page.getByTestId('rule-add')).toBeEnabled();
  await page.getByTestId('rule-add').click();
  const rule = page.locator('[data-testid^="rule-"]').filter({ hasText: 'arch/xen/kernel → drivers/xen/core' });
  await expect(rule).toBeVisible();
  const ruleId = ((await rule.getAttribute('data-testid')) ?? '').slice('rule-'.length);

  await page.getByTestId(`remove-rule-${ruleId}`).click();
  await cancelled(page, /leaves the plan\. Nothing in the repository changes/);
  await expect(page.getByTestId(`phase-${ruleId}`)).toHaveText('planned');

  const head = () => git(room().repo, ['rev-parse', 'HEAD']).trim();
  await page.getByTestId(`copy-${ruleId}`).click();
  await expect(page.getByTestId(`phase-${ruleId}`)).toHaveText('copied');
  const copied = head();

  await page.getByTestId(`abandon-${ruleId}`).click();
  await cancelled(page, /A commit removes the copy at drivers\/xen\/core/);
  await expect(page.getByTestId(`phase-${ruleId}`)).toHaveText('copied');
  expect(head()).toBe(copied);

  // A plain git commit edits the copy: the view shows the drift, and Finish says what it would lose.
  const file = git(room().repo, ['ls-tree', '-z', '--name-only', 'HEAD', '--', 'drivers/xen/core/']).split('\0').filter(Boolean)[0]!;
  makeCommit(room().repo, { files: { [file]: `${git(room().repo, ['show', `HEAD:${file}`])}/* edited in the copy */\n` }, message: 'edit the copy' });
  await expect(page.getByTestId('drift-row')).toHaveCount(1);
  const edited = head();
  await page.getByTestId(`finish-${ruleId}`).click();
  await page.screenshot({ path: path.join(SHOTS, 'ask-finish-drifting.png') });
  await cancelled(page, /1 file differs between arch\/xen\/kernel and drivers\/xen\/core\. Finishing puts the source's versions \(arch\/xen\/kernel\) at drivers\/xen\/core and removes arch\/xen\/kernel/);
  await expect(page.getByTestId(`phase-${ruleId}`)).toHaveText('copied');
  expect(head()).toBe(edited);

  await page.getByTestId(`abandon-${ruleId}`).click();
  await page.getByTestId('confirm-yes').click();
  await expect(page.getByTestId(`phase-${ruleId}`)).toHaveText('abandoned');
});
