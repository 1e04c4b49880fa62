/**
 * What the end-to-end specs on the demo sprint share: the room server around a spec file, its
 * tokenised address, saying who you are in the header, and where screenshots go.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT, startRoom, type Room } from '../renderer/room-process';

export const SHOTS = path.join(PROJECT, 'screenshots');

/**
 * Starts the room server on a fresh demo sprint before the spec file's tests and stops it after
 * them; the answer gives the running room, whose `url` is the printed one with its join token.
 * `allowRepoChanges` starts it as `serve --allow-repo-changes`, for specs that make interim
 * copies or run checks from the browser.
 */
export function demoRoom(opts: { allowRepoChanges?: boolean } = {}): () => Room {
  let room: Room | null = null;
  test.beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    room = await startRoom(['--demo', '--port', '0', ...(opts.allowRepoChanges ? ['--allow-repo-changes'] : [])]);
    expect(new URL(room.url).searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
  test.afterAll(async () => {
    await room?.stop();
  });
  return () => {
    if (room === null) throw new Error('The demo room server is not running (demoRoom() starts it before the tests).');
    return room;
  };
}

/**
 * Says who this browser is with the header's "Who are you?", as a person in the room does
 * before changing anything: one of the sprint's people, or a typed name.
 */
export async function iAm(page: Page, who: { personId: string } | { name: string; email?: string }): Promise<void> {
  const picker = page.getByTestId('actor-picker');
  await picker.click();
  if ('personId' in who) {
    await page.getByTestId(`actor-person-${who.personId}`).click();
  } else {
    await page.getByTestId('actor-name').fill(who.name);
    await page.getByTestId('actor-email').fill(who.email ?? '');
    await page.getByTestId('actor-submit').click();
  }
  await expect(picker).toHaveText(/^I am/);
}

/** Drags a board card onto a column with the mouse, as a person would, and drops it once the column shows it is the target. */
export async function dragWithMouse(page: Page, card: Locator, target: Locator): Promise<void> {
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('The card or the column is not on screen.');
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  // Past the activation distance first, then a real path across the board.
  await page.mouse.move(from.x + from.width / 2 + 8, from.y + 16, { steps: 4 });
  // A column's upper part (its cards start there); a swimlane cell may be lower than that.
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(120, to.height / 2), { steps: 25 });
  await expect(target).toHaveClass(/column-over/);
  await page.mouse.up();
}

/** Opens a view by its header tab, through the More menu when the tab does not fit the window. */
export async function openView(page: Page, view: string): Promise<void> {
  const tab = page.getByTestId(`tab-${view}`);
  if (!(await tab.isVisible())) await page.getByTestId('tab-more').click();
  await tab.click();
  await expect(page.locator('.app-header [aria-current="page"]')).toHaveCount(1);
  await expect(page.locator('.app-loading')).toHaveCount(0);
}
