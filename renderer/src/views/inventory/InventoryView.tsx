/** Every file in scope with its status and counts; the selected file's diff on the side. */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useSprint } from '../../store';
import { DiffPanel } from './DiffPanel';
import { FileTable } from './FileTable';
import { FileTree } from './FileTree';
import { LayoutToggle, savedLayout, type Layout } from './LayoutToggle';
import { InventoryFilters } from './InventoryFilters';
import { filterFiles, sortFiles, subsystemOfFile } from './inventoryModel';
import { StatusTotals } from './StatusTotals';
import { GroupTotalsPanel } from './GroupTotalsPanel';

/** Escape closes the diff, wherever the focus is in the inventory (the list, the tree, the diff). */
function closeOnEscape(e: KeyboardEvent, selected: string | null, select: (path: null) => unknown): void {
  if (e.key !== 'Escape' || selected === null || e.defaultPrevented) return;
  e.preventDefault();
  void select(null);
}

export function InventoryView() {
  const inventory = useSprint((s) => s.inventory);
  const error = useSprint((s) => s.inventoryError);
  const loading = useSprint((s) => s.inventoryLoading);
  const hasSprint = useSprint((s) => s.plan.sprint !== null);
  const subsystems = useSprint((s) => s.plan.subsystems);
  const filter = useSprint((s) => s.inventoryFilter);
  const selected = useSprint((s) => s.selectedPath);
  const load = useSprint((s) => s.loadInventory);
  const select = useSprint((s) => s.selectFile);
  const [layout, setLayout] = useState<Layout>(savedLayout);

  // A failed load waits for the "Try again" button rather than retrying in a loop.
  useEffect(() => {
    if (hasSprint && !inventory && !loading && !error) void load();
  }, [hasSprint, inventory, loading, error, load]);

  const owner = useMemo(() => subsystemOfFile({ subsystems }), [subsystems]);
  const files = useMemo(() => inventory?.files ?? [], [inventory]);
  const shown = useMemo(() => sortFiles(filterFiles(files, filter, owner), filter.sort, filter.descending), [files, filter, owner]);

  if (!hasSprint) return <p className="empty">Start a sprint in Setup to see the inventory.</p>;
  if (error && !inventory)
    return (
      <div className="empty" role="alert">
        <p>{error}</p>
        <button type="button" className="btn" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  if (!inventory) return <p className="empty" role="status">Comparing the fork with upstream…</p>;

  return (
    <div className={`inventory${selected ? ' inventory-with-diff' : ''}`} data-testid="inventory" onKeyDown={(e) => closeOnEscape(e, selected, select)}>
      <div className="inventory-main">
        <StatusTotals files={files} />
        <InventoryFilters shown={shown.length} total={files.length} />
        <LayoutToggle layout={layout} onChange={setLayout} />
        {layout === 'tree' ? <FileTree files={shown} /> : <FileTable files={shown} owner={owner} />}
        <GroupTotalsPanel files={files} owner={owner} />
      </div>
      {selected && <DiffPanel />}
    </div>
  );
}
