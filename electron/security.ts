/**
 * The window's security policy as plain data and pure checks (Electron's security checklist):
 * what the renderer may load, which frames may call the API, which links may leave the app.
 * No `electron` import, so the policy is tested in plain Node.
 */
import { pathToFileURL } from 'node:url';

/**
 * The renderer page's Content Security Policy, in the window and in the room server: only the
 * app's own files; no inline script, no eval, no plugins, no frames; no connection but to the
 * page's own origin and `connectSources` (the room server's push socket).
 */
export function contentSecurityPolicyWith(connectSources: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connectSources].join(' '),
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The window's policy: no connection but its own (the renderer talks to the main process through the preload, never the network). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicyWith([]);

/** The subset of Electron's WebPreferences the window sets, spelled out so a test can read it. */
export interface HardenedWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: false;
}

/** Every window's webPreferences: isolated, sandboxed, no Node, the preload as the only bridge. */
export function hardenedWebPreferences(preloadPath: string): HardenedWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/** The file:// address of the renderer's page, the only document allowed to call the API. */
export function rendererUrlFor(indexHtmlPath: string): string {
  return pathToFileURL(indexHtmlPath).href;
}

/** What the IPC handler knows about the frame a message came from. */
export interface SenderFrame {
  url: string;
  /** True when the frame is its window's top frame (not an iframe). */
  isTopFrame: boolean;
}

/**
 * True only for the top frame of a window showing our renderer page. Query and fragment are
 * ignored (the page may keep state there); scheme, host and path must match exactly, so another
 * local file, an http page or an iframe of ours can never reach the API.
 */
export function isTrustedSender(frame: SenderFrame | null, rendererUrl: string): boolean {
  if (frame === null || !frame.isTopFrame) return false;
  const sender = parseUrl(frame.url);
  const expected = parseUrl(rendererUrl);
  if (sender === null || expected === null || sender.protocol !== 'file:') return false;
  return sender.protocol === expected.protocol && sender.host === expected.host && sender.pathname === expected.pathname;
}

/**
 * Links the app hands to the operating system's browser: https only, with a host and no
 * credentials. Everything else (file:, javascript:, custom schemes that launch programs) is dropped.
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
