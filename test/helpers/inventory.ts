/** Inventory records for tests of the pure code that reads them (totals, selectors, marks). */
import type { InventoryFile } from '../../shared/model';

/** A text file of the inventory at the same path on both sides, unless `extra` says otherwise. */
export const inventoryFile = (path: string, status: InventoryFile['status'], added = 1, removed = 0, extra: Partial<InventoryFile> = {}): InventoryFile => ({
  path,
  upstreamPath: path,
  status,
  added,
  removed,
  binary: false,
  ...extra,
});
