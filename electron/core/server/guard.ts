/**
 * Who may talk to the room server, as pure functions of a request's headers: the join token,
 * the Host header (a page on another site whose name was re-pointed at 127.0.0.1 — DNS
 * rebinding — still sends its own name as Host), and Origin / Sec-Fetch-Site on anything that
 * acts (POST, WebSocket), so another site open in the same browser cannot drive the board.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { contentSecurityPolicyWith } from './page-policy';

export const TOKEN_HEADER = 'x-merge-sprint-token';

/**
 * The cookie that carries the token after the page's first load. A cookie belongs to a host,
 * whatever its port, so two rooms on one computer each name theirs after their port.
 */
export const tokenCookieName = (port: number): string => `merge-sprint-token-${port}`;

/** The loopback addresses: a server bound to one of them answers only to this machine's own names for it. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

export const isLoopback = (host: string): boolean => LOOPBACK_HOSTS.has(host);

/** A join token: 24 random bytes, URL-safe. */
export const newToken = (): string => randomBytes(24).toString('base64url');

/** Compares a presented token with the real one in constant time. */
export function tokenMatches(presented: string | undefined | null, token: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The `Host` values a loopback-only server answers to: its own address under the names a browser uses. */
export function loopbackHostNames(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export interface RequestFacts {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
}

export interface GuardSettings {
  port: number;
  /** Asked on every request, loopback included: any process on this machine can reach a loopback port. */
  token: string;
  /** Bound to a loopback address: only this machine's names for it are served (a rebound name is refused). */
  loopbackOnly: boolean;
}

/**
 * Null when the request may proceed as far as Host and Origin go, else the reason it may not.
 * Token checks are separate (`tokenMatches`), since where the token travels depends on the route.
 */
export function refuseCrossSite(req: RequestFacts, settings: GuardSettings): string | null {
  const host = req.host?.toLowerCase();
  if (!host) return 'The request has no Host header.';
  // A page whose name was rebound to 127.0.0.1 never had the token; refusing its name as well costs nothing.
  if (settings.loopbackOnly && !loopbackHostNames(settings.port).has(host)) {
    return `This board is served to this computer only; "${host}" is not one of its addresses (open http://127.0.0.1:${settings.port}/).`;
  }
  // Reading the page is harmless; acting (POST, and 'UPGRADE' for the push socket) must come from it.
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  if (req.secFetchSite && req.secFetchSite !== 'same-origin' && req.secFetchSite !== 'none') {
    return 'Requests from another site are refused.';
  }
  if (req.origin !== undefined) {
    const expected = [`http://${host}`, `https://${host}`];
    if (!expected.includes(req.origin.toLowerCase())) return `Requests from ${req.origin} are refused: only the board's own page may call the API.`;
  }
  return null;
}

/** Keeps only characters a host name, an IP address and a port can have (the header is echoed in the CSP). */
const safeHost = (host: string | undefined): string | null => (host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? host : null);

/** The page's Content Security Policy (the window's), with one more connection: the push socket on the same host. */
export function contentSecurityPolicy(host: string | undefined): string {
  const h = safeHost(host);
  return contentSecurityPolicyWith(h ? [`ws://${h}`, `wss://${h}`] : []);
}

/** Headers every response carries. */
export function securityHeaders(host: string | undefined): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(host),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

/**
 * The join token a request presents: the header (scripts, tools), or the cookie the page's first
 * load set. The cookie is SameSite=Strict and the Origin check above refuses other sites, so a
 * page elsewhere cannot act with it.
 */
export function presentedToken(headers: { token: string | undefined; cookie: string | undefined }, port: number): string | undefined {
  return headers.token ?? cookieValue(headers.cookie, tokenCookieName(port));
}

/** The Set-Cookie value that keeps the token for the page's later loads, calls and push socket. */
export const tokenCookie = (token: string, port: number): string => `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;

/** Reads one cookie from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
