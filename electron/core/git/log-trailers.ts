/**
 * The trailers the fork's own commits carry (`Signed-off-by`, `Acked-by`, `Reviewed-by`), read
 * with git's trailer parser, and the files each commit touched: what lets a patch keep the
 * certifications and reviews of the commits whose changes it holds.
 */
import { git } from './exec';

/** The trailers a series keeps from the fork's commits, as git's `%(trailers:key=…)` names them. */
export const KEPT_TRAILERS = ['Signed-off-by', 'Acked-by', 'Reviewed-by'] as const;

export interface TrailedCommit {
  commit: string;
  /** Trailer lines as written ("Acked-by: Keir Fraser <keir@xensource.com>"), in message order. */
  trailers: string[];
  files: string[];
}

// git's own marker (%x01) opens each commit: a control character no message or path holds there.
const START = String.fromCharCode(1);
const isHead = (token: string): boolean => token.startsWith(START) && /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(token.slice(1));

/**
 * Parses `git log -z --format=%x01%H%x00%(trailers:key=…,unfold,separator=%x02) --name-only`:
 * per commit a token "\x01<id>", the trailers joined by \x02, then its paths, the first after a
 * newline; paths are NUL-ended, so only a token "\x01" + an id starts the next commit:
 *   "\x0147ec…\0Signed-off-by: A <a@x>\x02Acked-by: B <b@x>\0\na b.c\0\x01f651…\0\0\nb\0c\0"
 * Commits without a kept trailer are left out.
 */
export function parseTrailerLog(out: string): TrailedCommit[] {
  const tokens = out.split('\0');
  const commits: TrailedCommit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const head = tokens[i] as string;
    if (!isHead(head)) {
      i++;
      continue;
    }
    const trailers = (tokens[i + 1] ?? '').split(String.fromCharCode(2)).map((t) => t.trim()).filter(Boolean);
    const files: string[] = [];
    for (i += 2; i < tokens.length && !isHead(tokens[i] as string); i++) {
      const path = (tokens[i] as string).replace(/^\n/, '');
      if (path !== '') files.push(path);
    }
    if (trailers.length > 0) commits.push({ commit: head.slice(1), trailers, files });
  }
  return commits;
}

/** The commits of `from..to` (oldest first, no merges) with kept trailers, and their files. */
export async function forkTrailers(repo: string, from: string, to: string): Promise<TrailedCommit[]> {
  const keys = KEPT_TRAILERS.map((k) => `key=${k}`).join(',');
  const out = await git(repo, [
    'log', '-z', '--reverse', '--no-merges', '--no-renames', '--no-color', `--format=%x01%H%x00%(trailers:${keys},unfold,separator=%x02)`, '--name-only',
    '--end-of-options', `${from}..${to}`,
  ]);
  return parseTrailerLog(out.stdout);
}
