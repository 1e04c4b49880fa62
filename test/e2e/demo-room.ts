/** What the end-to-end specs on the demo sprint share: the room server around a spec file, and where screenshots go. */
import { test } from '@playwright/test';
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
