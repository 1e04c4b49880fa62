/**
 * The app:// scheme the window's page is served from. Electron's security checklist: a custom
 * protocol rather than file://, whose pages may read any other file:// address and share access
 * with every file:// frame. Pages of app://merge-sprint can reach only the renderer's own built
 * files: the handler resolves each address inside dist/renderer and refuses anything that would
 * leave it, by `..`, an encoded separator, or a symbolic link. No `electron` import, so the
 * resolution and the answers are tested in plain Node; window.ts registers the handler.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'merge-sprint';
/** The address of the renderer's page, the only document allowed to call the API. */
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * What the scheme may do (protocol.registerSchemesAsPrivileged): a standard scheme has an origin,
 * so the page's relative module imports resolve and 'self' in its CSP means app://merge-sprint;
 * secure makes it a secure context as file:// was. The page loads its scripts and styles, and
 * its CSP refuses every connection.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

export type AppFile = { ok: true; file: string } | { ok: false; status: 400 | 404; why: string };

/**
 * The file under `rendererDir` an app:// address names, or why there is none. Pure: the path
 * module is a parameter so Windows' separators are tested too. The address is decoded first and
 * the result resolved and checked after, so `%2e%2e`, `%2f` and `\` cannot step outside.
 */
export function appFileFor(url: string, rendererDir: string, paths: path.PlatformPath = path): AppFile {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, why: 'not an address' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 404, why: `not an ${APP_SCHEME}://${APP_HOST} address` };
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400, why: 'a malformed %-escape' };
  }
  // No renderer file has either; on Windows a colon would name a drive or an NTFS stream.
  if (/[\0:]/.test(pathname)) return { ok: false, status: 400, why: 'a NUL or a colon in the path' };
  if (pathname === '' || pathname === '/') pathname = '/index.html';
  const root = paths.resolve(rendererDir);
  const file = paths.resolve(root, `.${paths.sep}${pathname.replace(/^[/\\]+/, '')}`);
  if (!isInside(root, file, paths)) return { ok: false, status: 404, why: 'outside the renderer folder' };
  return { ok: true, file };
}

function isInside(root: string, file: string, paths: path.PlatformPath): boolean {
  const relative = paths.relative(root, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${paths.sep}`) && !paths.isAbsolute(relative);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Headers on every answer: the window's CSP (a custom protocol's answers may skip webRequest), no sniffing. */
const COMMON_HEADERS = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };

/**
 * The answer to one app:// request (the protocol.handle handler): the file with its type and the
 * window's CSP, or 400/404 with a line saying why. The file's real path, links resolved, must
 * still be inside the real renderer folder.
 */
export async function answerAppRequest(url: string, rendererDir: string): Promise<Response> {
  const refuse = (status: number, why: string) => new Response(`${url}: ${why}`, { status, headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
  const found = appFileFor(url, rendererDir);
  if (!found.ok) return refuse(found.status, found.why);
  let body: Buffer;
  try {
    const [root, file] = await Promise.all([realpath(rendererDir), realpath(found.file)]);
    if (!isInside(root, file, path)) return refuse(404, 'a link out of the renderer folder');
    body = await readFile(file);
  } catch {
    return refuse(404, 'no such file in the renderer');
  }
  const type = CONTENT_TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(new Uint8Array(body), { status: 200, headers: { ...COMMON_HEADERS, 'Content-Type': type } });
}
