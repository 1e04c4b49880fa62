/**
 * The rename plan as the board and the inventory see it: which rules a subsystem's files lie
 * under (its card shows their phase and drift), where a file is now that its rule moved it, and
 * which files of the inventory are interim copies.
 */
import type { InventoryFile } from '../model';
import { isUnder, rebasePath } from '../paths';
import type { RenameRule } from './model';

/** Rules (not abandoned) whose source or destination holds any of the files, in plan order. */
export function rulesCovering(files: readonly string[], rules: readonly RenameRule[]): RenameRule[] {
  return rules.filter((r) => r.phase !== 'abandoned' && files.some((f) => isUnder(f, r.from) || isUnder(f, r.to)));
}

/** Where `path` lives once the copy (for copied rules: its twin) and the move are made. */
export function pathAfterRenames(path: string, rules: readonly RenameRule[]): string {
  for (const r of rules) {
    if ((r.phase === 'copied' || r.phase === 'moved') && isUnder(path, r.from)) return rebasePath(path, r.from, r.to);
  }
  return path;
}

/**
 * The inventory's files with, while rules are copied, each source file marked with where its
 * interim copy is and each copy marked with the file it copies (so it is not counted as new
 * work). `inFork` says whether a path exists in the fork ref's tree: a file added to one side
 * only has no twin and stays unmarked. `preExisting` says whether a destination path was there
 * before its rule's copy (the folder held other files): such a file is never a copy, nor anyone's
 * twin. Files no copied rule covers keep their objects.
 */
export function markInterimCopies(
  files: InventoryFile[],
  rules: readonly RenameRule[],
  inFork: (path: string) => boolean,
  preExisting: (path: string) => boolean = () => false,
): InventoryFile[] {
  const copied = rules.filter((r) => r.phase === 'copied');
  if (copied.length === 0) return files;
  return files.map((f) => {
    if (f.status === 'upstream-only') return f;
    for (const r of copied) {
      if (isUnder(f.path, r.from)) {
        const at = rebasePath(f.path, r.from, r.to);
        return inFork(at) && !preExisting(at) ? { ...f, interimCopyAt: at } : f;
      }
      if (isUnder(f.path, r.to)) {
        const of = rebasePath(f.path, r.to, r.from);
        return inFork(of) && !preExisting(f.path) ? { ...f, interimCopyOf: of } : f;
      }
    }
    return f;
  });
}
