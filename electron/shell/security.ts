/**
 * The window's security policy as plain data and pure checks (Electron's security checklist):
 * what the renderer may load, which frames may call the API, which links may leave the app.
 * No `electron` import, so the policy is tested in plain Node.
 */

export { CONTENT_SECURITY_POLICY, contentSecurityPolicyWith } from '../core/server/page-policy';

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

/** What the IPC handler knows about the frame a message came from. */
export interface SenderFrame {
  url: string;
  /** True when the frame is its window's top frame (not an iframe). */
  isTopFrame: boolean;
}

/**
 * True only for the top frame of a window showing our renderer page (app-protocol.ts's
 * RENDERER_URL). Query and fragment are ignored (the page may keep state there); scheme, host,
 * port and path must match exactly and no user name may be added, so a file:// page, another
 * app:// page, an http page or an iframe of ours can never reach the API.
 */
export function isTrustedSender(frame: SenderFrame | null, rendererUrl: string): boolean {
  if (frame === null || !frame.isTopFrame) return false;
  const sender = parseUrl(frame.url);
  const expected = parseUrl(rendererUrl);
  if (sender === null || expected === null || expected.host === '' || sender.username !== '' || sender.password !== '') return false;
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
