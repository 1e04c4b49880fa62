/**
 * The board end to end, in Debian's Chromium through the real room server on the demo sprint:
 * a mouse drag, a keyboard move, undo, reload, and a change made by the command line showing
 * up live. Saves screenshots of the board, the inventory with a diff, and the setup page.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT, runCli, startRoom, type Room } from '../renderer/room-process';

const SHOTS = path.join(PROJECT, 'screenshots');

interface CliPlan {
  people: { id: string; name: string }[];
  subsystems: { id: string; name: string; owner: string | null; state: string }[];
}

let room: Room;
const problems: string[] = [];

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  room = await startRoom(['--demo', '--port', '0']);
});

test.afterAll(async () => {
  await room?.stop();
});

function cliPlan(): CliPlan {
  const r = runCli(['plan', '--repo', room.repo, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CliPlan;
}

/** Subsystem ids of the cards in a column, in order. */
async function cardsIn(column: Locator): Promise<string[]> {
  const ids = await column.locator('[data-testid^="card-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.slice('card-'.length));
}

async function dragWithMouse(page: Page, card: Locator, target: Locator): Promise<void> {
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('The card or the column is not on screen.');
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  // Past the activation distance first, then a real path across the board.
  await page.mouse.move(from.x + from.width / 2 + 8, from.y + 16, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 25 });
  await expect(target).toHaveClass(/column-over/);
  await page.mouse.up();
}

test('board: drag, keyboard move, undo, reload, and a CLI change shown live', async ({ page }) => {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

  await page.goto(room.url);
  const board = page.getByTestId('board');
  await expect(board).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveText(/Live/);
  await expect(page.getByTestId('keyboard-help')).toContainText('Space to pick it up');

  const plan = cliPlan();
  const [first, second] = plan.people;
  if (!first || !second) throw new Error('The demo sprint should have at least two people.');
  const unassigned = page.getByTestId('column-unassigned');
  const startCards = await cardsIn(unassigned);
  expect(startCards.length).toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: path.join(SHOTS, 'board-by-person.png') });

  // 1. Mouse: drag the first unassigned card onto the first person.
  const dragged = startCards[0]!;
  await dragWithMouse(page, unassigned.getByTestId(`card-${dragged}`), page.getByTestId(`column-${first.id}`));
  await expect(page.getByTestId(`column-${first.id}`).getByTestId(`card-${dragged}`)).toBeVisible();
  await expect.poll(() => cliPlan().subsystems.find((s) => s.id === dragged)?.owner).toBe(first.name);

  // 2. Keyboard: pick up the next unassigned card, move it one column left (the last person), drop.
  const moved = startCards[1]!;
  const lastPerson = plan.people.at(-1)!;
  const card = unassigned.getByTestId(`card-${moved}`);
  await card.focus();
  await page.keyboard.press('Space');
  await expect(card).toHaveClass(/card-dragging/);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText(new RegExp(`is over ${lastPerson.name}\\.$`))).toBeAttached();
  await page.keyboard.press('Space');
  await expect(page.getByTestId(`column-${lastPerson.id}`).getByTestId(`card-${moved}`)).toBeVisible();
  await expect.poll(() => cliPlan().subsystems.find((s) => s.id === moved)?.owner).toBe(lastPerson.name);

  // 3. Undo with Ctrl+Z: the keyboard move goes back, the mouse drag stays.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(unassigned.getByTestId(`card-${moved}`)).toBeVisible();
  await expect.poll(() => cliPlan().subsystems.find((s) => s.id === moved)?.owner).toBeNull();

  // 4. Reload: the board is as it was left.
  await page.reload();
  await expect(page.getByTestId(`column-${first.id}`).getByTestId(`card-${dragged}`)).toBeVisible();
  await expect(page.getByTestId('column-unassigned').getByTestId(`card-${moved}`)).toBeVisible();
  expect(await cardsIn(page.getByTestId('column-unassigned'))).toEqual(startCards.filter((id) => id !== dragged));

  // 5. A change from the command line, in its own process, shows up without a reload.
  const viaCli = startCards[2]!;
  const cliName = plan.subsystems.find((s) => s.id === viaCli)!.name;
  const r = runCli(['assign', '--repo', room.repo, '--subsystem', cliName, '--to', second.name]);
  expect(r.status, r.stderr).toBe(0);
  await expect(page.getByTestId(`column-${second.id}`).getByTestId(`card-${viaCli}`)).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('tab-activity').click();
  await expect(page.getByTestId('activity')).toContainText(`assigned ${cliName} to ${second.name}`);
  await page.getByTestId('tab-board').click();
  await page.screenshot({ path: path.join(SHOTS, 'board-by-person-after.png') });

  // 6. By state.
  await page.getByTestId('mode-state').click();
  await expect(page.getByTestId('column-backlog')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'board-by-state.png') });

  expect(problems).toEqual([]);
});

test('inventory with a diff open, and the setup page', async ({ page }) => {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${room.url}#/inventory`);
  await expect(page.getByTestId('file-table')).toBeVisible();
  await page.getByTestId('inventory-status').selectOption('modified');
  await page.getByTestId('file-row').first().click();
  const diff = page.getByTestId('diff');
  await expect(diff).toBeVisible();
  await expect(diff.locator('.diff-added, .diff-removed').first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'inventory-diff.png') });

  await page.getByTestId('tab-setup').click();
  await expect(page.getByTestId('repo-card')).toContainText(path.basename(room.repo));
  await page.getByTestId('suggest-pairs').click();
  await expect(page.getByTestId('suggest-pairs')).toHaveText('Suggest pairings');
  await expect(page.getByTestId('pairings')).toContainText('%');
  await page.screenshot({ path: path.join(SHOTS, 'setup.png'), fullPage: true });
  expect(problems).toEqual([]);
});
