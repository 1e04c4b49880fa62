/** Reading refs: resolve what the user typed to a commit, list branches and tags, read HEAD. */
import { checkRefText } from '../../../shared/refs';
import { fail, ok, type Result } from '../../../shared/result';
import { git } from './exec';
import { commitId } from './rev-parse';

export interface RefList {
  branches: string[];
  tags: string[];
  /** The checked-out branch, or null when HEAD is detached (or the repository has no branch). */
  current: string | null;
}

/** The commit a ref names (a branch, a tag, a commit id, `HEAD~2`...). */
export async function resolveCommit(repo: string, ref: string): Promise<Result<string>> {
  const bad = checkRefText(ref);
  if (bad) return fail('bad-input', bad);
  const commit = await commitId(repo, ref);
  if (commit === null || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit)) {
    return fail(
      'unknown-ref',
      `"${ref}" is not a branch, tag or commit in this repository: list them with \`git branch -a\` and \`git tag\` (fetch first if it lives on a remote).`,
    );
  }
  return ok(commit);
}

/**
 * Parses `git for-each-ref --format=%(HEAD)%00%(refname) refs/heads refs/tags`, one ref a line
 * (ref names cannot hold a newline or NUL):
 *   "*\0refs/heads/main\n \0refs/heads/xen\n \0refs/tags/v2.6.12\n"
 */
export function parseRefList(out: string): RefList {
  const list: RefList = { branches: [], tags: [], current: null };
  for (const line of out.split('\n')) {
    const nul = line.indexOf('\0');
    if (nul < 0) continue;
    const marker = line.slice(0, nul);
    const name = line.slice(nul + 1);
    if (name.startsWith('refs/heads/')) {
      const branch = name.slice('refs/heads/'.length);
      list.branches.push(branch);
      if (marker === '*') list.current = branch;
    } else if (name.startsWith('refs/tags/')) {
      list.tags.push(name.slice('refs/tags/'.length));
    }
  }
  return list;
}

export async function listRefs(repo: string): Promise<RefList> {
  const out = await git(repo, ['for-each-ref', '--format=%(HEAD)%00%(refname)', 'refs/heads', 'refs/tags']);
  return parseRefList(out.stdout);
}

/** The commit HEAD points at; 'empty-repository' while the current branch has no commit. */
export async function headCommit(repo: string): Promise<Result<string>> {
  // None while HEAD names a branch that has no commit yet.
  const head = await commitId(repo, 'HEAD');
  if (head === null) return fail('empty-repository', 'The current branch has no commit yet: commit something or check out a branch that has one.');
  return ok(head);
}

/** A branch's short name (`keir/i386-mm`, `origin/keir/i386-mm`) and the commit it points at. */
export interface BranchTip {
  name: string;
  commit: string;
}

/**
 * Parses `git for-each-ref --format=%(refname)%00%(objectname) refs/heads refs/remotes`, one ref
 * a line; remote-tracking refs are named as git's short names (`origin/x`), a remote's HEAD
 * (a symbolic ref naming its default branch) is left out:
 *   "refs/heads/main\x009fceb02…\nrefs/remotes/origin/keir/mm\x003e75765…\nrefs/remotes/origin/HEAD\x009fceb02…\n"
 */
export function parseBranchTips(out: string): BranchTip[] {
  const tips: BranchTip[] = [];
  for (const line of out.split('\n')) {
    const nul = line.indexOf('\0');
    if (nul < 0) continue;
    const ref = line.slice(0, nul);
    const commit = line.slice(nul + 1);
    if (ref.startsWith('refs/heads/')) tips.push({ name: ref.slice('refs/heads/'.length), commit });
    else if (ref.startsWith('refs/remotes/') && !ref.endsWith('/HEAD')) tips.push({ name: ref.slice('refs/remotes/'.length), commit });
  }
  return tips;
}

/**
 * Every local and remote-tracking branch with its commit; with `notMergedInto`, only those with
 * commits the given commit does not contain (`--no-merged`), which git decides in one walk for
 * all of them.
 */
export async function branchTips(repo: string, opts: { notMergedInto?: string } = {}): Promise<BranchTip[]> {
  const filter = opts.notMergedInto === undefined ? [] : [`--no-merged=${opts.notMergedInto}`];
  const out = await git(repo, ['for-each-ref', '--format=%(refname)%00%(objectname)', ...filter, 'refs/heads', 'refs/remotes']);
  return parseBranchTips(out.stdout);
}

/** A ref's commit and that commit's tree. */
export interface RefCommit {
  commit: string;
  tree: string;
}

/**
 * Parses `git for-each-ref --format=%(refname)%00%(objecttype)%00%(objectname)%00%(tree)`, one
 * ref a line; `%(tree)` is empty for anything but a commit, which is left out:
 *   "refs/merge-sprint/plan\x00commit\x009fceb02…\x004b825dc…\nrefs/tags/v1\x00tag\x003e75765…\x00\n"
 */
export function parseRefCommits(out: string): Map<string, RefCommit> {
  const found = new Map<string, RefCommit>();
  for (const line of out.split('\n')) {
    const [ref, type, commit, tree] = line.split('\0');
    if (ref && type === 'commit' && commit && tree) found.set(ref, { commit, tree });
  }
  return found;
}

/**
 * The commits and trees of the app's own refs, given by full name, in one process; a ref that
 * does not exist or names no commit is absent. for-each-ref also matches refs below a name
 * given (`refs/x` matches `refs/x/y`), so only the exact names are kept.
 */
export async function readRefCommits(repo: string, refs: readonly string[]): Promise<Map<string, RefCommit>> {
  const out = await git(repo, ['for-each-ref', '--format=%(refname)%00%(objecttype)%00%(objectname)%00%(tree)', '--', ...refs]);
  const found = parseRefCommits(out.stdout);
  for (const ref of [...found.keys()]) if (!refs.includes(ref)) found.delete(ref);
  return found;
}
