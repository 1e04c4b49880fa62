/**
 * What must hold before a rename operation changes the repository: no merge, rebase,
 * cherry-pick, revert or bisect waiting, nobody holding the index lock, HEAD on a branch,
 * nothing uncommitted (or untracked, or a symbolic link) where the operation writes, and every
 * name it writes one the file system takes.
 */
import { lstat, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPaths, quotePath } from '../../../shared/paths';
import { fail, ok, type Result } from '../../../shared/result';
import { currentBranch } from '../git/commit';
import { indexLocked, operationInProgress, type GitOperation } from '../git/in-progress';
import { commitId, gitDir } from '../git/rev-parse';
import { statusOfPaths, type PathStatus } from '../git/status';
import { lsTree } from '../git/trees';
import { scratchDir } from './journal';

export interface RepoState {
  gitDir: string;
  branch: string;
  head: string;
}

const OPERATION_WORDS: Record<GitOperation, string> = {
  merge: 'a merge',
  rebase: 'a rebase',
  am: 'applying patches (git am)',
  'cherry-pick': 'a cherry-pick',
  revert: 'a revert',
  bisect: 'a bisect',
  sequencer: 'a cherry-pick or revert of several commits',
};

/** The repository may be changed: returns the branch and its commit, or why not. */
export async function checkRepoState(repo: string): Promise<Result<RepoState>> {
  const dir = await gitDir(repo);
  const op = await operationInProgress(dir);
  if (op) {
    return fail('refused', `The repository is in the middle of ${OPERATION_WORDS[op]}: finish it or abort it (git ${op === 'sequencer' ? 'cherry-pick' : op} --abort) first, then try again.`);
  }
  const lock = await indexLocked(repo);
  if (lock) {
    return fail('refused', `Another git process holds the index lock (${quotePath(lock)}): wait for it to finish and try again. If no git process is running, a crashed one left the lock behind; remove it yourself once you are sure.`);
  }
  const branch = await currentBranch(repo);
  if (branch === null) {
    return fail('refused', 'HEAD is detached (not on a branch): the rename plan commits to the current branch, so switch to the branch you are working on first (git switch BRANCH).');
  }
  const head = await commitId(repo, `refs/heads/${branch}`);
  if (head === null) return fail('refused', `The branch ${quotePath(branch)} has no commit yet: commit something first.`);
  return ok({ gitDir: dir, branch, head });
}

export interface TouchPolicy {
  /** Whether ignored files (build products) are in the way: yes where files are written, no where they are only removed. */
  ignoredInTheWay: boolean;
}

const describe = (s: PathStatus): string => {
  if (s.index === '?') return 'untracked';
  if (s.index === '!') return 'ignored';
  if (s.index === 'U' || s.worktree === 'U') return 'unmerged';
  const parts = [];
  if (s.index !== ' ') parts.push('staged');
  if (s.worktree === 'D') parts.push('deleted');
  else if (s.worktree !== ' ') parts.push('modified');
  return parts.join(' and ') || 'changed';
};

const LISTED = 8;

/**
 * Refuses when anything uncommitted is at or under `roots`, naming it; and when a folder on the
 * way to a root is a symbolic link in the working tree (git would write through it).
 */
export async function checkTouchedPaths(repo: string, roots: readonly string[], policy: TouchPolicy): Promise<Result<void>> {
  const status = await statusOfPaths(repo, roots);
  const inTheWay = status.filter((s) => policy.ignoredInTheWay || s.index !== '!');
  if (inTheWay.length > 0) {
    const named = inTheWay.slice(0, LISTED).map((s) => `${quotePath(s.path)} (${describe(s)})`);
    const more = inTheWay.length > LISTED ? ` and ${inTheWay.length - LISTED} more` : '';
    return fail('refused', `Uncommitted work is where this operation writes: ${named.join(', ')}${more}. Commit, move or remove it first; nothing was changed.`);
  }
  for (const root of roots) {
    for (const dir of parentPaths(root)) {
      try {
        if ((await lstat(path.join(repo, dir))).isSymbolicLink()) {
          return fail('refused', `${quotePath(dir)} is a symbolic link in the working tree, on the way to ${quotePath(root)}: the app never writes through a link. Replace it with a folder first.`);
        }
      } catch {
        break;
      }
    }
  }
  return ok(undefined);
}

/** The longest absolute path the system takes, in bytes with its final NUL: PATH_MAX (4096 on Linux, 1024 on macOS). */
const PATH_MAX = process.platform === 'darwin' ? 1024 : 4096;
const PROBES_AT_ONCE = 64;
/**
 * Names every file system git runs on takes: letters, digits and a little punctuation, not ending
 * in a dot (Windows drops it), short of the smallest name limit in use (143 bytes, eCryptfs).
 * Only the others are tried, so a copy of a tree like Linux's tries a handful, not thousands.
 */
const TAKEN_EVERYWHERE = /^[A-Za-z0-9_.+,=@~#%-]{0,99}[A-Za-z0-9_+,=@~#%-]$/;

/** Why the file system refuses `name`, or null when it takes it: creating it in `dir` (same file system) says. */
async function refusal(dir: string, name: string): Promise<string | null> {
  try {
    await writeFile(path.join(dir, name), '', { flag: 'wx' });
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    // Another probe's name folded onto this one (a file system that ignores case): the name itself is taken.
    return code === 'EEXIST' ? null : code;
  }
}

/**
 * Refuses, before the branch moves, a commit whose new files the file system could not hold:
 * an absolute path longer than the system takes, or a name it refuses (longer than its limit,
 * 255 bytes on most; characters it does not allow). Each new name that is not plain is tried
 * in a scratch folder in the git folder, on the work tree's file system, and removed.
 */
export async function checkNamesFit(repo: string, dir: string, commit: string, head: string, roots: readonly string[]): Promise<Result<void>> {
  const [next, now] = await Promise.all([lsTree(repo, commit, roots), lsTree(repo, head, roots)]);
  const existing = new Set(now.map((e) => e.path));
  const created = next.map((e) => e.path).filter((p) => !existing.has(p));
  for (const p of created) {
    const bytes = Buffer.byteLength(path.join(repo, p));
    if (bytes >= PATH_MAX) {
      return fail('refused', `The file ${quotePath(p)} would have a path of ${bytes} bytes in this repository's folder, and the system takes at most ${PATH_MAX - 1}: choose a shorter destination. Nothing was changed.`);
    }
  }
  const names = [...new Set(created.flatMap((p) => p.split('/')))].filter((n) => !TAKEN_EVERYWHERE.test(n));
  if (names.length === 0) return ok(undefined);
  const probe = await scratchDir(dir);
  try {
    for (let i = 0; i < names.length; i += PROBES_AT_ONCE) {
      const answers = await Promise.all(names.slice(i, i + PROBES_AT_ONCE).map(async (name) => ({ name, code: await refusal(probe, name) })));
      const refused = answers.find((a) => a.code !== null);
      if (!refused) continue;
      const { name, code } = refused;
      const where = created.find((p) => p.split('/').includes(name)) ?? name;
      const why = code === 'ENAMETOOLONG' ? `it is ${Buffer.byteLength(name)} bytes long, more than the file system takes in one name (255 bytes on most)` : `the file system refuses it (${code})`;
      return fail('refused', `The name ${quotePath(name)} in ${quotePath(where)} cannot be written here: ${why}. Choose another destination, or rename the file first. Nothing was changed.`);
    }
  } finally {
    await rm(probe, { recursive: true, force: true });
  }
  return ok(undefined);
}
