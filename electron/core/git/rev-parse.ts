/** What names resolve to (`git rev-parse`): commits, trees, full ref names, the git folders. */
import path from 'node:path';
import { git } from './exec';

/**
 * The commit `rev` names (a branch, a tag, a commit id, `HEAD~2`, a full ref), peeling tags, or
 * null when it names none. `rev-parse --verify --quiet REV^{commit}` prints
 *   "9fceb02d0ae598e95dc970b74767f19372d61af8\n"
 * and exits 1, silently, when there is no such commit: an answer, not a failure.
 */
export async function commitId(repo: string, rev: string): Promise<string | null> {
  const out = await git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { successExitCodes: [1] });
  return out.exitCode === 0 ? out.stdout.trim() : null;
}

/** The tree of a commit that exists (a failure otherwise). Output: "<tree id>\n". */
export async function treeId(repo: string, commit: string): Promise<string> {
  const out = await git(repo, ['rev-parse', '--verify', '--end-of-options', `${commit}^{tree}`]);
  return out.stdout.trim();
}

/** The first parent of a commit, or null for a root commit (exit 1 with --quiet). */
export async function firstParent(repo: string, commit: string): Promise<string | null> {
  const out = await git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${commit}^1`], { successExitCodes: [1] });
  return out.exitCode === 0 ? out.stdout.trim() : null;
}

/**
 * The full ref name a revision names, or null when it names no ref (a commit id, `HEAD~1`, an
 * ambiguous or unknown name). `git rev-parse --verify --quiet --symbolic-full-name` prints
 *   "refs/heads/xen\n"   for "xen", "heads/xen" or "HEAD" while on xen
 *   "\n"                 for a commit id or an ambiguous name (which git reports on stderr)
 * and exits 1 with --quiet when the name is unknown, which is an answer, not a failure.
 */
export async function fullRefName(repo: string, rev: string): Promise<string | null> {
  const out = await git(repo, ['rev-parse', '--verify', '--quiet', '--symbolic-full-name', '--end-of-options', rev], { successExitCodes: [1] });
  const name = out.stdout.trim();
  return out.exitCode === 0 && name.startsWith('refs/') ? name : null;
}

/**
 * Answers of `git rev-parse --is-bare-repository --is-inside-work-tree`, one per line:
 *   "false\ntrue\n"   a work tree
 *   "true\nfalse\n"   a bare repository
 *   "false\nfalse\n"  inside a .git folder
 */
export function parseRepositoryKind(out: string): 'work-tree' | 'bare' | 'git-dir' {
  const [bare, inside] = out.split('\n');
  if (bare === 'true') return 'bare';
  return inside === 'true' ? 'work-tree' : 'git-dir';
}

/** What `folder` is to git; outside any repository a GitError of kind 'not-a-repository'. */
export async function repositoryKind(folder: string): Promise<'work-tree' | 'bare' | 'git-dir'> {
  const out = await git(folder, ['rev-parse', '--is-bare-repository', '--is-inside-work-tree']);
  return parseRepositoryKind(out.stdout);
}

/** The work tree's top level as git prints it: "/home/ada/linux\n" (symbolic links not resolved). */
export async function topLevel(folder: string): Promise<string> {
  const out = await git(folder, ['rev-parse', '--show-toplevel']);
  return out.stdout.replace(/\n$/, '');
}

/** The git folder of the work tree (for a linked worktree, its own folder under .git/worktrees). `--absolute-git-dir` prints "/path/.git\n". */
export async function gitDir(repo: string): Promise<string> {
  const out = await git(repo, ['rev-parse', '--absolute-git-dir']);
  return out.stdout.replace(/\n$/, '');
}

/** The git folder every worktree shares (refs live there). `--git-common-dir` prints it, maybe relative: ".git\n". */
export async function commonGitDir(repo: string): Promise<string> {
  const out = await git(repo, ['rev-parse', '--git-common-dir']);
  return path.resolve(repo, out.stdout.replace(/\n$/, ''));
}

/** Where git keeps the work tree's index. `--git-path index` prints it relative to the work tree ("/.git/index\n" or ".git/index\n"). */
export async function indexPath(repo: string): Promise<string> {
  const out = await git(repo, ['rev-parse', '--git-path', 'index']);
  return path.resolve(repo, out.stdout.replace(/\n$/, ''));
}
