/**
 * A browser in the room as the room server tests need one, over real HTTP: it opens the printed
 * address (which sets the token's cookie), keeps the cookies it is given as a browser would,
 * says who it is through POST /api/session, and calls channels with its cookies.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import type { RoomServer } from '../../../electron/core/server/room';
import { tempDir } from '../../helpers/repo';

export interface Answer<T = unknown> {
  status: number;
  json: Result<T>;
}

export interface RoomBrowser {
  cookies: Map<string, string>;
  /** The Cookie header this browser sends. */
  cookieHeader(): string;
  /** GET of a page or asset, with the cookies. */
  get(pathAndQuery: string): Promise<Response>;
  call<T = unknown>(channel: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
  choose(actor: Actor | null): Promise<Answer<{ actor: Actor | null }>>;
}

/** The `name=value` parts of a response's Set-Cookie headers. */
export function setCookies(res: Response): Array<{ name: string; value: string; attributes: string }> {
  return res.headers.getSetCookie().map((line) => {
    const [pair = '', ...rest] = line.split(';');
    const eq = pair.indexOf('=');
    return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes: rest.join(';') };
  });
}

/** A browser that has not opened the page yet: no cookies at all. */
export function newBrowser(base: string): RoomBrowser {
  const cookies = new Map<string, string>();
  const keep = (res: Response): void => {
    for (const c of setCookies(res)) cookies.set(c.name, c.value);
  };
  const cookieHeader = (): string => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const withCookies = (headers: Record<string, string>): Record<string, string> => (cookies.size > 0 ? { cookie: cookieHeader(), ...headers } : headers);
  const post = async <T>(pathname: string, body: unknown, headers: Record<string, string>): Promise<Answer<T>> => {
    const res = await fetch(`${base}${pathname}`, { method: 'POST', headers: withCookies({ 'content-type': 'application/json', ...headers }), body: JSON.stringify(body) });
    keep(res);
    return { status: res.status, json: (await res.json()) as Result<T> };
  };
  return {
    cookies,
    cookieHeader,
    async get(pathAndQuery) {
      const res = await fetch(`${base}${pathAndQuery}`, { headers: withCookies({}) });
      keep(res);
      return res;
    },
    call: (channel, body = {}, headers = {}) => post(`/api/${channel}`, body, headers),
    choose: (actor) => post('/api/session', { actor }, {}),
  };
}

/** A browser that opened the address the server printed (so it holds the token's cookie). */
export async function openBoard(server: RoomServer): Promise<RoomBrowser> {
  const url = new URL(server.url);
  const browser = newBrowser(url.origin);
  const page = await browser.get(`${url.pathname}${url.search}`);
  if (page.status !== 200) throw new Error(`Opening ${server.url} answered HTTP ${page.status}.`);
  return browser;
}

/** A folder standing in for the built board: an index page and one script. */
export function fakeBoardDir(): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>board</title><script type="module" src="./app.js"></script>');
  writeFileSync(path.join(dir, 'app.js'), 'console.log(1);');
  return dir;
}
