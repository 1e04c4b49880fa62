/** Filter the inventory by status, text and subsystem. */
import { SHOWN_STATUSES, type ShownStatus } from '../../../../shared/inventory';
import { useSprint } from '../../store';
import { formatCount, STATUS_LABEL } from '../common/format';

export function InventoryFilters({ shown, total }: { shown: number; total: number }) {
  const filter = useSprint((s) => s.inventoryFilter);
  const set = useSprint((s) => s.setInventoryFilter);
  const order = useSprint((s) => s.plan.subsystemOrder);
  const subsystems = useSprint((s) => s.plan.subsystems);
  return (
    <div className="toolbar" role="toolbar" aria-label="Inventory filters">
      <label className="field-inline">
        Status
        <select value={filter.status} onChange={(e) => set({ status: e.target.value as ShownStatus | 'all' })} data-testid="inventory-status">
          <option value="all">Any</option>
          {SHOWN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        Subsystem
        <select value={filter.subsystem} onChange={(e) => set({ subsystem: e.target.value })} data-testid="inventory-subsystem">
          <option value="all">Any</option>
          <option value="none">In no subsystem</option>
          {order.map((id) => (
            <option key={id} value={id}>
              {subsystems[id]?.name ?? id}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline grow">
        <span className="visually-hidden">Filter by path</span>
        <input type="search" placeholder="Filter by path" value={filter.text} onChange={(e) => set({ text: e.target.value })} data-testid="inventory-text" />
      </label>
      <span className="toolbar-note" aria-live="polite">
        {shown === total ? `${formatCount(total)} files` : `${formatCount(shown)} of ${formatCount(total)} files`}
      </span>
    </div>
  );
}
