/** Blobs by id: their sizes and their text (`git cat-file`). */
import { runGit } from './exec';

/**
 * Parses `git cat-file --batch-check='%(objectname) %(objectsize)'`, one line per id asked:
 *   "3e75765e2a0f3b1e6f1e6b2c9d2a1f0e5c4b3a29 2048\n"
 *   "3e75765e2a0f3b1e6f1e6b2c9d2a1f0e5c4b3a29 missing\n"
 */
export function parseObjectSizes(out: string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const line of out.split('\n')) {
    const [oid, size] = line.split(' ');
    if (oid && size && /^\d+$/.test(size)) sizes.set(oid, Number(size));
  }
  return sizes;
}

/** The size in bytes of each object (absent: git has no such object), in one git call. */
export async function objectSizes(repo: string, oids: readonly string[]): Promise<Map<string, number>> {
  if (oids.length === 0) return new Map();
  // Ids go through standard input, one a line (they are hex ids, never user text).
  const out = await runGit(repo, 'cat-file', ['cat-file', '--batch-check=%(objectname) %(objectsize)'], { input: oids.map((o) => `${o}\n`).join('') });
  return parseObjectSizes(out.stdout);
}

/** A blob's content as text. */
export async function readBlob(repo: string, oid: string): Promise<string> {
  const out = await runGit(repo, 'cat-file', ['cat-file', 'blob', '--end-of-options', oid]);
  return out.stdout;
}
