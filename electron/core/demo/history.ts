/**
 * The demo repository's history, read at run time from the fixture folder. Its history.json
 * lists the commits in order, upstream's then the fork's, each with its author (by key, see
 * authors.ts), its date and message, and the folder holding exactly the files the commit writes,
 * at their paths in the repository; `release` is the message of the tag on upstream's last
 * commit. The files are read as bytes, so the repository holds them exactly as the fixture does.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/result';
import { FORK_AUTHORS, UPSTREAM_AUTHORS, type DemoAuthor } from './authors';
import { demoFixtureDir } from './fixture';

export interface DemoCommit {
  author: DemoAuthor;
  /** Seconds since the epoch, pinned so the demo's commit ids are the same everywhere. */
  time: number;
  message: string;
  /** Path in the repository ('/'-separated) -> the file's bytes. */
  files: Map<string, Buffer>;
}

export interface DemoHistory {
  upstream: DemoCommit[];
  /** The message of the release tag on upstream's last commit. */
  release: string;
  fork: DemoCommit[];
}

const authorKey = (authors: Record<string, DemoAuthor>) =>
  z.string().transform((key, ctx) => {
    const author = Object.hasOwn(authors, key) ? authors[key] : undefined;
    if (author) return author;
    ctx.addIssue({ code: 'custom', message: `"${key}" is not one of the demo's authors (${Object.keys(authors).join(', ')})` });
    return z.NEVER;
  });

/** A whole second in UTC, as git's raw dates count them. */
const date = z.iso
  .datetime()
  .refine((text) => text.endsWith('Z') && Date.parse(text) % 1000 === 0, 'a date is a whole second in UTC, written with Z')
  .transform((text) => Date.parse(text) / 1000);

const commitEntry = (folder: 'upstream' | 'fork', authors: Record<string, DemoAuthor>) =>
  z.strictObject({
    files: z.string().regex(new RegExp(`^${folder}/[A-Za-z0-9][A-Za-z0-9._-]*$`), `a folder directly under ${folder}/`),
    author: authorKey(authors),
    date,
    message: z.string().min(1),
  });

const HistoryFile = z.strictObject({
  upstream: z.array(commitEntry('upstream', UPSTREAM_AUTHORS)).min(1),
  release: z.string().min(1),
  fork: z.array(commitEntry('fork', FORK_AUTHORS)).min(1),
});

/** Every regular file under `dir`, by its '/'-separated path below it; anything else is refused. */
async function readTree(dir: string, prefix = '', into = new Map<string, Buffer>()): Promise<Map<string, Buffer>> {
  // Names and lstat only, not readdir's file types: the packaged app reads this inside its asar
  // archive, whose file system supports these everywhere.
  for (const name of (await readdir(dir)).sort()) {
    const file = path.join(dir, name);
    const repoPath = prefix === '' ? name : `${prefix}/${name}`;
    const stats = await lstat(file);
    if (stats.isDirectory()) await readTree(file, repoPath, into);
    else if (stats.isFile()) into.set(repoPath, await readFile(file));
    else throw new Error(`${file} is neither a file nor a folder`);
  }
  return into;
}

/** Reads the demo's history from `dir` (default: the fixture folder this build carries). */
export async function readDemoHistory(dir = demoFixtureDir()): Promise<Result<DemoHistory>> {
  const damaged = (what: string) =>
    fail('internal', `The demo's files in ${dir} are missing or damaged (${what}). Reinstall Merge Sprint, or run "npm run build" in a checkout, to restore them.`);
  let parsed: z.infer<typeof HistoryFile>;
  try {
    const checked = HistoryFile.safeParse(JSON.parse(await readFile(path.join(dir, 'history.json'), 'utf8')));
    if (!checked.success) return damaged(`history.json: ${z.prettifyError(checked.error).replace(/\s*\n\s*/g, '; ')}`);
    parsed = checked.data;
  } catch (error) {
    return damaged(error instanceof Error ? error.message : String(error));
  }
  try {
    const read = (entries: typeof parsed.upstream): Promise<DemoCommit[]> =>
      Promise.all(entries.map(async (c) => ({ author: c.author, time: c.date, message: c.message, files: await readTree(path.join(dir, c.files)) })));
    const [upstream, fork] = await Promise.all([read(parsed.upstream), read(parsed.fork)]);
    const empty = [...upstream, ...fork].find((c) => c.files.size === 0);
    if (empty) return damaged(`the commit "${empty.message}" writes no file`);
    return ok({ upstream, release: parsed.release, fork });
  } catch (error) {
    return damaged(error instanceof Error ? error.message : String(error));
  }
}
