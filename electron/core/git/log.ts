/**
 * History (`git log`): the commits since a series' base that touch its files, and the commits of
 * a ref with their parents and whole messages (the plan's event log).
 */
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

export interface LoggedMessage {
  commit: string;
  parents: string[];
  message: string;
}

/**
 * Parses `git log -z --format=%H%x00%P%x00%B`: per commit three NUL-terminated fields, the id,
 * the parents separated by spaces ('' for the first commit) and the raw message:
 *   "3a68…\0\0plan: person.put by Ada\n\n{…}\n\0" + "9fce…\0" + "3a68… 77b1…\0plan: merge…\n\0"
 */
export function parseMessageLog(out: string): LoggedMessage[] {
  const fields = splitNul(out);
  const commits: LoggedMessage[] = [];
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const parents = (fields[i + 1] as string).trim();
    commits.push({ commit: fields[i] as string, parents: parents === '' ? [] : parents.split(' '), message: fields[i + 2] as string });
  }
  return commits;
}

/** The commits reachable from `head` and not from `since` (all of them when `since` is ''). */
export async function readMessages(repo: string, head: string, since = ''): Promise<LoggedMessage[]> {
  if (head === '') return [];
  const revs = since === '' ? [head] : [head, `^${since}`];
  const out = await git(repo, ['log', '-z', '--no-show-signature', '--format=%H%x00%P%x00%B', '--end-of-options', ...revs, '--']);
  return parseMessageLog(out.stdout);
}

export interface CommitWithFiles extends LoggedCommit {
  files: string[];
}

/**
 * Parses `git log -z --name-only --no-renames --format=%x1e%H%x1f%an%x1f%aI%x1f%s`: per commit
 * a record separator, the fields split by the unit separator and ended by NUL, then a line feed
 * and the changed paths, each ended by NUL (none for a merge):
 *   "\x1e53a7…\x1fKeir\x1f2026-12-01T11:41:47+00:00\x1fmm: fix\0\narch/xen/i386/mm/fault.c\0g\0" + "\x1e27b9…\x1fAda\x1f…\x1fmerge\0"
 */
export function parseLogWithFiles(out: string): CommitWithFiles[] {
  const commits: CommitWithFiles[] = [];
  for (const field of out.split('\0')) {
    if (field.startsWith('\x1e') || field.startsWith('\n\x1e')) {
      const [commit, author, date, ...subject] = field.slice(field.indexOf('\x1e') + 1).split('\x1f');
      if (!commit || author === undefined || date === undefined) throw new Error(`Unexpected git log record: ${JSON.stringify(field)}`);
      commits.push({ commit, author, date, subject: subject.join('\x1f'), files: [] });
    } else if (field !== '') {
      const last = commits.at(-1);
      if (!last) throw new Error(`Unexpected git log output before the first commit: ${JSON.stringify(field)}`);
      last.files.push(last.files.length === 0 ? field.replace(/^\n/, '') : field);
    }
  }
  return commits;
}

const WITH_FILES = ['log', '-z', '--no-color', '--name-only', '--no-renames', '--format=%x1e%H%x1f%an%x1f%aI%x1f%s'];

/** The commits reachable from `head` committed at `since` or later, newest first, with the files each changed. */
export async function commitsSince(repo: string, head: string, since: Date): Promise<CommitWithFiles[]> {
  const out = await git(repo, [...WITH_FILES, `--since=${since.toISOString()}`, '--end-of-options', head, '--']);
  return parseLogWithFiles(out.stdout);
}

/** The commits in `from..to`, newest first, with the files each changed (none for a merge). */
export async function commitsBetweenWithFiles(repo: string, from: string, to: string): Promise<CommitWithFiles[]> {
  const out = await git(repo, [...WITH_FILES, '--end-of-options', `${from}..${to}`, '--']);
  return parseLogWithFiles(out.stdout);
}
