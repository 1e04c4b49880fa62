/**
 * Writing a series as commits without touching the user's working tree, index or branches: a
 * temporary index (GIT_INDEX_FILE) fed with the target's entries, `write-tree`, `commit-tree`.
 * The objects land in the repository's object store; only refs the user asked for are written.
 */
import { runGit, runGitWithInput } from './exec';

export interface IndexEntry {
  path: string;
  /** '000000' with an all-zero id removes the path. */
  mode: string;
  oid: string;
}

const withIndex = (indexFile: string): Record<string, string> => ({ GIT_INDEX_FILE: indexFile });

/** Fills the temporary index with a tree (`git read-tree <tree>`; no output). */
export async function readTreeIntoIndex(repo: string, indexFile: string, tree: string): Promise<void> {
  await runGit(repo, 'read-tree', ['read-tree', '--end-of-options', tree], { env: withIndex(indexFile) });
}

/**
 * Sets or removes entries with `git update-index -z --index-info`, whose records are
 * "<mode> SP <id> TAB <path>" each ending in NUL; mode 0 removes the path.
 */
export async function updateIndexEntries(repo: string, indexFile: string, entries: readonly IndexEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const input = entries.map((e) => `${/^0+$/.test(e.mode) ? '0' : e.mode} ${e.oid}\t${e.path}\0`).join('');
  await runGitWithInput(repo, 'update-index', ['update-index', '-z', '--index-info'], { env: withIndex(indexFile), input });
}

/** Writes the temporary index as a tree. Output: "<tree id>\n". */
export async function writeTreeFromIndex(repo: string, indexFile: string): Promise<string> {
  const out = await runGit(repo, 'write-tree', ['write-tree'], { env: withIndex(indexFile) });
  return out.stdout.trim();
}

export interface Identity {
  name: string;
  email: string;
}

export interface NewCommit {
  tree: string;
  parent: string;
  message: string;
  author: Identity;
  committer: Identity;
  /** Git date format, for example "1700000000 +0000". */
  date: string;
}

/** `git commit-tree <tree> -p <parent> -F -` with the message on stdin. Output: "<commit id>\n". */
export async function commitTree(repo: string, c: NewCommit): Promise<string> {
  const env = {
    GIT_AUTHOR_NAME: c.author.name,
    GIT_AUTHOR_EMAIL: c.author.email,
    GIT_AUTHOR_DATE: c.date,
    GIT_COMMITTER_NAME: c.committer.name,
    GIT_COMMITTER_EMAIL: c.committer.email,
    GIT_COMMITTER_DATE: c.date,
  };
  // commit.gpgSign in the user's config would prompt for a key: these commits are drafts.
  const out = await runGitWithInput(repo, 'commit-tree', ['-c', 'commit.gpgSign=false', 'commit-tree', c.tree, '-p', c.parent, '-F', '-'], {
    env,
    input: c.message,
  });
  return out.stdout.trim();
}

/** A commit's author date in git's internal format. Output: "1700000000 +0000\n". */
export async function authorDate(repo: string, commit: string): Promise<string> {
  const out = await runGit(repo, 'show', ['show', '-s', '--format=%ad', '--date=raw', '--end-of-options', commit]);
  return out.stdout.trim();
}

/** Why a branch name is not acceptable to git, or null (`git check-ref-format --branch`; exit 1 when invalid). */
export async function checkBranchName(repo: string, name: string): Promise<string | null> {
  if (name.startsWith('-')) return `The branch name "${name}" starts with "-": choose another name.`;
  const out = await runGit(repo, 'check-ref-format', ['check-ref-format', '--branch', name], { okExitCodes: [1, 128] });
  return out.exitCode === 0 ? null : `"${name}" is not a valid branch name: use letters, digits, "/", "-" and "." (see \`git check-ref-format\`).`;
}

/** Does the full ref name exist? (`show-ref --verify --quiet` exits 1 when it does not.) */
export async function refExists(repo: string, ref: string): Promise<boolean> {
  const out = await runGit(repo, 'show-ref', ['show-ref', '--verify', '--quiet', '--', ref], { okExitCodes: [1] });
  return out.exitCode === 0;
}

/**
 * Creates `ref` at `commit` only if it does not exist: update-ref's empty old value means "must
 * not exist", so a branch made meanwhile by someone else is never overwritten.
 * Returns false when the ref already exists.
 */
export async function createRef(repo: string, ref: string, commit: string, reason: string): Promise<boolean> {
  if (await refExists(repo, ref)) return false;
  // Exit 128 with "reference already exists": it was created between the two calls.
  const out = await runGit(repo, 'update-ref', ['update-ref', '-m', reason, '--', ref, commit, ''], { okExitCodes: [128] });
  return out.exitCode === 0;
}

/** Points a ref of our own namespace at a commit (keeps exported versions from garbage collection). */
export async function setRef(repo: string, ref: string, commit: string, reason: string): Promise<void> {
  await runGit(repo, 'update-ref', ['update-ref', '-m', reason, '--', ref, commit]);
}
