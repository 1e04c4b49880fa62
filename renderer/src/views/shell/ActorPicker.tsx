/**
 * "I am …" in the header of a browser in the room: who this browser's changes are by. Until it
 * is chosen a small "Who are you?" stays in the header (never a blocking dialog: the board can
 * be looked at meanwhile, and a change asks for a name first, since the server's git user signs
 * nothing from the room). The menu lists the sprint's people and takes a typed name and email,
 * which can also add you to the people. Not shown in Electron.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Actor } from '../../../../shared/model';
import { nextColor } from '../../../../shared/plan/colors';
import { newId } from '../../../../shared/plan/ids';
import type { ChosenActor } from '../../api';
import { sprintStore, useSprint } from '../../store';
import { ColorDot } from '../common/ColorDot';
import { checkTypedActor, chosenPerson, matchingPerson } from './actorChoice';
import { useActorChoice } from './useActorChoice';
import './actor.css';

const MENU_ID = 'actor-menu';

function PeopleChoices({ chosenId, onChoose }: { chosenId: string | null; onChoose: (next: ChosenActor) => void }) {
  const order = useSprint((s) => s.plan.personOrder);
  const people = useSprint((s) => s.plan.people);
  if (order.length === 0) return <p className="hint">Nobody is on the sprint yet: type your name below.</p>;
  return (
    <ul className="actor-people" aria-label="The sprint's people">
      {order.map((id) => {
        const person = people[id];
        if (!person) return null;
        return (
          <li key={id}>
            <button type="button" className="actor-person" aria-pressed={chosenId === id} data-testid={`actor-person-${id}`} onClick={() => onChoose(chosenPerson(person))}>
              <ColorDot color={person.color} />
              <span className="actor-person-name">{person.name}</span>
              {person.email && <span className="actor-person-email">{person.email}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function SomeoneElse({ onChoose }: { onChoose: (next: ChosenActor) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [addPerson, setAddPerson] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const wrong = checkTypedActor(name, email);
    setProblem(wrong);
    if (wrong) return;
    const actor: Actor = { name: name.trim(), email: email.trim() };
    const st = sprintStore.getState();
    const existing = matchingPerson(st.plan, actor);
    if (existing) return onChoose(chosenPerson(existing));
    if (!addPerson) return onChoose({ actor, personId: null });
    // Chosen first, so the new person is added in their own name.
    const id = newId('person');
    onChoose({ actor, personId: id });
    const color = nextColor(Object.values(st.plan.people).map((p) => p.color));
    void st.applyLocal({ type: 'person.put', person: { id, name: actor.name, email: actor.email, color } }, { label: `Add ${actor.name}` });
  };
  return (
    <form className="actor-form" onSubmit={submit} data-testid="actor-form">
      <p className="actor-form-title">Someone else</p>
      <label className="field">
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoComplete="name" data-testid="actor-name" />
      </label>
      <label className="field">
        Email
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={320} autoComplete="email" data-testid="actor-email" />
      </label>
      <label className="field-inline actor-add">
        <input type="checkbox" checked={addPerson} onChange={(e) => setAddPerson(e.target.checked)} data-testid="actor-add-person" />
        Add me to the sprint&apos;s people
      </label>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="btn btn-primary" data-testid="actor-submit">
        That&apos;s me
      </button>
    </form>
  );
}

function ActorMenu({ chosen, onChoose }: { chosen: ChosenActor | null; onChoose: (next: ChosenActor | null) => void }) {
  const menuRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menuRef.current?.querySelector<HTMLElement>('button, input')?.focus();
  }, []);
  return (
    <div className="actor-menu" id={MENU_ID} role="dialog" aria-label="Who are you?" ref={menuRef} data-testid="actor-menu">
      <p className="hint">Your changes on this board are signed with this name. This browser remembers it for this repository.</p>
      <PeopleChoices chosenId={chosen?.personId ?? null} onChoose={onChoose} />
      <SomeoneElse onChoose={onChoose} />
      {chosen && (
        <button type="button" className="btn-link actor-forget" data-testid="actor-forget" onClick={() => onChoose(null)}>
          Forget me here (this browser can then look at the board, not change it)
        </button>
      )}
    </div>
  );
}

export function ActorPicker() {
  const { applies, chosen, choose } = useActorChoice();
  const color = useSprint((s) => (chosen?.personId ? (s.plan.people[chosen.personId]?.color ?? null) : null));
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && !rootRef.current?.contains(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      triggerRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!applies) return null;
  const onChoose = (next: ChosenActor | null) => {
    choose(next);
    setOpen(false);
    triggerRef.current?.focus();
  };
  const title = chosen
    ? `Your changes are signed ${chosen.actor.name}${chosen.actor.email ? ` <${chosen.actor.email}>` : ''}. Click to change.`
    : 'Say who you are to change the board: your changes are signed with your name.';
  return (
    <div className="actor" ref={rootRef}>
      <button
        ref={triggerRef}
        type="button"
        className={chosen ? 'actor-button' : 'actor-button actor-prompt'}
        aria-expanded={open}
        aria-controls={open ? MENU_ID : undefined}
        aria-haspopup="dialog"
        title={title}
        data-testid="actor-picker"
        onClick={() => setOpen((o) => !o)}
      >
        {chosen ? (
          <>
            <span className="actor-iam">I am</span>
            <ColorDot color={color} />
            <span className="actor-chosen">{chosen.actor.name}</span>
          </>
        ) : (
          'Who are you?'
        )}
      </button>
      {open && <ActorMenu chosen={chosen} onChoose={onChoose} />}
    </div>
  );
}
