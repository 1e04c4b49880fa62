/**
 * Which repository, if any, a folder on disk belongs to, as git itself finds it (walking up
 * from the folder, as every git command does). Used to keep files the app writes out of any
 * repository's work tree and out of any git folder. Only reads.
 */
import { GitError } from './errors';
import { repositoryKind, topLevel } from './rev-parse';

export type Enclosing =
  | { kind: 'none' }
  | { kind: 'work-tree'; top: string }
  | { kind: 'git-dir' }
  /** git would not say (a repository another user owns, an unreadable git folder): treat it as taken. */
  | { kind: 'unknown'; reason: string };

/**
 * Asks git from inside `folder` (which must exist).
 *
 * `git rev-parse --is-bare-repository --is-inside-work-tree` answers as repository.ts parses it
 * ("false\ntrue\n" a work tree, "true\nfalse\n" a bare repository, "false\nfalse\n" inside a .git
 * folder); outside any repository it exits 128 with
 *   "fatal: not a git repository (or any of the parent directories): .git\n".
 * `git rev-parse --show-toplevel` then prints the work tree's top level: "/home/ada/linux\n".
 */
export async function enclosingRepository(folder: string): Promise<Enclosing> {
  let kind: Awaited<ReturnType<typeof repositoryKind>>;
  try {
    kind = await repositoryKind(folder);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (error.kind === 'not-a-repository') return { kind: 'none' };
    return { kind: 'unknown', reason: error.stderr.trim().split('\n')[0] ?? 'git gave no reason' };
  }
  if (kind !== 'work-tree') return { kind: 'git-dir' };
  return { kind: 'work-tree', top: await topLevel(folder) };
}
