/**
 * Recently opened repositories, kept in userData/recent.json. The file is replaced atomically
 * (temporary file, fsync, rename) so a crash never leaves it half written; a missing or damaged
 * file reads as an empty list rather than stopping the app.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const MAX_RECENT = 10;

interface RecentFile {
  version: 1;
  repositories: string[];
}

/** The list, most recent first; absolute paths only, no duplicates. */
export async function loadRecent(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  try {
    return normalise(readRepositories(JSON.parse(text) as unknown));
  } catch {
    return [];
  }
}

export async function saveRecent(file: string, repositories: string[]): Promise<void> {
  const content: RecentFile = { version: 1, repositories: normalise(repositories) };
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(content, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The list with `repo` moved to the front, cut to MAX_RECENT. */
export function withRecent(repositories: string[], repo: string): string[] {
  return normalise([repo, ...repositories]);
}

export function withoutRecent(repositories: string[], repo: string): string[] {
  const target = path.resolve(repo);
  return repositories.filter((r) => path.resolve(r) !== target);
}

function readRepositories(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return [];
  const list = (data as { repositories?: unknown }).repositories;
  return Array.isArray(list) ? list.filter((r): r is string => typeof r === 'string') : [];
}

function normalise(repositories: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const repo of repositories) {
    if (repo === '' || repo.includes('\0') || !path.isAbsolute(repo)) continue;
    const resolved = path.resolve(repo);
    if (seen.has(resolved)) continue;
    seen.add(resolved);
    out.push(resolved);
    if (out.length === MAX_RECENT) break;
  }
  return out;
}
