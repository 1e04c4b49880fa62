/** Add or edit a person: name, email, colour. */
import { useState, type FormEvent } from 'react';
import type { Person } from '../../../../shared/model';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function checkPerson(name: string, email: string, color: string): string | null {
  if (!name.trim()) return 'Give the person a name.';
  if (email.trim() && !EMAIL.test(email.trim())) return `"${email}" does not look like an email address (name@host).`;
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) return 'Pick a colour.';
  return null;
}

interface Props {
  initial: Pick<Person, 'name' | 'email' | 'color'>;
  submitLabel: string;
  onSubmit: (p: Pick<Person, 'name' | 'email' | 'color'>) => void;
  onCancel?: () => void;
  testId: string;
}

export function PersonForm({ initial, submitLabel, onSubmit, onCancel, testId }: Props) {
  const [name, setName] = useState(initial.name);
  const [email, setEmail] = useState(initial.email);
  const [color, setColor] = useState(initial.color);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = checkPerson(name, email, color);
    setError(problem);
    if (!problem) onSubmit({ name: name.trim(), email: email.trim(), color: color.toLowerCase() });
  };
  return (
    <form className="person-form" onSubmit={submit} data-testid={testId}>
      <label className="field">
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} data-testid={`${testId}-name`} />
      </label>
      <label className="field">
        Email
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={320} data-testid={`${testId}-email`} />
      </label>
      <label className="field field-color">
        Colour
        <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
      </label>
      <div className="row-inline">
        <button type="submit" className="btn btn-primary" data-testid={`${testId}-submit`}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
