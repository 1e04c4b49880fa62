/** Totals per folder (at a chosen depth) or per subsystem. */
import { useMemo, useState } from 'react';
import type { InventoryFile } from '../../../../shared/model';
import { useSprint } from '../../store';
import { formatCount } from '../common/format';
import { folderAt, totalsBy } from './inventoryModel';

type Grouping = 'folder' | 'subsystem';

export function GroupTotalsPanel({ files, owner }: { files: readonly InventoryFile[]; owner: Map<string, string> }) {
  const [grouping, setGrouping] = useState<Grouping>('folder');
  const [depth, setDepth] = useState(2);
  const subsystems = useSprint((s) => s.plan.subsystems);
  const rows = useMemo(
    () =>
      grouping === 'folder'
        ? totalsBy(files, (f) => folderAt(f.path, depth))
        : totalsBy(files, (f) => {
            const id = owner.get(f.path);
            return id ? (subsystems[id]?.name ?? id) : '(in no subsystem)';
          }),
    [files, owner, subsystems, grouping, depth],
  );
  return (
    <details className="group-totals">
      <summary>Totals per {grouping}</summary>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Group totals">
          <button type="button" aria-pressed={grouping === 'folder'} onClick={() => setGrouping('folder')}>
            Per folder
          </button>
          <button type="button" aria-pressed={grouping === 'subsystem'} onClick={() => setGrouping('subsystem')}>
            Per subsystem
          </button>
        </div>
        {grouping === 'folder' && (
          <label className="field-inline">
            Depth
            <select value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
              {[1, 2, 3, 4].map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="group-totals-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{grouping === 'folder' ? 'Folder' : 'Subsystem'}</th>
              <th scope="col" className="num">Files</th>
              <th scope="col" className="num">Added</th>
              <th scope="col" className="num">Removed</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td className="mono">{r.key}</td>
                <td className="num">{formatCount(r.files)}</td>
                <td className="num added">+{formatCount(r.added)}</td>
                <td className="num removed">−{formatCount(r.removed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
