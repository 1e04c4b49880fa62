/** A card's work in changed lines, by the rule the board's selectors count it (renderer/src/store/selectors.ts). */
import { needsWork } from '../inventory';
import type { Inventory, InventoryFile, Subsystem } from '../model';

export type LinesOf = (sub: Subsystem) => number;

/**
 * Added plus removed lines of a subsystem's files that need work (shared/inventory.ts): an
 * inherited file is nobody's work, and an interim copy of a rename rule counts as its source; a
 * subsystem record is immutable, so its count is kept per record.
 */
export function linesCounter(inventory: Inventory | null): LinesOf {
  const index = new Map<string, InventoryFile>();
  for (const f of inventory?.files ?? []) index.set(f.path, f);
  const known = new WeakMap<Subsystem, number>();
  return (sub) => {
    const had = known.get(sub);
    if (had !== undefined) return had;
    let lines = 0;
    for (const path of sub.files) {
      const f = index.get(path);
      if (f && needsWork(f)) lines += f.added + f.removed;
    }
    known.set(sub, lines);
    return lines;
  };
}
