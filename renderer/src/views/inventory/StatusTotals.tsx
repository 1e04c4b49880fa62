/** Totals per status (interim copies of rename rules apart); clicking one filters the table to it. */
import { useMemo } from 'react';
import { SHOWN_STATUSES } from '../../../../shared/inventory';
import type { InventoryFile } from '../../../../shared/model';
import { useSprint } from '../../store';
import { plural, STATUS_LABEL } from '../common/format';
import { LineCounts } from '../common/LineCounts';
import { isInterimCopy, totalsByStatus } from './inventoryModel';

export function StatusTotals({ files }: { files: readonly InventoryFile[] }) {
  const totals = useMemo(() => totalsByStatus(files), [files]);
  const copies = useMemo(() => files.filter(isInterimCopy).length, [files]);
  const status = useSprint((s) => s.inventoryFilter.status);
  const set = useSprint((s) => s.setInventoryFilter);
  return (
    <div className="status-totals" role="group" aria-label="Totals per status">
      {SHOWN_STATUSES.map((st) => (
        <button
          key={st}
          type="button"
          className={`status-total status-${st}`}
          aria-pressed={status === st}
          onClick={() => set({ status: status === st ? 'all' : st })}
          data-testid={`total-${st}`}
        >
          <span className="status-total-name">{STATUS_LABEL[st]}</span>
          <span className="status-total-files">{plural(totals[st].files, 'file')}</span>
          {st === 'inherited' ? <span className="status-total-note">from upstream, no work</span> : <LineCounts added={totals[st].added} removed={totals[st].removed} />}
        </button>
      ))}
      {copies > 0 && (
        <p className="interim-summary" data-testid="interim-summary">
          {plural(copies, 'interim copy', 'interim copies')} of rename rules, not counted: their sources are.
        </p>
      )}
    </div>
  );
}
