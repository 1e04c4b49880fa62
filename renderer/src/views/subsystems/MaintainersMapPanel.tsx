/**
 * The maintainers map: binds MAINTAINERS sections (of a file without F: lines, as before 2009)
 * to folders once, for the import and for each patch's To and Cc. Shows each section with its
 * lists, the folders the plan binds it to and those its title suggests; accepting or editing
 * one is a plan change (`maintainers.map`) like any board edit, with undo.
 */
import { useEffect, useState } from 'react';
import type { MaintainersMapReport, MaintainersMapRow } from '../../../../shared/maintainers/api';
import type { MaintainersBinding } from '../../../../shared/maintainers/map';
import { api, sprintStore, useSprint } from '../../store';
import './maintainers.css';

const SHOWN = 150;

const bind = (bindings: MaintainersBinding[], label: string) => sprintStore.getState().applyLocal({ type: 'maintainers.map', bindings }, { label });

function MapRow({ row }: { row: MaintainersMapRow }) {
  const [text, setText] = useState(row.folders.join(' '));
  useEffect(() => setText(row.folders.join(' ')), [row.folders]);
  const folders = text.split(/\s+/).filter((f) => f !== '');
  const edited = folders.join(' ') !== row.folders.join(' ');
  return (
    <li className="map-row" data-testid="map-row">
      <div className="map-section">
        <span className="map-title">{row.section}</span>
        <span className="muted map-lists">{[...row.maintainers, ...row.lists].join(', ')}</span>
      </div>
      <label className="field-inline">
        <span className="visually-hidden">Folders of {row.section}</span>
        <input className="mono" value={text} onChange={(e) => setText(e.target.value)} placeholder="(no folder)" spellCheck={false} aria-label={`Folders of ${row.section}`} />
      </label>
      <button type="button" className="btn" disabled={!edited} onClick={() => void bind([{ section: row.section, folders }], `map ${row.section}`)}>
        Save
      </button>
      {row.suggested
        .filter((s) => !row.folders.includes(s.folder))
        .map((s) => (
          <button key={s.folder} type="button" className="btn map-suggestion" title={s.why} onClick={() => void bind([{ section: row.section, folders: [...row.folders, s.folder] }], `map ${row.section}`)}>
            + <span className="mono">{s.folder}</span>
          </button>
        ))}
    </li>
  );
}

export function MaintainersMapPanel({ path, onClose }: { path: string; onClose: () => void }) {
  const map = useSprint((s) => s.plan.maintainersMap);
  const [report, setReport] = useState<MaintainersMapReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    let live = true;
    void api.call('maintainers.map', { path }).then((res) => {
      if (!live) return;
      if (res.ok) setReport(res.value);
      else setError(res.error.message);
    });
    return () => {
      live = false;
    };
  }, [path, map]);

  const rows = (report?.rows ?? []).filter((r) => !r.hasPatterns && r.section.toLowerCase().includes(filter.trim().toLowerCase()));
  const open = rows.filter((r) => r.folders.length === 0 && r.suggested.length > 0);
  const acceptAll = () => void bind(open.map((r) => ({ section: r.section, folders: r.suggested.map((s) => s.folder) })), `map ${open.length} sections`);
  return (
    <section className="panel maintainers-map" aria-label="Maintainers map" data-testid="maintainers-map">
      <div className="row-inline">
        <h2 className="panel-title">Map the sections of {path} to folders</h2>
        <span className="toolbar-spacer" />
        <button type="button" className="btn-icon" aria-label="Close the maintainers map" onClick={onClose}>
          ×
        </button>
      </div>
      {error && <p className="muted">{error}</p>}
      {report && !report.needsMap && <p className="hint">This file has F: lines: its sections need no map. A section listed here has none of its own; a folder bound to it adds to the file.</p>}
      {report && (
        <>
          <p className="hint">
            A bound folder counts as an F: line of its section: its files and those below become the section's card on import, and patches touching them go to its M: people and L: lists.
            {report.stale.length > 0 && ` ${report.stale.length} binding(s) name sections this file does not have: ${report.stale.map((b) => b.section).join(', ')}.`}
          </p>
          <div className="toolbar">
            <label className="field-inline">
              Section
              <input value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="filter" />
            </label>
            <button type="button" className="btn btn-primary" disabled={open.length === 0} onClick={acceptAll} data-testid="accept-suggestions">
              Accept {open.length} suggestion{open.length === 1 ? '' : 's'}
            </button>
          </div>
          <ul className="plain-list map-rows">
            {rows.slice(0, SHOWN).map((r) => (
              <MapRow key={`${r.section}:${r.line}`} row={r} />
            ))}
          </ul>
          {rows.length > SHOWN && <p className="muted">{rows.length - SHOWN} more sections: narrow the filter.</p>}
        </>
      )}
    </section>
  );
}
