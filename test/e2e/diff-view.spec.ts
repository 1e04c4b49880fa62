/**
 * The inventory's diff and folder tree end to end, in Chromium through the real room server on a
 * sparse fork of the real shape: `arch/xen/i386` copies a few of `arch/i386`'s 400 files and
 * changes some of them; upstream files it does not copy stay upstream's. The diff has line numbers
 * and marks the changed words, n/p and F7/F8 move between changes, it goes side by side and stays
 * so after a reload, Escape closes it; the tree folds folders that carry their counts, and the
 * arrow keys walk it and the list.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { git, makeCommit, makeRepo, tempDir } from '../helpers/repo';
import { runCli, startRoom, type Room } from '../renderer/room-process';
import { SHOTS } from './demo-room';

const SETUP_LINES = 900;
/** Lines of setup.c that the fork changes, one word each: three changes far apart. */
const CHANGED = [40, 400, 860];

const source = (name: string, lines: number, edit: (i: number, line: string) => string = (_, l) => l) =>
  Array.from({ length: lines }, (_, i) => edit(i + 1, `\tcall_${name}_${i + 1}(load_cr3(next->pgd));`)).join('\n') + '\n';

/** Upstream's arch/i386 with 400 files; the fork's arch/xen/i386 copies 12, changes 3 of them, and adds one. */
function sparseFork(dir: string): string {
  const repo = makeRepo(dir);
  const upstream: Record<string, string> = {};
  for (let i = 0; i < 300; i++) upstream[`arch/i386/kernel/k${String(i).padStart(3, '0')}.c`] = source(`k${i}`, 20);
  for (let i = 0; i < 100; i++) upstream[`arch/i386/mm/m${String(i).padStart(3, '0')}.c`] = source(`m${i}`, 20);
  upstream['arch/i386/kernel/setup.c'] = source('setup', SETUP_LINES);
  upstream['arch/i386/kernel/time.c'] = source('time', 30);
  makeCommit(repo, { files: upstream, message: 'upstream' });
  git(repo, ['branch', 'upstream']);
  const fork: Record<string, string> = {
    'arch/xen/i386/kernel/setup.c': source('setup', SETUP_LINES, (i, l) => (CHANGED.includes(i) ? l.replace('load_cr3', 'xen_pt_switch') : l)),
    'arch/xen/i386/kernel/time.c': source('time', 30, (i, l) => (i === 10 ? l.replace('next', 'prev') : l)),
    'arch/xen/i386/mm/m000.c': source('m0', 20, (i, l) => (i === 5 ? `${l}\n\tHYPERVISOR_mmu_update();` : l)),
    'arch/xen/i386/kernel/evtchn.c': source('evtchn', 40),
  };
  for (let i = 1; i < 10; i++) fork[`arch/xen/i386/kernel/k${String(i).padStart(3, '0')}.c`] = upstream[`arch/i386/kernel/k${String(i).padStart(3, '0')}.c`] ?? '';
  makeCommit(repo, { files: fork, message: 'xen', branch: 'xen' });
  const init = runCli(['init', '--repo', repo, '--upstream', 'upstream', '--fork', 'xen', '--pair', 'arch/xen/i386=arch/i386']);
  expect(init.status, init.stderr).toBe(0);
  return repo;
}

let dir = '';
let room: Room | null = null;
const url = () => {
  if (!room) throw new Error('The room server is not running.');
  return room.url;
};

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = tempDir();
  room = await startRoom(['--repo', sparseFork(path.join(dir, 'fork')), '--port', '0']);
});

