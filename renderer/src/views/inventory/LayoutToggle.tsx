/** The inventory's files as a list (sortable columns) or as a folder-compare tree; the choice is kept in this browser. */
const KEY = 'merge-sprint.inventory-layout';

export type Layout = 'list' | 'tree';

export function savedLayout(): Layout {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'tree' ? 'tree' : 'list';
  } catch {
    return 'list';
  }
}

export function LayoutToggle({ layout, onChange }: { layout: Layout; onChange: (layout: Layout) => void }) {
  const choose = (l: Layout) => {
    onChange(l);
    try {
      globalThis.localStorage?.setItem(KEY, l);
    } catch {
      // A browser that refuses storage keeps the choice for this page only.
    }
  };
  return (
    <div className="inventory-layout">
      <div className="segmented" role="group" aria-label="Show files">
        <button type="button" aria-pressed={layout === 'list'} onClick={() => choose('list')} data-testid="layout-list">
          As a list
        </button>
        <button type="button" aria-pressed={layout === 'tree'} onClick={() => choose('tree')} data-testid="layout-tree">
          By folder
        </button>
      </div>
    </div>
  );
}
