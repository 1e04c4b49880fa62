/** A ref: pick a branch or tag of the repository, or type any revision. */
import { useId } from 'react';
import { useSprint } from '../../store';

export function RefField({ label, value, onChange, testId, hint }: { label: string; value: string; onChange: (v: string) => void; testId: string; hint: string }) {
  const branches = useSprint((s) => s.repo?.branches);
  const tags = useSprint((s) => s.repo?.tags);
  const listId = useId();
  return (
    <label className="field grow">
      {label}
      <input list={listId} value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} data-testid={testId} />
      <span className="hint">{hint}</span>
      <datalist id={listId}>
        {(branches ?? []).map((b) => (
          <option key={`b:${b}`} value={b} label="branch" />
        ))}
        {(tags ?? []).map((t) => (
          <option key={`t:${t}`} value={t} label="tag" />
        ))}
      </datalist>
    </label>
  );
}
