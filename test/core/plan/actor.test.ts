/** Who signs a change: the sprint's person with the clone's email, or `--as` a person by name, email or id, or the name given. */
import { describe, expect, it } from 'vitest';
import { emptyPlan, type Plan } from '../../../shared/model';
import { actorAs, personForIdentity } from '../../../electron/core/plan/actor';

const plan: Plan = {
  ...emptyPlan(),
  people: {
    'person-keir': { id: 'person-keir', name: 'Keir Fraser', email: 'keir@xensource.example', color: '#1f6feb' },
    'person-ian': { id: 'person-ian', name: 'Ian Pratt', email: '', color: '#d1242f' },
  },
  personOrder: ['person-keir', 'person-ian'],
};

describe('who signs', () => {
  it("is the person whose email is the clone's, by the board's name, else the git identity", () => {
    expect(personForIdentity(plan, { name: 'kaf24', email: 'Keir@XenSource.example' })).toEqual({ name: 'Keir Fraser', email: 'keir@xensource.example' });
    expect(personForIdentity(plan, { name: 'Ian', email: 'ian@cam.example' })).toEqual({ name: 'Ian', email: 'ian@cam.example' });
    // A person without an email is never matched by an empty one.
    expect(personForIdentity(plan, { name: 'root', email: '' })).toEqual({ name: 'root', email: '' });
  });

  it('is --as a person by name, email or id in any case, else the name given', () => {
    expect(actorAs(plan, 'ian pratt')).toEqual({ ok: true, value: { name: 'Ian Pratt', email: '' } });
    expect(actorAs(plan, 'KEIR@xensource.example')).toEqual({ ok: true, value: { name: 'Keir Fraser', email: 'keir@xensource.example' } });
    expect(actorAs(plan, 'person-keir')).toEqual({ ok: true, value: { name: 'Keir Fraser', email: 'keir@xensource.example' } });
    expect(actorAs(plan, ' Christian Limpach ')).toEqual({ ok: true, value: { name: 'Christian Limpach', email: '' } });
  });

  it('refuses an empty name, a line break, angle brackets and an overlong name', () => {
    for (const bad of ['', '   ', 'a\nb', 'Keir <k@x>', 'x'.repeat(201)]) {
      expect(actorAs(plan, bad)).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringContaining('--as takes') } });
    }
  });
});
