/**
 * The inventory while rules are copied: each source file says where its interim copy is, and
 * the copies (new files to the diff) are marked as copies of their source rather than counted
 * as new work; files the destination folder held before the copy are not copies. One `ls-tree`
 * of the copied rules' folders in the fork commit says which twins exist; the repository's caches
 * keep it per commit and rules, since every plan push asks again.
 */
import type { Inventory, Plan } from '../../../shared/model';
import { markInterimCopies } from '../../../shared/rename/board';
import type { RenameRule } from '../../../shared/rename/model';
import type { RepoCaches } from '../context';
import { lsTree } from '../git/trees';
import type { Lru } from '../host/lru';
import { destinationBeforeCopy } from './drift';

async function forkPaths(repo: string, forkCommit: string, rules: readonly RenameRule[], cache?: Lru<Set<string>>): Promise<Set<string>> {
  const roots = rules.flatMap((r) => [r.from, r.to]);
  const key = JSON.stringify([forkCommit, roots]);
  const cached = cache?.get(key);
  if (cached) return cached;
  const paths = new Set((await lsTree(repo, forkCommit, roots)).map((e) => e.path));
  cache?.set(key, paths);
  return paths;
}

/** The plan's rename rules in the order the user wrote them. */
export const rulesOf = (plan: Pick<Plan, 'renames' | 'renameOrder'>): RenameRule[] =>
  plan.renameOrder.map((id) => plan.renames[id]).filter((r): r is RenameRule => r !== undefined);

/** The inventory with its interim copies marked (the same object when no rule is copied). */
export async function withInterimCopies(
  repo: string,
  inventory: Inventory,
  rules: readonly RenameRule[],
  caches?: Pick<RepoCaches, 'forkPaths' | 'destinationBefore'>,
): Promise<Inventory> {
  const copied = rules.filter((r) => r.phase === 'copied');
  if (copied.length === 0) return inventory;
  const [inFork, before] = await Promise.all([
    forkPaths(repo, inventory.forkCommit, copied, caches?.forkPaths),
    Promise.all(copied.map((r) => destinationBeforeCopy(repo, r, caches?.destinationBefore).catch(() => []))),
  ]);
  // Files a destination folder held before its rule's copy are not copies.
  const preExisting = new Set(before.flat().map((e) => e.path));
  return { ...inventory, files: markInterimCopies(inventory.files, copied, (p) => inFork.has(p), (p) => preExisting.has(p)) };
}
