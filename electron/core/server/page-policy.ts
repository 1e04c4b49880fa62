/**
 * The board page's Content Security Policy, for both ways it is served: the Electron window and
 * the room server. Plain strings, so the shell and the room server share one policy and it is
 * tested in Node.
 */

/**
 * The renderer page's Content Security Policy: only the app's own files; no inline script, no
 * eval, no plugins, no frames; connections only to `connect` (a CSP source list).
 */
function policyConnectingTo(connect: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The room server's page policy: connections to the page's own origin (the API) and `connectSources` (its push socket). */
export function contentSecurityPolicyWith(connectSources: readonly string[]): string {
  return policyConnectingTo(["'self'", ...connectSources]);
}

/**
 * The window's policy: no connection at all. The renderer talks to the main process through the
 * preload's IPC bridge, never over the network, so a script that got in could not send anything out.
 */
export const CONTENT_SECURITY_POLICY = policyConnectingTo(["'none'"]);
