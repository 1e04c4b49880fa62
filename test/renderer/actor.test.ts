/**
 * "I am …" in the room's renderer: the HTTP client sends the chosen actor with every POST (in
 * the form the room server reads), the choice is remembered per repository, and the picker's
 * decisions about typed names and edited people.
 */
import { describe, expect, it } from 'vitest';
import { parseActorHeader } from '../../electron/server/actor';
import { actorStorageKey, createActorChoice, loadChosenActor, saveChosenActor } from '../../renderer/src/api/actor';
import { httpClient } from '../../renderer/src/api/http';
import { checkTypedActor, followPerson, matchingPerson, pickerRepository } from '../../renderer/src/views/shell/actorChoice';
import { emptyPlan, type Person, type Plan } from '../../shared/model';

class MemoryStorage {
  items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

/** A fetch that records the headers of every POST and answers an empty plan. */
function recordingFetch(): { fetch: typeof fetch; headers: Array<Record<string, string>> } {
  const headers: Array<Record<string, string>> = [];
  const fake = (async (_url: string, init: RequestInit) => {
    headers.push({ ...(init.headers as Record<string, string>) });
    return new Response(JSON.stringify({ ok: true, value: { plan: emptyPlan(), activity: [] } }));
  }) as typeof fetch;
  return { fetch: fake, headers };
}

const IAN: Person = { id: 'person-ian', name: 'Ian Pratt', email: 'ian@xensource.com', color: '#aa3322' };
const KEIR: Person = { id: 'person-keir', name: 'Keir Fraser', email: 'keir@xensource.com', color: '#2266dd' };
const planWith = (...people: Person[]): Plan => ({
  ...emptyPlan(),
  people: Object.fromEntries(people.map((p) => [p.id, p])),
  personOrder: people.map((p) => p.id),
});

describe('the HTTP client and the chosen actor', () => {
  it('sends no actor header until one is chosen, then sends it with every POST', async () => {
    const choice = createActorChoice();
    const rec = recordingFetch();
    const client = httpClient('http://127.0.0.1:4477', { fetch: rec.fetch, actor: () => choice.get()?.actor ?? null });

    await client.call('plan.get', {});
    expect(rec.headers[0]).not.toHaveProperty('X-Merge-Sprint-Actor');

    choice.set({ actor: { name: 'Jürgen Groß', email: 'jgross@suse.example' }, personId: null });
    await client.call('plan.get', {});
    await client.call('plan.change', { change: { type: 'card.state', subsystemId: 's1', state: 'Review' } });
    for (const sent of rec.headers.slice(1)) {
      const value = sent['X-Merge-Sprint-Actor'];
      // Header values are bytes: only ASCII may travel.
      expect(value).toMatch(/^[\x21-\x7e]+$/);
      expect(JSON.parse(decodeURIComponent(value ?? ''))).toEqual({ name: 'Jürgen Groß', email: 'jgross@suse.example' });
      // And the room server reads it back as that person.
      expect(parseActorHeader(value)).toEqual({ ok: true, value: { name: 'Jürgen Groß', email: 'jgross@suse.example' } });
    }

    choice.set(null);
    await client.call('plan.get', {});
    expect(rec.headers[3]).not.toHaveProperty('X-Merge-Sprint-Actor');
  });

  it('tells its listeners when the choice changes', () => {
    const choice = createActorChoice();
    let calls = 0;
    const stop = choice.subscribe(() => calls++);
    choice.set({ actor: { name: 'Ian Pratt', email: '' }, personId: null });
    stop();
    choice.set(null);
    expect(calls).toBe(1);
  });
});

describe('the choice remembered per repository', () => {
  it('keeps one choice per repository and forgets it on request', () => {
    const storage = new MemoryStorage();
    saveChosenActor(storage, '/work/linux', { actor: { name: IAN.name, email: IAN.email }, personId: IAN.id });
    saveChosenActor(storage, '/work/qemu', { actor: { name: 'Anthony', email: '' }, personId: null });
    expect(loadChosenActor(storage, '/work/linux')).toEqual({ actor: { name: IAN.name, email: IAN.email }, personId: IAN.id });
    expect(loadChosenActor(storage, '/work/qemu')).toEqual({ actor: { name: 'Anthony', email: '' }, personId: null });
    expect(loadChosenActor(storage, '/work/other')).toBeNull();
    saveChosenActor(storage, '/work/linux', null);
    expect(loadChosenActor(storage, '/work/linux')).toBeNull();
    expect(storage.getItem(actorStorageKey('/work/qemu'))).not.toBeNull();
  });

  it('asks again instead of sending a damaged or out-of-limits entry', () => {
    const storage = new MemoryStorage();
    for (const raw of ['{', 'null', '{"actor":{"name":"","email":""}}', JSON.stringify({ actor: { name: 'x'.repeat(201), email: '' } }), '{"actor":{"name":"Ian"}}']) {
      storage.setItem(actorStorageKey('/r'), raw);
      expect(loadChosenActor(storage, '/r')).toBeNull();
    }
  });
});

describe("the picker's decisions", () => {
  it('applies in the room only: in Electron the git user acts', () => {
    expect(pickerRepository({ mode: 'room', repoPath: '/work/linux' })).toBe('/work/linux');
    expect(pickerRepository({ mode: 'electron', repoPath: '/work/linux' })).toBeNull();
    expect(pickerRepository({ mode: 'room', repoPath: null })).toBeNull();
    expect(pickerRepository(null)).toBeNull();
  });

  it('checks a typed name and email as the room server does', () => {
    expect(checkTypedActor('  ', '')).toBe('Type your name.');
    expect(checkTypedActor('Ian', 'ian at xensource')).toMatch(/does not look like an email address/);
    expect(checkTypedActor('n'.repeat(201), '')).toMatch(/longer than 200/);
    expect(checkTypedActor(' Ian Pratt ', ' ian@xensource.com ')).toBeNull();
    expect(checkTypedActor('Ian Pratt', '')).toBeNull();
  });

  it('finds the person a typed identity already is, by email, else by name', () => {
    const plan = planWith(IAN, KEIR);
    expect(matchingPerson(plan, { name: 'Someone', email: 'KEIR@xensource.com' })).toBe(KEIR);
    expect(matchingPerson(plan, { name: 'ian pratt', email: '' })).toBe(IAN);
    expect(matchingPerson(plan, { name: 'Jan Beulich', email: 'jbeulich@novell.com' })).toBeNull();
  });

  it("follows an edit of the chosen person's name or email, and nothing else", () => {
    const chosen = { actor: { name: IAN.name, email: IAN.email }, personId: IAN.id };
    expect(followPerson(chosen, IAN)).toBeNull();
    expect(followPerson(chosen, { ...IAN, email: 'ian@cam.example' })).toEqual({ actor: { name: IAN.name, email: 'ian@cam.example' }, personId: IAN.id });
    expect(followPerson(chosen, KEIR)).toBeNull();
    expect(followPerson({ ...chosen, personId: null }, IAN)).toBeNull();
    expect(followPerson(chosen, null)).toBeNull();
  });
});
