import { describe, expect, it } from 'vitest';
import { httpClient, pushUrl } from '../../renderer/src/api/http';
import { stripJoinToken } from '../../renderer/src/api/token';
import type { Push } from '../../shared/api';

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
  it('is taken out of the address (the server keeps it in an HttpOnly cookie), the rest of the address kept', () => {
    let replaced = '';
    expect(stripJoinToken({ href: 'http://10.0.0.5:4477/?token=s3cret&x=1#/board/person', replaceUrl: (u: string) => (replaced = u) })).toBe(true);
    expect(replaced).toBe('/?x=1#/board/person');
  });

  it('leaves an address without one alone', () => {
    let replaced: string | null = null;
    expect(stripJoinToken({ href: 'http://127.0.0.1:4477/#/board', replaceUrl: (u: string) => (replaced = u) })).toBe(false);
    expect(replaced).toBeNull();
  });
});

describe('httpClient', () => {
  it('POSTs the request to /api/<channel> and returns the result; no token travels in a header', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ ok: true, value: { path: '/r', name: 'r', branch: 'main', branches: [], tags: [], hasPlan: false } }));
    }) as typeof fetch;
    const client = httpClient('http://127.0.0.1:4477', { fetch: fakeFetch });
    const res = await client.call('repo.open', { path: '/r' });
    expect(res.ok && res.value.name).toBe('r');
    expect(seen[0]?.url).toBe('http://127.0.0.1:4477/api/repo.open');
    expect(seen[0]?.init.method).toBe('POST');
    expect(Object.keys(seen[0]?.init.headers as Record<string, string>)).toEqual(['content-type']);
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

  it('builds the push address, ws: or wss: as the page (the cookie carries the token)', () => {
    expect(pushUrl('http://127.0.0.1:4477')).toBe('ws://127.0.0.1:4477/api/push');
    expect(pushUrl('https://room.example:8443')).toBe('wss://room.example:8443/api/push');
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

describe('httpClient after the room server restarted', () => {
  it('tells it again who this browser is once the push socket reconnects', async () => {
    FakeSocket.all = [];
    const told: unknown[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      if (new URL(url).pathname === '/api/session') told.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify({ ok: true, value: {} }));
    }) as typeof fetch;
    const ian = { name: 'Ian Pratt', email: '' };
    const client = httpClient('http://127.0.0.1:4477', {
      fetch: fakeFetch,
      WebSocket: FakeSocket as unknown as typeof WebSocket,
      retryDelaysMs: [1],
      actor: { get: () => ian, subscribe: () => () => {} },
    });
    const unsubscribe = client.subscribe(() => {});
    FakeSocket.all[0]!.onopen?.();
    await client.call('plan.get', {});
    expect(told).toEqual([{ actor: ian }]);
    FakeSocket.all[0]!.onclose?.();
    await new Promise((r) => setTimeout(r, 20));
    FakeSocket.all[1]!.onopen?.();
    await client.call('plan.get', {});
    expect(told).toEqual([{ actor: ian }, { actor: ian }]);
    unsubscribe();
  });
});
