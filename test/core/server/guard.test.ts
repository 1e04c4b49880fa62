import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  cookieValue,
  isLoopback,
  newToken,
  presentedToken,
  refuseCrossSite,
  securityHeaders,
  tokenCookie,
  tokenCookieName,
  tokenMatches,
} from '../../../electron/core/server/guard';

const loopback = { port: 4477, token: 'secret-token', loopbackOnly: true };
const allInterfaces = { port: 4477, token: 'secret-token', loopbackOnly: false };

describe('join token', () => {
  it('tells the loopback addresses, whose host names are checked, from the others', () => {
    expect(['127.0.0.1', 'localhost', '::1'].map(isLoopback)).toEqual([true, true, true]);
    expect(['0.0.0.0', '127.0.0.2', '192.168.1.20'].map(isLoopback)).toEqual([false, false, false]);
  });

  it("travels in a cookie named after the port, so two rooms on one host keep their own", () => {
    expect(tokenCookieName(4477)).not.toBe(tokenCookieName(4478));
    const cookie = tokenCookie('T', 4477);
    expect(cookie.startsWith(`${tokenCookieName(4477)}=T;`)).toBe(true);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    // Host-only: no Domain, so no other host is sent it.
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('is read from the header or from the cookie of this port only', () => {
    const cookieOf = (port: number) => `a=1; ${tokenCookieName(port)}=from-cookie`;
    expect(presentedToken({ token: 'from-header', cookie: cookieOf(4477) }, 4477)).toBe('from-header');
    expect(presentedToken({ token: undefined, cookie: cookieOf(4477) }, 4477)).toBe('from-cookie');
    expect(presentedToken({ token: undefined, cookie: cookieOf(4478) }, 4477)).toBeUndefined();
    expect(presentedToken({ token: undefined, cookie: undefined }, 4477)).toBeUndefined();
  });

  it('is random, long and URL-safe', () => {
    const a = newToken();
    const b = newToken();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('matches only exactly', () => {
    expect(tokenMatches('secret-token', 'secret-token')).toBe(true);
    expect(tokenMatches('secret-tokeN', 'secret-token')).toBe(false);
    expect(tokenMatches('secret', 'secret-token')).toBe(false);
    expect(tokenMatches(undefined, 'secret-token')).toBe(false);
    expect(tokenMatches(null, 'secret-token')).toBe(false);
  });
});

describe('cross-site refusal', () => {
  const req = (over: Partial<{ method: string; host: string; origin: string; secFetchSite: string }>) => ({
    method: 'POST',
    host: '127.0.0.1:4477',
    origin: undefined,
    secFetchSite: undefined,
    ...over,
  });

  it('accepts the page itself and tools without an Origin', () => {
    expect(refuseCrossSite(req({ origin: 'http://127.0.0.1:4477', secFetchSite: 'same-origin' }), loopback)).toBeNull();
    expect(refuseCrossSite(req({}), loopback)).toBeNull();
    expect(refuseCrossSite(req({ host: 'localhost:4477', origin: 'http://localhost:4477' }), loopback)).toBeNull();
  });

  it('refuses a rebound host name on a loopback server, even for GET', () => {
    expect(refuseCrossSite(req({ method: 'GET', host: 'evil.example:4477' }), loopback)).toMatch(/not one of its addresses/);
    expect(refuseCrossSite(req({ host: '127.0.0.1:9999' }), loopback)).not.toBeNull();
    expect(refuseCrossSite(req({ host: undefined }), loopback)).toMatch(/no Host/);
  });

  it('refuses a POST or socket from another origin', () => {
    expect(refuseCrossSite(req({ origin: 'http://evil.example' }), loopback)).toMatch(/evil\.example/);
    expect(refuseCrossSite(req({ origin: 'null' }), loopback)).not.toBeNull();
    expect(refuseCrossSite(req({ method: 'UPGRADE', origin: 'http://127.0.0.1:5555' }), loopback)).not.toBeNull();
    expect(refuseCrossSite(req({ secFetchSite: 'cross-site' }), loopback)).toMatch(/another site/);
    expect(refuseCrossSite(req({ secFetchSite: 'same-site' }), loopback)).not.toBeNull();
  });

  it('serves any host name when bound beyond loopback, but still checks Origin', () => {
    expect(refuseCrossSite(req({ host: '192.168.1.20:4477', origin: 'http://192.168.1.20:4477' }), allInterfaces)).toBeNull();
    expect(refuseCrossSite(req({ host: '192.168.1.20:4477', origin: 'http://evil.example' }), allInterfaces)).not.toBeNull();
  });
});

describe('headers', () => {
  it('allow only the app itself and the push socket on the same host', () => {
    const csp = contentSecurityPolicy('127.0.0.1:4477');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:4477 wss://127.0.0.1:4477");
  });

  it('never echo a Host header that could inject a directive', () => {
    expect(contentSecurityPolicy("x; script-src 'unsafe-inline'")).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy(undefined)).toContain("connect-src 'self';");
  });

  it('include nosniff and no-referrer', () => {
    const h = securityHeaders('127.0.0.1:1');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('no-referrer');
  });

  it('read one cookie among several', () => {
    expect(cookieValue('a=1; merge-sprint-token-4477=xyz; b=2', 'merge-sprint-token-4477')).toBe('xyz');
    expect(cookieValue('a=1', 'merge-sprint-token-4477')).toBeUndefined();
    expect(cookieValue(undefined, 'x')).toBeUndefined();
  });
});
