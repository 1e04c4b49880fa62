/**
 * The inventory while rules are copied: each source file says where its interim copy is, and
 * the copies (new files to the diff) are marked as copies of their source rather than counted
 * as new work; files the destination folder held before the copy are not copies. One `ls-tree`
 * of the copied rules' folders in the fork commit says which twins exist; it is kept per commit
 * and rules, since every plan push asks again.
 */
import type { Inventory, Plan } from '../../../shared/model';
import { markInterimCopies } from '../../../shared/rename/board';
import type { RenameRule } from '../../../shared/rename/model';
import { lsTree } from '../git/trees';
import { destinationBeforeCopy } from './drift';

const CACHE_SIZE = 8;
const pathsInFork = new Map<string, Set<string>>();

async function forkPaths(repo: string, forkCommit: string, rules: readonly RenameRule[]): Promise<Set<string>> {
  const roots = rules.flatMap((r) => [r.from, r.to]);
  const key = JSON.stringify([repo, forkCommit, roots]);
  const cached = pathsInFork.get(key);
  if (cached) return cached;
  const paths = new Set((await lsTree(repo, forkCommit, roots)).map((e) => e.path));
  pathsInFork.set(key, paths);
  if (pathsInFork.size > CACHE_SIZE) {
    const oldest = pathsInFork.keys().next();
    if (!oldest.done) pathsInFork.delete(oldest.value);
  }
  return paths;
}

/** The plan's rename rules in the order the user wrote them. */
export const rulesOf = (plan: Pick<Plan, 'renames' | 'renameOrder'>): RenameRule[] =>
  plan.renameOrder.map((id) => plan.renames[id]).filter((r): r is RenameRule => r !== undefined);

/** The inventory with its interim copies marked (the same object when no rule is copied). */
export async function withInterimCopies(repo: string, inventory: Inventory, rules: readonly RenameRule[]): Promise<Inventory> {
  const copied = rules.filter((r) => r.phase === 'copied');
  if (copied.length === 0) return inventory;
  const [inFork, before] = await Promise.all([forkPaths(repo, inventory.forkCommit, copied), Promise.all(copied.map((r) => destinationBeforeCopy(repo, r).catch(() => [])))]);
  // Files a destination folder held before its rule's copy are not copies.
  const preExisting = new Set(before.flat().map((e) => e.path));
  return { ...inventory, files: markInterimCopies(inventory.files, copied, (p) => inFork.has(p), (p) => preExisting.has(p)) };
}
