/**
 * Merging two commits' trees without the working tree or the index (`git merge-tree
 * --write-tree`, git 2.38 and later): the merged tree is written as objects only, and the files
 * that conflict are named, so a merge can be refused before anything in the clone changes.
 */
import { git, splitNul } from './exec';

export interface TreeMerge {
  /** The merged tree (with conflict markers in conflicting files when `conflicts` is not empty). */
  tree: string;
  /** Files git could not merge, each once. */
  conflicts: string[];
}

/**
 * Parses `git merge-tree --write-tree -z --name-only --no-messages`: the tree id, then one
 * NUL-terminated name per conflicting file (a file in several stages is named once a stage):
 *   "810ab34ff91ea398ee3ed5e6af59d3d8971e82ca\0"                 (clean, exit 0)
 *   "810ab34ff91ea398ee3ed5e6af59d3d8971e82ca\0arch/i386/Makefile\0" (conflict, exit 1)
 */
export function parseMergeTree(out: string): TreeMerge {
  const [tree, ...names] = splitNul(out);
  if (!tree || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(tree)) throw new Error(`Unexpected merge-tree output: ${JSON.stringify(out.slice(0, 200))}`);
  return { tree, conflicts: [...new Set(names.filter((n) => n !== ''))] };
}

/** Merges `theirs` into `ours` (merge base found by git); exit 1 means conflicts, which is an answer, not a failure. */
export async function mergeTrees(repo: string, ours: string, theirs: string): Promise<TreeMerge> {
  const out = await git(repo, ['merge-tree', '--write-tree', '-z', '--name-only', '--no-messages', '--end-of-options', ours, theirs], { successExitCodes: [1] });
  return parseMergeTree(out.stdout);
}
