import { describe, expect, it } from 'vitest';
import { httpClient, pushUrl } from '../../renderer/src/api/http';
import { readJoinToken, TOKEN_KEY } from '../../renderer/src/api/token';
import type { Push } from '../../shared/api';

class MemoryStorage {
  items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
}

/** A WebSocket double the test opens, feeds and closes by hand. */
class FakeSocket {
  static all: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  closed = false;
  constructor(public url: string) {
    FakeSocket.all.push(this);
  }
  close() {
    this.closed = true;
    this.onclose?.();
  }
}

describe('join token', () => {
  it('takes the token from ?token=, keeps it, and removes it from the address', () => {
    const storage = new MemoryStorage();
    let replaced = '';
    const token = readJoinToken({ href: 'http://10.0.0.5:4477/?token=s3cret#/board/person', storage, replaceUrl: (u) => (replaced = u) });
    expect(token).toBe('s3cret');
    expect(storage.getItem(TOKEN_KEY)).toBe('s3cret');
    expect(replaced).toBe('/#/board/person');
    expect(readJoinToken({ href: 'http://10.0.0.5:4477/', storage })).toBe('s3cret');
  });

  it('is null when the page was opened without one', () => {
    expect(readJoinToken({ href: 'http://127.0.0.1:4477/', storage: new MemoryStorage() })).toBeNull();
  });
});

describe('httpClient', () => {
  it('POSTs the request to /api/<channel> with the token header and returns the result', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ ok: true, value: { path: '/r', name: 'r', branch: 'main', branches: [], tags: [], hasPlan: false } }));
    }) as typeof fetch;
    const client = httpClient('http://127.0.0.1:4477', { token: 'T', fetch: fakeFetch });
    const res = await client.call('repo.open', { path: '/r' });
    expect(res.ok && res.value.name).toBe('r');
    expect(seen[0]?.url).toBe('http://127.0.0.1:4477/api/repo.open');
    expect(seen[0]?.init.method).toBe('POST');
    expect((seen[0]?.init.headers as Record<string, string>)['X-Merge-Sprint-Token']).toBe('T');
    expect(JSON.parse(String(seen[0]?.init.body))).toEqual({ path: '/r' });
  });

  it('turns an unreachable server and a non-result body into error values', async () => {
    const down = httpClient('http://127.0.0.1:1', { fetch: (async () => Promise.reject(new TypeError('fetch failed'))) as typeof fetch });
    const res = await down.call('plan.get', {});
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/Could not reach the room server/);
    const html = httpClient('http://127.0.0.1:1', { fetch: (async () => new Response('<html>', { status: 502 })) as typeof fetch });
    const bad = await html.call('plan.get', {});
    expect(!bad.ok && bad.error.message).toMatch(/HTTP 502/);
  });

  it('builds the push address with the token, ws: or wss: as the page', () => {
    expect(pushUrl('http://127.0.0.1:4477', null)).toBe('ws://127.0.0.1:4477/api/push');
    expect(pushUrl('https://room.example:8443', 'a b')).toBe('wss://room.example:8443/api/push?token=a+b');
  });

  it('delivers pushes, reconnects after a drop, and closes when nobody listens', async () => {
    FakeSocket.all = [];
    const states: string[] = [];
    const client = httpClient('http://127.0.0.1:4477', { WebSocket: FakeSocket as unknown as typeof WebSocket, retryDelaysMs: [1] });
    client.onConnection((s) => states.push(s));
    const got: Push[] = [];
    const unsubscribe = client.subscribe((p) => got.push(p));
    const first = FakeSocket.all[0]!;
    first.onopen?.();
    first.onmessage?.({ data: JSON.stringify({ type: 'build.log', runId: 'r', chunk: 'ok' }) });
    first.onmessage?.({ data: 'not json' });
    expect(got).toEqual([{ type: 'build.log', runId: 'r', chunk: 'ok' }]);

    first.onclose?.();
    await new Promise((r) => setTimeout(r, 20));
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.all[1]!.onopen?.();
    expect(states).toEqual(['closed', 'connecting', 'open', 'closed', 'connecting', 'open']);

    unsubscribe();
    expect(FakeSocket.all[1]!.closed).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(FakeSocket.all).toHaveLength(2);
  });
});
