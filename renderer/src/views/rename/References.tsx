/** The lines of the tree that still name a rule's old path, loaded on demand into the rename slice. */
import { sprintStore, useSprint } from '../../store';
import { says } from '../common/format';
import { SwitchRefs } from './SwitchRefs';
import { useOperation } from './useRenameStatus';

export function References({ ruleId }: { ruleId: string }) {
  const refs = useSprint((s) => s.renameRefs[ruleId] ?? null);
  const [busy, run] = useOperation();
  const load = () => void run(() => sprintStore.getState().loadRenameRefs(ruleId));
  return (
    <div className="rename-refs">
      <button type="button" className="btn btn-link" disabled={busy} onClick={load} data-testid={`refs-${ruleId}`}>
        {refs === null ? 'Show what still names the old path' : 'Look again'}
      </button>
      {refs !== null && (
        <>
          <p className="muted">{refs.length === 0 ? 'Nothing names the old path any more.' : `${says(refs.length, 'line', ['names', 'name'])} the old path:`}</p>
          <ul className="plain-list mono">
            {refs.map((r) => (
              <li key={`${r.path}:${r.line}`}>
                {r.path}:{r.line} <span className="muted">[{r.kind}]</span> {r.text.trim()}
              </li>
            ))}
          </ul>
          {refs.length > 0 && <SwitchRefs ruleId={ruleId} />}
        </>
      )}
    </div>
  );
}