test.afterAll(async () => {
  await room?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function openDiff(page: Page, filter: string): Promise<void> {
  await page.goto(`${url()}#/inventory`);
  await page.getByTestId('layout-list').click();
  await page.getByTestId('inventory-text').fill(filter);
  await page.getByTestId('file-row').first().click();
  await expect(page.getByTestId('diff')).toBeVisible();
}

test('a diff with line numbers and the changed words marked, n/p and F7/F8 between changes, side by side, Escape closes it', async ({ page }) => {
  await openDiff(page, 'setup.c');
  const diff = page.getByTestId('diff');
  await expect(page.getByTestId('diff-position')).toHaveText('3 changes');
  // The first change: line 40 on both sides, the new word marked and the old one too.
  const first = diff.locator('tr.diff-line', { has: page.locator('.diff-code-insert') }).first();
  await expect(first.locator('.diff-gutter').nth(1)).toHaveText('40');
  await expect(first.locator('.diff-code-edit')).toHaveText(/xen_pt_switch/);
  await expect(diff.locator('.diff-code-delete .diff-code-edit').first()).toHaveText(/load_cr3/);
  await expect(diff.locator('tr.diff-line', { hasText: 'call_setup_39(' }).locator('.diff-gutter').first()).toHaveText('39');

  // The path filter keeps its room with the diff open.
  expect((await page.getByTestId('inventory-text').boundingBox())?.width ?? 0).toBeGreaterThan(150);

  await page.keyboard.press('n');
  await expect(page.getByTestId('diff-position')).toHaveText('Change 1 of 3');
  await page.keyboard.press('n');
  await expect(page.getByTestId('diff-position')).toHaveText('Change 2 of 3');
  const current = diff.locator('.diff-code-selected.diff-code-insert');
  await expect(current).toContainText('call_setup_400(xen_pt_switch');
  await expect(current).toBeInViewport();
  await page.keyboard.press('F8');
  await expect(page.getByTestId('diff-position')).toHaveText('Change 3 of 3');
  await expect(current).toContainText('call_setup_860(xen_pt_switch');
  await expect(current).toBeInViewport();
  await page.keyboard.press('n');
  await expect(page.getByTestId('diff-position')).toHaveText('Change 3 of 3');
  await page.keyboard.press('p');
  await page.keyboard.press('F7');
  await expect(page.getByTestId('diff-position')).toHaveText('Change 1 of 3');
  await expect(current).toContainText('call_setup_40(xen_pt_switch');
  await expect(current).toBeInViewport();
  // Typing n in the filter box types it.
  await page.getByTestId('inventory-text').press('End');
  await expect(page.getByTestId('diff-position')).toHaveText('Change 1 of 3');
  await page.screenshot({ path: path.join(SHOTS, 'diff-unified.png') });

  // Side by side: the old line and its replacement on one row, each with its own number.
  await page.getByTestId('diff-split').click();
  await expect(page.getByTestId('diff-split')).toHaveAttribute('aria-pressed', 'true');
  const row = diff.locator('table.diff-split tr.diff-line', { hasText: 'call_setup_40(xen_pt_switch' });
  await expect(row).toContainText('call_setup_40(load_cr3');
  await expect(row.locator('.diff-gutter')).toHaveText(['40', '40']);
  await page.screenshot({ path: path.join(SHOTS, 'diff-side-by-side.png') });
  await page.reload();
  await page.getByTestId('inventory-text').fill('setup.c');
  await page.getByTestId('file-row').first().click();
  await expect(page.getByTestId('diff-split')).toHaveAttribute('aria-pressed', 'true');
  await expect(diff.locator('table.diff-split').first()).toBeVisible();
  await page.getByTestId('diff-unified').click();

  await page.getByTestId('file-row').first().focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('diff-panel')).toBeHidden();
});

test('the folder tree: counts per status, folders fold and open, arrow keys walk it and the list, Escape closes the diff', async ({ page }) => {
  await page.goto(`${url()}#/inventory`);
  await page.getByTestId('layout-tree').click();
  const tree = page.getByTestId('file-tree');
  const kernel = page.getByTestId('tree-folder-arch/xen/i386/kernel');
  await expect(kernel).toHaveAttribute('aria-expanded', 'true');
  // setup.c and time.c changed, 9 copies identical, evtchn.c only in the fork, the other kernel files upstream's alone.
  await expect(kernel.getByTestId('tree-count-modified')).toHaveText('2');
  await expect(kernel.getByTestId('tree-count-identical')).toHaveText('9');
  await expect(kernel.getByTestId('tree-count-fork-only')).toHaveText('1');
  await expect(page.getByTestId('tree-folder-arch/xen/i386').getByTestId('tree-count-modified')).toHaveText('3');
  await expect(kernel).toHaveAttribute('aria-label', /2 modified, 9 identical, 1 fork only/);
  await page.screenshot({ path: path.join(SHOTS, 'inventory-tree.png') });

  // The tree shows what the filters leave: the changed files, in their folders.
  await page.getByTestId('inventory-status').selectOption('modified');
  await expect(kernel.getByTestId('tree-count-identical')).toHaveCount(0);
  await expect(tree.getByRole('treeitem')).toHaveCount(8);
  const setup = page.getByTestId('tree-file-arch/xen/i386/kernel/setup.c');
  await expect(setup).toBeVisible();
  await kernel.click();
  await expect(kernel).toHaveAttribute('aria-expanded', 'false');
  await expect(setup).toHaveCount(0);
  await expect(page.getByTestId('tree-folder-arch/xen/i386/mm')).toBeVisible();
  await kernel.click();
  await expect(setup).toBeVisible();

  // Keyboard: onto a file opens its diff, down opens the next, left goes to the folder, left again folds it.
  await setup.click();
  await expect(page.getByTestId('diff-panel')).toContainText('arch/xen/i386/kernel/setup.c');
  await expect(setup).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const time = page.getByTestId('tree-file-arch/xen/i386/kernel/time.c');
  await expect(time).toBeFocused();
  await expect(time).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('diff-panel')).toContainText('arch/xen/i386/kernel/time.c');
  await expect(page.getByTestId('diff')).toContainText('call_time_10(load_cr3(prev->pgd));');
  await page.keyboard.press('ArrowLeft');
  await expect(kernel).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(kernel).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowRight');
  await expect(kernel).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('End');
  await expect(tree.locator('[role="treeitem"]:focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('diff-panel')).toBeHidden();

  // The list: down moves the diff to the next file.
  await page.getByTestId('layout-list').click();
  const rows = page.getByTestId('file-row');
  await expect(rows).toHaveCount(3);
  const names = await rows.allTextContents();
  await rows.first().click();
  await expect(page.getByTestId('diff-panel')).toContainText(names[0] ?? '?');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('diff-panel')).toContainText(names[1] ?? '?');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('diff-panel')).toContainText(names[0] ?? '?');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('diff-panel')).toBeHidden();
});
