/**
 * Writing the series' commits in one `git fast-import` run: each commit is its parent's tree
 * with the patch's files set to the target's blobs (or removed). fast-import keeps the trees in
 * memory, so 50 commits over a Linux-size tree cost one process instead of an index rewrite per
 * patch. No ref is written: the stream ends by resetting its branch, so the commits are only
 * known by the ids fast-import reports in its marks file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { git } from './exec';

export interface Identity {
  name: string;
  email: string;
}

export interface CommitSpec {
  /** '000000' (or '0') removes the path; any other mode sets it to `oid`. */
  entries: { path: string; mode: string; oid: string }[];
  message: string;
  author: Identity;
  committer: Identity;
  /** Git's raw date, "1700000000 +0000". */
  date: string;
  /** The committer's, when it is not the author's (a picked-up commit keeps its author's date). */
  committerDate?: string;
}

/** The branch name the stream uses while it runs; reset at its end, so it is never written. */
const SCRATCH_BRANCH = 'refs/merge-sprint/series/fast-import';

/** A path in fast-import's C-style quotes (any path may be written so; needed for newlines and quotes). */
export function quoteImportPath(p: string): string {
  let out = '"';
  for (const ch of p) {
    const code = ch.charCodeAt(0);
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Name and email as a commit header takes them: no angle brackets or line breaks. */
const clean = (s: string): string => s.replace(/[<>\r\n]/g, '').trim();
const who = (i: Identity, date: string): string => `${clean(i.name) || 'unknown'} <${clean(i.email)}> ${date}`;

/** The fast-import stream for `commits` on top of `base` (a commit id). */
export function importStream(base: string, commits: readonly CommitSpec[]): string {
  const parts: string[] = [];
  commits.forEach((c, i) => {
    parts.push(`commit ${SCRATCH_BRANCH}\nmark :${i + 1}\n`);
    parts.push(`author ${who(c.author, c.date)}\ncommitter ${who(c.committer, c.committerDate ?? c.date)}\n`);
    parts.push(`data ${Buffer.byteLength(c.message, 'utf8')}\n${c.message}\n`);
    parts.push(`from ${i === 0 ? base : `:${i}`}\n`);
    for (const e of c.entries) {
      parts.push(/^0+$/.test(e.mode) ? `D ${quoteImportPath(e.path)}\n` : `M ${e.mode} ${e.oid} ${quoteImportPath(e.path)}\n`);
    }
    parts.push('\n');
  });
  parts.push(`reset ${SCRATCH_BRANCH}\n\n`);
  return parts.join('');
}

/**
 * Parses fast-import's marks file, one ":<mark> <commit id>" a line:
 *   ":1 280cbcf7007b0876cf9107eb30ab8b0b4d53055b\n:2 9d1e…\n"
 */
export function parseMarks(text: string): Map<number, string> {
  const marks = new Map<number, string>();
  for (const line of text.split('\n')) {
    const m = /^:(\d+) ([0-9a-f]{40,64})$/.exec(line);
    if (m) marks.set(Number(m[1]), m[2] as string);
  }
  return marks;
}

/**
 * Runs one `git fast-import` over `stream`. With `marksFile`, git writes there the id of each
 * marked commit; with `done`, the stream must end with a `done` command, so a cut-off stream
 * is refused instead of half imported.
 */
export async function fastImport(repo: string, stream: string | Buffer, opts: { marksFile?: string; done?: boolean } = {}): Promise<void> {
  const args = ['fast-import', '--quiet'];
  if (opts.marksFile !== undefined) args.push(`--export-marks=${opts.marksFile}`);
  if (opts.done === true) args.push('--done');
  await git(repo, args, { input: stream });
}

/** Writes the commits and returns their ids in order. */
export async function importCommits(repo: string, base: string, commits: readonly CommitSpec[]): Promise<string[]> {
  if (commits.length === 0) return [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'merge-sprint-import-'));
  const marksFile = path.join(dir, 'marks');
  try {
    await fastImport(repo, importStream(base, commits), { marksFile });
    const marks = parseMarks(readFileSync(marksFile, 'utf8'));
    return commits.map((_, i) => {
      const id = marks.get(i + 1);
      if (!id) throw new Error(`git fast-import reported no commit for patch ${i + 1}`);
      return id;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
