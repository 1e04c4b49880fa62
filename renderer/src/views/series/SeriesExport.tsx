/**
 * Exporting the series. In the window, into a folder of this machine (optionally replacing an
 * earlier export there, and with a new branch at the series); in a browser in the room, as a
 * .zip download, since a browser never names a folder on the server's disk. Either way the
 * result lists the files with their To/Cc and checkpatch's findings, the changelog and the
 * range-diff against the previous version.
 */
import { useState } from 'react';
import type { CheckpatchReport, ExportedFile } from '../../../../shared/series/reports';
import { api, sprintStore, useSprint } from '../../store';
import { useOffInRoom } from '../shell/useOffInRoom';
import { downloadArchive } from './download';

interface Exported {
  /** "to /home/ada/series" or "as xen-v2.zip". */
  where: string;
  version: number;
  branch: string | null;
  files: ExportedFile[];
  rangeDiff: string | null;
  changelog: string | null;
  checkpatch: CheckpatchReport;
}

function ExportResult({ result }: { result: Exported }) {
  return (
    <div className="panel" role="status" data-testid="export-result">
      <h2 className="panel-title">
        Exported v{result.version} <span className="mono">{result.where}</span>
      </h2>
      {result.branch && <p>Branch {result.branch} points at the series.</p>}
      {!result.checkpatch.ran && <p data-testid="checkpatch-absent">{result.checkpatch.reason}</p>}
      <ul className="plain-list">
        {result.files.map((f) => {
          const findings = result.checkpatch.perPatch.find((p) => p.file === f.name)?.findings;
          return (
            <li key={f.name}>
              <span className="mono">{f.name}</span>
              {f.recipients.to.length > 0 && <span className="muted"> To: {f.recipients.to.join(', ')}</span>}
              {f.recipients.cc.length > 0 && <span className="muted"> Cc: {f.recipients.cc.join(', ')}</span>}
              {findings && (
                <span className={findings.length ? 'checkpatch-warn' : 'muted'} data-testid={`checkpatch-${f.name}`}>
                  {' '}checkpatch: {findings.length === 0 ? 'no warnings' : `${findings.length} finding${findings.length === 1 ? '' : 's'}`}
                </span>
              )}
              {findings && findings.length > 0 && (
                <ul className="mono checkpatch-findings">
                  {findings.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {result.changelog !== null && <pre className="mono series-log" data-testid="changelog">{result.changelog}</pre>}
      {result.rangeDiff !== null && (
        <>
          <h3 className="panel-title">Range-diff against the previous version</h3>
          <pre className="mono series-log" data-testid="range-diff">{result.rangeDiff || '(no difference)'}</pre>
        </>
      )}
    </div>
  );
}

export function SeriesExport({ busy, setBusy }: { busy: boolean; setBusy: (busy: boolean) => void }) {
  const versions = useSprint((s) => s.plan.series.versions);
  const inBrowser = useSprint((s) => s.info?.mode === 'room');
  const [out, setOut] = useState('');
  const [branch, setBranch] = useState('');
  const [replace, setReplace] = useState(false);
  const [exported, setExported] = useState<Exported | null>(null);
  const next = Math.max(0, ...versions.map((v) => v.version)) + 1;
  const archiveOff = useOffInRoom('series.archive');
  const notify = (text: string) => sprintStore.getState().notify('error', text);

  const exportToFolder = async () => {
    setBusy(true);
    const res = await api.call('series.export', { out: out.trim(), ...(branch.trim() ? { branch: branch.trim() } : {}), ...(replace ? { replace } : {}) });
    setBusy(false);
    if (!res.ok) return notify(res.error.message);
    const { dir, version, branch: made, files, rangeDiff, changelog, checkpatch } = res.value;
    setExported({ where: `to ${dir}`, version, branch: made, files, rangeDiff, changelog, checkpatch });
  };
  const download = async () => {
    setBusy(true);
    const res = await api.call('series.archive', {});
    setBusy(false);
    if (!res.ok) return notify(res.error.message);
    downloadArchive(res.value);
    // Without the archive's bytes: they are the browser's download now.
    const { fileName, version, files, rangeDiff, changelog, checkpatch } = res.value;
    setExported({ where: `as ${fileName}`, version, branch: null, files, rangeDiff, changelog, checkpatch });
  };

  return (
    <>
      {inBrowser ? (
        <div className="toolbar" role="toolbar" aria-label="Export">
          <button type="button" className="btn" disabled={busy || archiveOff !== null} title={archiveOff ?? undefined} onClick={() => void download()} data-testid="export">
            Export v{next} as a .zip
          </button>
          <span className="toolbar-note">
            The cover letter and patch files download to this computer.
            {versions.length > 0 && ` Exported: ${versions.map((v) => `v${v.version}`).join(', ')}`}
          </span>
        </div>
      ) : (
        <div className="toolbar" role="toolbar" aria-label="Export">
          <label className="field-inline">
            Folder
            <input className="mono" value={out} onChange={(e) => setOut(e.target.value)} placeholder="/absolute/path/for/patches" data-testid="export-out" />
          </label>
          <label className="field-inline">
            New branch
            <input className="mono input-short" value={branch} onChange={(e) => setBranch(e.target.value)} placeholder="(none)" data-testid="export-branch" />
          </label>
          <label className="field-inline">
            <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} /> Replace the earlier export in the folder
          </label>
          <button type="button" className="btn" disabled={busy || out.trim() === ''} onClick={() => void exportToFolder()} data-testid="export">
            Export v{next}
          </button>
          {versions.length > 0 && <span className="toolbar-note">Exported: {versions.map((v) => `v${v.version}`).join(', ')}</span>}
        </div>
      )}
      {exported && <ExportResult result={exported} />}
    </>
  );
}
