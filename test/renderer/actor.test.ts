/**
 * "I am …" in the room's renderer: the HTTP client tells the room server the chosen actor (in
 * the form the server reads) before any later call, the choice is remembered per repository,
 * and the picker's decisions about typed names and edited people.
 */
import { describe, expect, it } from 'vitest';
import { parseActorChoice } from '../../electron/core/server/actor';
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

interface Sent {
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch that records every POST and answers it; the session's answer waits for `release` when `holdSession` is set. */
function recordingFetch(opts: { holdSession?: boolean } = {}) {
  const sent: Sent[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const fake = (async (url: string, init: RequestInit) => {
    const path = new URL(url).pathname;
    sent.push({ path, headers: { ...(init.headers as Record<string, string>) }, body: JSON.parse(String(init.body)) });
    if (path === '/api/session') {
      if (opts.holdSession) await held;
      return new Response(JSON.stringify({ ok: true, value: {} }));
    }
    return new Response(JSON.stringify({ ok: true, value: { plan: emptyPlan(), activity: [] } }));
  }) as typeof fetch;
  return { fetch: fake, sent, release: () => release() };
}

const IAN: Person = { id: 'person-ian', name: 'Ian Pratt', email: 'ian@xensource.com', color: '#aa3322' };
const KEIR: Person = { id: 'person-keir', name: 'Keir Fraser', email: 'keir@xensource.com', color: '#2266dd' };
const planWith = (...people: Person[]): Plan => ({
  ...emptyPlan(),
  people: Object.fromEntries(people.map((p) => [p.id, p])),
  personOrder: people.map((p) => p.id),
});

describe('the HTTP client and the chosen actor', () => {
  it('tells the server once per choice, in the form it reads, and never names anyone in a header', async () => {
    const choice = createActorChoice();
    const rec = recordingFetch();
    const client = httpClient('http://127.0.0.1:4477', { fetch: rec.fetch, actor: { get: () => choice.get()?.actor ?? null, subscribe: choice.subscribe } });

    await client.call('plan.get', {});
    expect(rec.sent.map((s) => s.path)).toEqual(['/api/plan.get']);

    const jurgen = { name: 'Jürgen Groß', email: 'jgross@suse.example' };
    choice.set({ actor: jurgen, personId: null });
    choice.set({ actor: jurgen, personId: 'person-j' });
    await client.call('plan.change', { change: { type: 'card.state', subsystemId: 's1', state: 'Review' } });
    expect(rec.sent.map((s) => s.path)).toEqual(['/api/plan.get', '/api/session', '/api/plan.change']);
    // And the room server reads it back as that person.
    expect(parseActorChoice(rec.sent[1]?.body)).toEqual({ ok: true, value: jurgen });

    choice.set(null);
    await client.call('plan.get', {});
    expect(rec.sent[3]?.body).toEqual({ actor: null });
    for (const s of rec.sent) expect(Object.keys(s.headers).map((h) => h.toLowerCase())).toEqual(['content-type']);
  });

  it('sends a call made right after choosing only once the server knows the choice', async () => {
    const choice = createActorChoice();
    const rec = recordingFetch({ holdSession: true });
    const client = httpClient('http://127.0.0.1:4477', { fetch: rec.fetch, actor: { get: () => choice.get()?.actor ?? null, subscribe: choice.subscribe } });
    choice.set({ actor: { name: 'Ian Pratt', email: '' }, personId: null });
    const change = client.call('plan.change', { change: { type: 'card.state', subsystemId: 's1', state: 'Review' } });
    await new Promise((r) => setTimeout(r, 20));
    expect(rec.sent.map((s) => s.path)).toEqual(['/api/session']);
    rec.release();
    expect((await change).ok).toBe(true);
    expect(rec.sent.map((s) => s.path)).toEqual(['/api/session', '/api/plan.change']);
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
