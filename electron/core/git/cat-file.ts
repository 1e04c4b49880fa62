/** Reading objects (`git cat-file`): sizes by id, objects at paths of a commit, a blob's text. */
import { git } from './exec';

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
  const out = await git(repo, ['cat-file', '--batch-check=%(objectname) %(objectsize)'], { input: oids.map((o) => `${o}\n`).join('') });
  return parseObjectSizes(out.stdout);
}

/** A blob's content as text. */
export async function readBlob(repo: string, oid: string): Promise<string> {
  const out = await git(repo, ['cat-file', 'blob', '--end-of-options', oid]);
  return out.stdout;
}

export interface PathLookup {
  commit: string;
  path: string;
}

export interface FoundObject {
  oid: string;
  type: string;
}

/** One answer's first line: "<name> missing" (or ambiguous), or the object's header fields; and where the next answer starts. */
function answerHeader(out: string, at: number, name: string, fieldsOk: (fields: string[]) => boolean): { fields: string[] | null; next: number } {
  const unanswered = [' missing\n', ' ambiguous\n'].find((word) => out.startsWith(name + word, at));
  if (unanswered) return { fields: null, next: at + name.length + unanswered.length };
  const end = out.indexOf('\n', at);
  const fields = out.slice(at, end < 0 ? out.length : end).split(' ');
  if (end < 0 || !/^[0-9a-f]{40,64}$/.test(fields[0] ?? '') || !fieldsOk(fields)) {
    throw new Error(`Unexpected cat-file answer for ${JSON.stringify(name)}: ${JSON.stringify(out.slice(at, at + 200))}`);
  }
  return { fields, next: end + 1 };
}

/**
 * Parses `git cat-file --batch-check -z` answers to the lookups `names`, in order, one line each:
 *   "bbce92e4cc17ef2aa28e89d44b2a9c6e0ffe2780 tree 98\n"   found
 *   "<name> missing\n"                                      no such path (or a submodule entry)
 * A missing answer echoes the name, which may itself hold newlines, so answers are read by the
 * length of the name that was asked rather than split on newlines.
 */
export function parseBatchCheck(out: string, names: readonly string[]): (FoundObject | null)[] {
  const found: (FoundObject | null)[] = [];
  let at = 0;
  for (const name of names) {
    const { fields, next } = answerHeader(out, at, name, (f) => Boolean(f[1]));
    found.push(fields ? { oid: fields[0] as string, type: fields[1] as string } : null);
    at = next;
  }
  return found;
}

/** The object at `commit:path` for each lookup, in order (null where there is none), in one git call. */
export async function lookupPaths(repo: string, lookups: readonly PathLookup[]): Promise<(FoundObject | null)[]> {
  if (lookups.length === 0) return [];
  const names = lookups.map((l) => `${l.commit}:${l.path}`);
  // Names go through standard input (NUL-separated), never through the command line.
  const out = await git(repo, ['cat-file', '--batch-check', '-z'], { input: names.map((n) => `${n}\0`).join('') });
  return parseBatchCheck(out.stdout, names);
}

/** Is `dir` a folder in `commit`? */
export async function dirExists(repo: string, commit: string, dir: string): Promise<boolean> {
  const [found] = await lookupPaths(repo, [{ commit, path: dir }]);
  return found?.type === 'tree';
}

/** A file's text at a commit, or null when the commit has no file (a blob) at that path. */
export async function readFileAt(repo: string, commit: string, path: string): Promise<string | null> {
  const [found] = await lookupPaths(repo, [{ commit, path }]);
  return found?.type === 'blob' ? readBlob(repo, found.oid) : null;
}

/**
 * Parses `git cat-file --batch -z` output, decoded one character per byte (latin1) so that the
 * sizes git prints count characters, one answer per name asked, in order:
 *   "3e75765e2a0f3b1e6f1e6b2c9d2a1f0e5c4b3a29 blob 13\nobj-y += a.o\n\n"   header, content, newline
 *   "<name> missing\n"                                                     no such path
 * `names` are latin1 too (as git echoes them). Answers that are not blobs come back as null.
 */
export function parseBatchContents(out: string, names: readonly string[]): (string | null)[] {
  const found: (string | null)[] = [];
  let at = 0;
  for (const name of names) {
    const { fields, next } = answerHeader(out, at, name, (f) => Boolean(f[1]) && /^\d+$/.test(f[2] ?? ''));
    if (!fields) {
      found.push(null);
      at = next;
      continue;
    }
    const stop = next + Number(fields[2]);
    found.push(fields[1] === 'blob' ? out.slice(next, stop) : null);
    at = stop + 1;
  }
  return found;
}

/**
 * The text of the file at `commit:path` for each lookup, in order (null where there is no file),
 * in one git call. Content is decoded as UTF-8 after it is cut out by its byte size, so a file in
 * another encoding is read whole (its odd bytes become U+FFFD) and never shifts the next one.
 */
export async function readFilesAt(repo: string, lookups: readonly PathLookup[]): Promise<(string | null)[]> {
  if (lookups.length === 0) return [];
  const names = lookups.map((l) => `${l.commit}:${l.path}`);
  // Names go through standard input (NUL-separated), never through the command line.
  const out = await git(repo, ['cat-file', '--batch', '-z'], { input: names.map((n) => `${n}\0`).join(''), encoding: 'latin1' });
  const asGitEchoes = names.map((n) => Buffer.from(n, 'utf8').toString('latin1'));
  return parseBatchContents(out.stdout, asGitEchoes).map((c) => (c === null ? null : Buffer.from(c, 'latin1').toString('utf8')));
}
