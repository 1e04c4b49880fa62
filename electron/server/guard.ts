/**
 * Who may talk to the room server, as pure functions of a request's headers: the join token,
 * the Host header (a page on another site whose name was re-pointed at 127.0.0.1 — DNS
 * rebinding — still sends its own name as Host), and Origin / Sec-Fetch-Site on anything that
 * acts (POST, WebSocket), so another site open in the same browser cannot drive the board.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { contentSecurityPolicyWith } from '../security';

export const TOKEN_HEADER = 'x-merge-sprint-token';
export const TOKEN_COOKIE = 'merge-sprint-token';

/** The addresses served without a token: only this machine can reach them. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** Whether binding to `host` needs a join token (any address but the loopback defaults). */
export const needsToken = (host: string): boolean => !LOOPBACK_HOSTS.has(host);

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
  /** Null when the server is loopback-only and tokenless. */
  token: string | null;
}

/**
 * Null when the request may proceed as far as Host and Origin go, else the reason it may not.
 * Token checks are separate (`tokenMatches`), since where the token travels depends on the route.
 */
export function refuseCrossSite(req: RequestFacts, settings: GuardSettings): string | null {
  const host = req.host?.toLowerCase();
  if (!host) return 'The request has no Host header.';
  // Without a token, only this machine's own names are served: a rebound name is refused.
  if (settings.token === null && !loopbackHostNames(settings.port).has(host)) {
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

/** Reads one cookie from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
