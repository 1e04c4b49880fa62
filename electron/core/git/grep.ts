/** Searching a commit's files for fixed strings (the old paths of the rename plan). */
import { git } from './exec';

export interface GrepHit {
  path: string;
  line: number;
  text: string;
}

/**
 * Parses `git grep -z -n` over a commit: "COMMIT:PATH NUL LINE NUL TEXT LF" per hit. The path
 * (after the "COMMIT:" prefix git adds for a tree) ends at the NUL, so it may hold newlines; the
 * text ends at the line feed.
 *   "9fceb02...:arch/xen/Makefile\u000012\u0000obj-y += arch/xen/kernel/\n"
 */
export function parseGrep(out: string, commit: string, limit = Infinity): GrepHit[] {
  const hits: GrepHit[] = [];
  const prefix = `${commit}:`;
  let at = 0;
  while (at < out.length && hits.length < limit) {
    const pathEnd = out.indexOf('\0', at);
    const lineEnd = pathEnd < 0 ? -1 : out.indexOf('\0', pathEnd + 1);
    if (pathEnd < 0 || lineEnd < 0) break;
    let textEnd = out.indexOf('\n', lineEnd + 1);
    if (textEnd < 0) textEnd = out.length;
    const name = out.slice(at, pathEnd);
    hits.push({
      path: name.startsWith(prefix) ? name.slice(prefix.length) : name,
      line: Number(out.slice(pathEnd + 1, lineEnd)),
      text: out.slice(lineEnd + 1, textEnd),
    });
    at = textEnd + 1;
  }
  return hits;
}

/** Lines of text files in `commit` holding any of `terms` (fixed strings, passed with -e so none is read as an option). */
export async function grepFixed(repo: string, commit: string, terms: readonly string[], limit?: number): Promise<GrepHit[]> {
  if (terms.length === 0) return [];
  const args = ['grep', '-z', '-n', '-I', '--no-color', '-F', ...terms.flatMap((t) => ['-e', t]), commit, '--'];
  // Exit 1: no line matches, which is an answer.
  const out = await git(repo, args, { successExitCodes: [1] });
  return parseGrep(out.stdout, commit, limit);
}
