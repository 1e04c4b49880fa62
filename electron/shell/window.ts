/**
 * The board window and the rules every page of the app lives under: served from app://, not
 * file://; isolated, sandboxed, no Node, a strict Content-Security-Policy, no navigation away, no
 * new windows, no permissions.
 */
import { BrowserWindow, protocol, shell, type Session, type WebContents } from 'electron';
import path from 'node:path';
import { answerAppRequest, APP_SCHEME, APP_SCHEME_PRIVILEGES, RENDERER_URL } from './app-protocol';
import { CONTENT_SECURITY_POLICY, hardenedWebPreferences, isSafeExternalUrl } from './security';

/** dist/electron/main.cjs runs from dist/electron; the renderer is built to dist/renderer. */
export const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
export const RENDERER_DIR = path.join(__dirname, '..', 'renderer');

/** Declares app:// a standard, secure scheme. Electron takes this only before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** Serves app:// in the session from the built renderer folder, and nothing outside it. */
export function installAppProtocol(session: Session): void {
  session.protocol.handle(APP_SCHEME, (request) => answerAppRequest(request.url, RENDERER_DIR));
}

/** Every window's webPreferences (see security.ts for each setting). */
export const windowWebPreferences = () => hardenedWebPreferences(PRELOAD_PATH);

export function windowTitle(repo: string | null): string {
  return repo === null ? 'Merge Sprint' : `${path.basename(repo)} — Merge Sprint`;
}

/** A new board window; the caller attaches it to a repository. */
export function createBoardWindow(repo: string | null): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: windowTitle(repo),
    backgroundColor: '#ffffff',
    webPreferences: windowWebPreferences(),
  });
  window.once('ready-to-show', () => window.show());
  // The window title names the repository; the page's own <title> would hide which one.
  window.on('page-title-updated', (event) => event.preventDefault());
  void window.loadURL(RENDERER_URL);
  return window;
}

/**
 * Applied to every WebContents the app creates (app 'web-contents-created'): the page can
 * neither navigate away, nor open windows, nor embed a webview. An https link the user clicks
 * opens in the system browser instead; any other scheme is dropped.
 */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openInBrowser(url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
}

/** The CSP header on every response, and every permission request refused. */
export function installSessionPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

function openInBrowser(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}
