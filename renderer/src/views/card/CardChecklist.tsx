/** The card's checklist: tick, add and remove items, each one plan change. */
import { useState, type FormEvent } from 'react';
import { newId } from '../../../../shared/plan/ids';
import type { ChecklistItem } from '../../../../shared/card/model';
import { MAX_CHECKLIST_TEXT } from '../../../../shared/card/model';
import { sprintStore, useSprint } from '../../store';

const NONE: ChecklistItem[] = [];

export function CardChecklist({ id }: { id: string }) {
  const items = useSprint((s) => s.plan.cards[id]?.checklist ?? NONE);
  const [text, setText] = useState('');
  const apply = sprintStore.getState().applyLocal;
  const add = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') return;
    void apply({ type: 'card.checklist.put', subsystemId: id, item: { id: newId('item'), text: trimmed, done: false } });
    setText('');
  };
  const done = items.filter((i) => i.done).length;
  return (
    <section className="pane-section" aria-labelledby="pane-checklist">
      <h3 className="pane-label" id="pane-checklist">
        Checklist{items.length > 0 ? ` · ${done} of ${items.length} done` : ''}
      </h3>
      <ul className="pane-checklist" data-testid="card-checklist">
        {items.map((item) => (
          <li key={item.id}>
            <label>
              <input type="checkbox" checked={item.done} onChange={(e) => void apply({ type: 'card.checklist.put', subsystemId: id, item: { ...item, done: e.target.checked } })} />
              <span className={item.done ? 'pane-done' : undefined}>{item.text}</span>
            </label>
            <button type="button" className="btn-icon" aria-label={`Remove “${item.text}”`} onClick={() => void apply({ type: 'card.checklist.remove', subsystemId: id, itemId: item.id })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="pane-add" onSubmit={add}>
        <input type="text" value={text} maxLength={MAX_CHECKLIST_TEXT} onChange={(e) => setText(e.target.value)} placeholder="Add an item" aria-label="New checklist item" data-testid="checklist-new" />
        <button type="submit" className="btn" disabled={text.trim() === ''}>
          Add
        </button>
      </form>
    </section>
  );
}
