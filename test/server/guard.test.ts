import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  cookieValue,
  needsToken,
  newToken,
  refuseCrossSite,
  securityHeaders,
  tokenMatches,
} from '../../electron/server/guard';

const loopback = { port: 4477, token: null };
const withToken = { port: 4477, token: 'secret-token' };

describe('join token', () => {
  it('is needed on every address but the loopback defaults', () => {
    expect(needsToken('127.0.0.1')).toBe(false);
    expect(needsToken('localhost')).toBe(false);
    expect(needsToken('::1')).toBe(false);
    expect(needsToken('0.0.0.0')).toBe(true);
    expect(needsToken('127.0.0.2')).toBe(true);
    expect(needsToken('192.168.1.20')).toBe(true);
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

  it('serves any host name when a token guards the server, but still checks Origin', () => {
    expect(refuseCrossSite(req({ host: '192.168.1.20:4477', origin: 'http://192.168.1.20:4477' }), withToken)).toBeNull();
    expect(refuseCrossSite(req({ host: '192.168.1.20:4477', origin: 'http://evil.example' }), withToken)).not.toBeNull();
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
    expect(cookieValue('a=1; merge-sprint-token=xyz; b=2', 'merge-sprint-token')).toBe('xyz');
    expect(cookieValue('a=1', 'merge-sprint-token')).toBeUndefined();
    expect(cookieValue(undefined, 'x')).toBeUndefined();
  });
});
