/**
 * The demo sprint kept in the app's own data folder, created whole or not at all.
 * No `electron` import (the caller passes the folder), so this is tested in Node.
 */
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fail, ok, type Result } from '../../shared/result';
import { createDemoRepository } from '../core/demo';

const PARTIAL_SUFFIX = '.partial';

/**
 * The demo repository at `dir`, created on first use. It is built in a sibling folder and
 * renamed into place when complete, so a crash mid-way never leaves a half demo that later
 * opens as if whole; the leftovers of such a crash are removed on the next attempt.
 */
export async function openDemoRepository(dir: string): Promise<Result<string>> {
  if (await isDirectory(dir)) return ok(dir);
  const parent = path.dirname(dir);
  const prefix = `${path.basename(dir)}.`;
  try {
    for (const name of await readdir(parent)) {
      if (name.startsWith(prefix) && name.endsWith(PARTIAL_SUFFIX)) await removeQuietly(path.join(parent, name));
    }
  } catch {
    // No parent folder yet: createDemoRepository makes it.
  }
  const partial = path.join(parent, `${prefix}${randomBytes(4).toString('hex')}${PARTIAL_SUFFIX}`);
  let created: Result<string>;
  try {
    created = await createDemoRepository(partial);
  } catch (error) {
    created = fail('internal', `Could not create the demo sprint in ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!created.ok) {
    await removeQuietly(partial);
    return created;
  }
  try {
    await rename(partial, dir);
  } catch (error) {
    await removeQuietly(partial);
    // Another window of the app finished first: its demo is as good as ours.
    if (await isDirectory(dir)) return ok(dir);
    return fail('internal', `Could not put the demo sprint in ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return ok(dir);
}

/** Removes our own partial folder; one that cannot even be looked at was never made. */
async function removeQuietly(folder: string): Promise<void> {
  try {
    await rm(folder, { recursive: true, force: true });
  } catch {
    // Nothing of ours is there to remove.
  }
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}
