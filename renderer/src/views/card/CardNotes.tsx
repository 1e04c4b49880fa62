/** The card's notes: saved as one plan change when the field loses focus (or Ctrl+Enter), so undo takes back one edit. */
import { useEffect, useState } from 'react';
import { sprintStore, useSprint } from '../../store';
import { MAX_NOTES } from '../../../../shared/card/model';

export function CardNotes({ id }: { id: string }) {
  const saved = useSprint((s) => s.plan.cards[id]?.notes ?? '');
  const [text, setText] = useState(saved);
  // Another person's edit shows as soon as it arrives, unless this one is being typed.
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setText(saved);
  }, [saved, editing]);
  const save = () => {
    setEditing(false);
    if (text !== saved) void sprintStore.getState().applyLocal({ type: 'card.notes', subsystemId: id, notes: text });
  };
  return (
    <label className="pane-field pane-notes">
      <span className="pane-label">Notes</span>
      <textarea
        value={text}
        maxLength={MAX_NOTES}
        rows={4}
        placeholder="What someone picking this card up should know"
        onFocus={() => setEditing(true)}
        onChange={(e) => setText(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
        }}
        data-testid="card-notes"
      />
    </label>
  );
}
