/**
 * The rename plan as the board and the inventory see it: which rules a subsystem's files lie
 * under (its card shows their phase and drift), and where a file is now that its rule moved it.
 */
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
