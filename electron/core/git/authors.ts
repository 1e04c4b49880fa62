/** The repository's commit authors, for "import people from the repository's authors". */
import { fail, ok, type Result } from '../../../shared/result';
import { GitError } from './errors';
import { git } from './exec';

export interface Author {
  name: string;
  email: string;
  commits: number;
}

/**
 * Parses `git shortlog -sne`: one author a line, commit count, a tab, the name and the address
 * (git keeps `<`, `>` and newlines out of names), most commits first:
 *   "    42\tKeir Fraser <keir@xensource.com>\n     7\tIan Pratt <ian@xensource.com>\n"
 */
export function parseShortlog(out: string): Author[] {
  const authors: Author[] = [];
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+)\t(.*) <([^<>]*)>$/.exec(line);
    if (m) authors.push({ commits: Number(m[1]), name: (m[2] as string).trim(), email: m[3] as string });
  }
  return authors;
}

/** The `limit` authors with the most commits in `range` (a ref, or `A..B`), by .mailmap identity. */
export async function listAuthors(repo: string, range: string, limit: number): Promise<Result<Author[]>> {
  if (range.trim() === '' || range.startsWith('-') || /[\0\n]/.test(range)) {
    return fail('bad-input', `"${range}" is not a revision range: name a ref or write A..B.`);
  }
  try {
    const out = await git(repo, ['shortlog', '-sne', '--end-of-options', range, '--']);
    return ok(parseShortlog(out.stdout).slice(0, Math.max(0, limit)));
  } catch (error) {
    if (error instanceof GitError && error.kind === 'unknown-revision') {
      return fail('unknown-ref', `"${range}" names no commits in this repository: name a branch, a tag or a commit.`);
    }
    throw error;
  }
}
