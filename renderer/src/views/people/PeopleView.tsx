/** People: add, edit, remove; import from the repository's authors. */
import { useState } from 'react';
import { newId } from '../../../../shared/plan/ids';
import { nextColor } from '../../../../shared/plan/colors';
import { api, sprintStore, useSprint } from '../../store';
import { ColorDot } from '../common/ColorDot';
import { useConfirm } from '../common/Confirm';
import { plural } from '../common/format';
import { selectLoad } from '../../store/selectors';
import { PersonForm } from './PersonForm';
import { removalWords } from './removalWords';

/** The most cards In progress at once the board allows this person before it warns; empty: no limit. */
function WipLimitField({ id }: { id: string }) {
  const limit = useSprint((s) => s.plan.team.wipLimits[id] ?? null);
  const set = (text: string) => {
    const n = text.trim() === '' ? null : Math.trunc(Number(text));
    if (n !== null && (!Number.isFinite(n) || n < 1)) return;
    if (n !== limit) void sprintStore.getState().applyLocal({ type: 'person.wipLimit', personId: id, limit: n });
  };
  return (
    <label className="field-inline" title="The board warns when this person has more cards In progress">
      WIP limit
      <input
        key={limit ?? 'none'}
        type="number"
        min={1}
        max={50}
        className="input-narrow"
        defaultValue={limit ?? ''}
        placeholder="none"
        onBlur={(e) => set(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') set(e.currentTarget.value);
        }}
        data-testid={`wip-limit-${id}`}
      />
    </label>
  );
}

function PersonRow({ id }: { id: string }) {
  const person = useSprint((s) => s.plan.people[id]);
  const cards = useSprint((s) => s.plan.subsystemOrder.filter((sid) => s.plan.subsystems[sid]?.owner === id).length);
  const reviews = useSprint((s) => s.plan.subsystemOrder.filter((sid) => s.plan.cards[sid]?.reviewer === id).length);
  const load = useSprint((s) => selectLoad(s, id));
  const [editing, setEditing] = useState(false);
  const [confirm, confirmDialog] = useConfirm();
  if (!person) return null;
  const st = sprintStore.getState;
  if (editing)
    return (
      <li className="person person-editing">
        <PersonForm
          initial={person}
          submitLabel="Save"
          testId={`edit-${id}`}
          onCancel={() => setEditing(false)}
          onSubmit={(p) => {
            setEditing(false);
            void st().applyLocal({ type: 'person.put', person: { ...person, ...p } });
          }}
        />
      </li>
    );
  return (
    <li className="person" data-testid={`person-${id}`}>
      <ColorDot color={person.color} />
      <span className="person-name">{person.name}</span>
      <span className="muted mono">{person.email}</span>
      <span className="muted">
        {plural(cards, 'card')}
        {reviews > 0 && ` · reviews ${plural(reviews, 'card')}`} · {plural(load, 'changed line')}
      </span>
      <span className="toolbar-spacer" />
      <WipLimitField id={id} />
      <button type="button" className="btn" onClick={() => setEditing(true)}>
        Edit
      </button>
      <button
        type="button"
        className="btn btn-danger"
        onClick={() =>
          void confirm({
            title: `Remove ${person.name}`,
            body: <p>{removalWords(person.name, cards, reviews)}</p>,
            confirm: `Remove ${person.name}`,
          }).then((yes) => {
            if (yes) void st().applyLocal({ type: 'person.remove', personId: id });
          })
        }
        data-testid={`remove-${id}`}
      >
        Remove
      </button>
      {confirmDialog}
    </li>
  );
}

export function PeopleView() {
  const order = useSprint((s) => s.plan.personOrder);
  const hasRepo = useSprint((s) => s.repo !== null);
  const people = useSprint((s) => s.plan.people);
  const [importing, setImporting] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const st = sprintStore.getState;
  const importAuthors = async () => {
    setImporting(true);
    const res = await api.call('people.importAuthors', {});
    setImporting(false);
    if (!res.ok) return st().notify('error', res.error.message);
    st().receiveSnapshot(res.value);
    st().notify('info', `${plural(res.value.plan.personOrder.length, 'person', 'people')} on the sprint.`);
  };
  if (!hasRepo) return <p className="empty">Open a repository in Setup first.</p>;
  return (
    <section className="page page-narrow" aria-labelledby="people-title" data-testid="people">
      <h1 id="people-title" className="page-title">
        People
      </h1>
      <div className="toolbar">
        <button type="button" className="btn" disabled={importing} onClick={() => void importAuthors()} data-testid="import-authors">
          {importing ? 'Reading the history…' : "Import the repository's authors"}
        </button>
      </div>
      {order.length === 0 ? <p className="muted">Nobody yet: add the people of the sprint, or import the repository's authors.</p> : (
        <ul className="people">
          {order.map((id) => (
            <PersonRow key={id} id={id} />
          ))}
        </ul>
      )}
      <div className="panel">
        <h2 className="panel-title">Add a person</h2>
        <PersonForm
          key={formKey}
          initial={{ name: '', email: '', color: nextColor(Object.values(people).map((p) => p.color)) }}
          submitLabel="Add"
          testId="add-person"
          onSubmit={(p) => {
            setFormKey((k) => k + 1);
            void st().applyLocal({ type: 'person.put', person: { id: newId('person'), ...p } });
          }}
        />
      </div>
    </section>
  );
}
