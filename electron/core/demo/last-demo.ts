/**
 * The demo that `npm run room` made last time, remembered in the user's cache folder so that a
 * second run reopens the same board (its cards, moves and copies) instead of starting another
 * demo with no pointer to the first. Only a folder that still holds a git repository is reopened.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The user's cache folder for Merge Sprint, as each system names it. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'merge-sprint');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'merge-sprint');
  return path.join(env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache'), 'merge-sprint');
}

export const lastDemoFile = (dir = cacheDir()): string => path.join(dir, 'last-demo.json');

/** The last demo's folder while it is still a repository; null when none was made or it is gone. */
export function lastDemo(file = lastDemoFile()): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const { path: folder } = JSON.parse(text) as { path?: unknown };
    return typeof folder === 'string' && path.isAbsolute(folder) && existsSync(path.join(folder, '.git')) ? folder : null;
  } catch {
    return null;
  }
}

/** Remembers `folder` as the last demo: written to a temporary file and renamed, so a kill leaves the old record or the new. */
export function rememberDemo(folder: string, file = lastDemoFile()): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ path: folder })}\n`);
  renameSync(temporary, file);
}
