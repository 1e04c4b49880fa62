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

/**
 * The commits reachable from `head` and not from `since`, and whether `since` is an ancestor of
 * `head`, in one walk. `--boundary` also lists the excluded commits the walk stopped at, marked
 * by `%m` ('-' for a boundary, '>' otherwise), so the records are "<mark><id>\0<parents>\0<message>\0":
 *   ">9fce…\03a68…\0plan: card.state by Keir\n\n{…}\n\0" + "-3a68…\077b1…\0plan: person.put by Ada\n\n{…}\n\0"
 * `since` is an ancestor exactly when it is among the boundaries: the last listed commit on a
 * path from `head` down to it has it as a parent.
 */
export async function readMessagesSince(repo: string, head: string, since: string): Promise<{ commits: LoggedMessage[]; descends: boolean }> {
  const out = await git(repo, ['log', '-z', '--boundary', '--no-show-signature', '--format=%m%H%x00%P%x00%B', '--end-of-options', head, `^${since}`, '--']);
  const commits: LoggedMessage[] = [];
  let descends = false;
  for (const c of parseMessageLog(out.stdout)) {
    const mark = c.commit.slice(0, 1);
    const commit = c.commit.slice(1);
    if (mark === '-') descends ||= commit === since;
    else commits.push({ ...c, commit });
  }
  return { commits, descends };
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

export interface ForkCommit {
  commit: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** As GIT_AUTHOR_DATE takes it back: seconds since the epoch and the zone ("1700000000 +0100"). */
  authorDate: string;
  /** ISO-8601, for showing. */
  authorIso: string;
  subject: string;
  message: string;
}

/**
 * Parses `git log -z --format=%H%x1f%P%x1f%an%x1f%ae%x1f%ad%x1f%aI%x1f%s%x1f%B --date=raw`: one
 * NUL-ended record a commit, the whole message last (so a stray separator in it stays in it):
 *   "3e75…\x1f1a2b…\x1fKeir\x1fkeir@xen.org\x1f1117000000 +0100\x1f2005-05-25T06:40:00+01:00\x1fFix evtchn\x1fFix evtchn\n\nbody\n\0"
 */
export function parseForkCommits(out: string): ForkCommit[] {
  return splitNul(out).map((record) => {
    const [commit, parents, authorName, authorEmail, authorDate, authorIso, subject, ...message] = record.replace(/^\n/, '').split('\x1f');
    if (!commit || parents === undefined || authorName === undefined || authorEmail === undefined || !authorDate || authorIso === undefined || subject === undefined) {
      throw new Error(`Unexpected git log record: ${JSON.stringify(record.slice(0, 200))}`);
    }
    return { commit, parents: parents === '' ? [] : parents.split(' '), authorName, authorEmail, authorDate, authorIso, subject, message: message.join('\x1f') };
  });
}

/**
 * The commits of `tip` that `head` does not contain, oldest first, along first parents only: a
 * merge in the fork's history is one commit (its change against its first parent), never its
 * merged side's commits again. Both are commit ids, never what a user typed.
 */
export async function firstParentCommitsSince(repo: string, tip: string, head: string): Promise<ForkCommit[]> {
  const out = await git(repo, [
    'log', '-z', '--no-color', '--no-show-signature', '--first-parent', '--reverse', '--date=raw',
    '--format=%H%x1f%P%x1f%an%x1f%ae%x1f%ad%x1f%aI%x1f%s%x1f%B', '--end-of-options', tip, `^${head}`, '--',
  ]);
  return parseForkCommits(out.stdout);
}

const TRAILER = /^\(picked up from commit ([0-9a-f]{40}(?:[0-9a-f]{24})?)\)$/gm;

/** The fork commits named by "(picked up from commit SHA)" lines in messages: `git log -z --format=%B`. */
export function parsePickupTrailers(out: string): Set<string> {
  const found = new Set<string>();
  for (const message of splitNul(out)) for (const m of message.matchAll(TRAILER)) found.add(m[1] as string);
  return found;
}

/** Fork commits already picked up on `head` since `base`, as their trailers say (whatever the plan holds). */
export async function pickedUpTrailers(repo: string, base: string, head: string): Promise<Set<string>> {
  const out = await git(repo, [
    'log', '-z', '--no-color', '--no-show-signature', '--format=%B', '--fixed-strings', '--grep=(picked up from commit ', '--end-of-options', head, `^${base}`, '--',
  ]);
  return parsePickupTrailers(out.stdout);
}
