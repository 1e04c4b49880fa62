/** The lines of the tree that still name a rule's old path, loaded on demand. */
import { useState } from 'react';
import type { OldPathReference } from '../../../../shared/rename/model';
import { api } from '../../store';
import { plural } from '../common/format';
import { useOperation } from './useRenameStatus';

export function References({ ruleId }: { ruleId: string }) {
  const [refs, setRefs] = useState<OldPathReference[] | null>(null);
  const [busy, run] = useOperation();
  const load = async () => {
    const found = await run(() => api.call('rename.refs', { ruleId }));
    if (found) setRefs(found.rules[0]?.references ?? []);
  };
  return (
    <div className="rename-refs">
      <button type="button" className="btn btn-link" disabled={busy} onClick={() => void load()} data-testid={`refs-${ruleId}`}>
        {refs === null ? 'Show what still names the old path' : 'Look again'}
      </button>
      {refs !== null && (
        <>
          <p className="muted">{refs.length === 0 ? 'Nothing names the old path any more.' : `${plural(refs.length, 'line')} name the old path:`}</p>
          <ul className="plain-list mono">
            {refs.map((r) => (
              <li key={`${r.path}:${r.line}`}>
                {r.path}:{r.line} <span className="muted">[{r.kind}]</span> {r.text.trim()}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
