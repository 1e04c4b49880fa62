/** Upstream history a series has to catch up with: the commits since its base that touch its files. */
import { git, splitNul } from './exec';
import { literalPathspec } from './trees';

export interface LoggedCommit {
  commit: string;
  author: string;
  date: string;
  subject: string;
}

/**
 * Parses `git log -z --format=%H%x1f%an%x1f%aI%x1f%s`: one NUL-ended record a commit, fields
 * split by the unit separator (the subject last, so a stray separator in it stays in it):
 *   "3e75765...\x1fLinus Torvalds\x1f2005-06-17T12:48:29-07:00\x1fLinux 2.6.12\0"
 */
export function parseLogRecords(out: string): LoggedCommit[] {
  return splitNul(out).map((record) => {
    const [commit, author, date, ...subject] = record.replace(/^\n/, '').split('\x1f');
    if (!commit || author === undefined || date === undefined) throw new Error(`Unexpected git log record: ${JSON.stringify(record)}`);
    return { commit, author, date, subject: subject.join('\x1f') };
  });
}

/** Commits in `from..to` that touch any of `files`, newest first. */
export async function commitsTouching(repo: string, from: string, to: string, files: readonly string[]): Promise<LoggedCommit[]> {
  if (files.length === 0) return [];
  const out = await git(repo, [
    'log', '-z', '--no-color', '--format=%H%x1f%an%x1f%aI%x1f%s', '--end-of-options', `${from}..${to}`, '--', ...files.map(literalPathspec),
  ]);
  return parseLogRecords(out.stdout);
}
