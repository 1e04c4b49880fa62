/** What the end-to-end specs on the demo sprint share: the room server around a spec file, and where screenshots go. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT, startRoom, type Room } from '../renderer/room-process';

export const SHOTS = path.join(PROJECT, 'screenshots');

/**
 * Starts the room server on a fresh demo sprint before the spec file's tests and stops it after
 * them; the answer gives the running room.
 */
export function demoRoom(): () => Room {
  let room: Room | null = null;
  test.beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    room = await startRoom(['--demo', '--port', '0']);
  });
  test.afterAll(async () => {
    await room?.stop();
  });
  return () => {
    if (room === null) throw new Error('The demo room server is not running (demoRoom() starts it before the tests).');
    return room;
  };
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
  await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 25 });
  await expect(target).toHaveClass(/column-over/);
  await page.mouse.up();
}
