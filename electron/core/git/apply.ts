/**
 * Applying a series where the user never works: in a temporary worktree at the upstream commit
 * (worktree.ts), one patch file per patch (diff-tree.ts), and `git apply` into that worktree's index.
 */
import { GitError } from './errors';
import { git } from './exec';

export type ApplyOutcome = { applied: true } | { applied: false; reason: string };

/**
 * Applies patch files, in order, in a worktree: to its index only (`--cached`) or to index and
 * files (`--index`). git apply is all or nothing: when one fails, the index stays as it was.
 */
export async function applyPatchFiles(worktree: string, patchFiles: readonly string[], mode: 'cached' | 'index'): Promise<ApplyOutcome> {
  try {
    await git(worktree, ['apply', `--${mode}`, '--whitespace=nowarn', '--', ...patchFiles]);
    return { applied: true };
  } catch (error) {
    // Exit 1: the patch does not apply (context or a missing file); 128: the index refuses the
    // result (a path that is both a file and a folder). Both are answers, reported with git's words.
    if (error instanceof GitError && (error.exitCode === 1 || error.exitCode === 128)) {
      return { applied: false, reason: error.stderr.trim() || `git apply exited with ${error.exitCode}` };
    }
    throw error;
  }
}

/** The tree of a worktree's index. Output: "<tree id>\n". */
export async function writeWorktreeTree(worktree: string): Promise<string> {
  const out = await git(worktree, ['write-tree']);
  return out.stdout.trim();
}
