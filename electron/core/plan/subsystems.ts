/** Subsystems from the inventory's folders, keeping what the board already says of those that stay. */
import type { Inventory, Subsystem } from '../../../shared/model';
import { deriveSubsystems } from '../../../shared/plan/derive';

/** Subsystems derived from the folders of the inventory's files, keeping owner and state of any that stay. */
export function subsystemsFromFolders(
  inventory: Inventory,
  previous: Record<string, Subsystem>,
  opts: { depth?: number; minFiles?: number },
): Subsystem[] {
  // Interim copies are no work of their own: they go where their source goes.
  const derived = deriveSubsystems(
    inventory.files.filter((f) => f.interimCopyOf === undefined).map((f) => f.path),
    opts,
  );
  return derived.map((s) => {
    const before = previous[s.id];
    return before ? { ...s, owner: before.owner, state: before.state, blocked: before.blocked } : s;
  });
}
