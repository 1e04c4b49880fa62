/** Subsystems from the inventory's folders, keeping what the board already says of those that stay. */
import type { Inventory, Subsystem } from '../../../shared/model';
import { needsWork } from '../../../shared/inventory';
import { deriveSubsystems } from '../../../shared/plan/derive';

/** Subsystems derived from the folders of the inventory's files that need work, keeping owner and state of any that stay. */
export function subsystemsFromFolders(
  inventory: Inventory,
  previous: Record<string, Subsystem>,
  opts: { depth?: number; minFiles?: number },
): Subsystem[] {
  // Cards are made of work only: a folder of inherited files or identical copies makes no card,
  // and interim copies go where their source goes.
  const derived = deriveSubsystems(
    inventory.files.filter(needsWork).map((f) => f.path),
    opts,
  );
  return derived.map((s) => {
    const before = previous[s.id];
    return before ? { ...s, owner: before.owner, state: before.state, blocked: before.blocked } : s;
  });
}
