/**
 * Checks for every path that comes from a user or a plan file, before it is used anywhere:
 * repository-relative, forward slashes, no `..`, no `.git` in any spelling git or a file system
 * would treat as `.git` (see git-names.ts). Names only Windows cannot check out are legal in git
 * (Linux has `aux.c`): they are warned about, never refused.
 */
import { isGitDirName } from './git-names';

export { isGitDirName };

/** Device names Windows reserves, with any extension, trailing spaces or stream name after them. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$) *(\.|:|$)/i;
/** Characters Windows refuses in a name (besides control characters). */
const WINDOWS_REFUSED = new Set([':', '<', '>', '"', '|', '?', '*', '\\']);

const describeChar = (c: string): string =>
  c.charCodeAt(0) < 0x20 ? `a control character (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})` : `"${c}"`;

/** Why Windows cannot check out a file or folder of this name, or null when it can. */
export function windowsOnlyReason(component: string): string | null {
  const reserved = WINDOWS_RESERVED.exec(component);
  if (reserved) return `${quotePath(component)} is ${(reserved[1] as string).toUpperCase()}, a device name Windows reserves`;
  for (const c of component) {
    if (c.charCodeAt(0) < 0x20 || WINDOWS_REFUSED.has(c)) return `${quotePath(component)} holds ${describeChar(c)}, which Windows refuses in a name`;
  }
  if (/[. ]$/.test(component) && component !== '.' && component !== '..') {
    return `${quotePath(component)} ends with a ${component.endsWith('.') ? 'dot' : 'space'}, which Windows drops`;
  }
  return null;
}

/** A warning in words when some component of the path cannot be checked out on Windows, else null. */
export function windowsOnlyNameWarning(p: string): string | null {
  for (const part of p.split('/')) {
    const why = windowsOnlyReason(part);
    if (why) return `The path ${quotePath(p)} cannot be checked out on Windows: ${why}. git, Linux and macOS accept it.`;
  }
  return null;
}

/** Returns null when the path is a safe repository-relative path, else what is wrong with it. */
export function checkRepoPath(p: string, what = 'path'): string | null {
  if (p.length === 0) return `The ${what} is empty: give a path inside the repository.`;
  const q = quotePath(p);
  if (p.includes('\0')) return `The ${what} ${q} contains a NUL character.`;
  if (p.includes('\\')) return `The ${what} ${q} contains a backslash: write paths with forward slashes.`;
  // A drive letter and a slash is a Windows absolute path typed by mistake; `a:b` is a name.
  if (p.startsWith('/') || /^[A-Za-z]:(\/|$)/.test(p)) return `The ${what} ${q} is absolute: give it relative to the repository root.`;
  const parts = p.replace(/\/+$/, '').split('/');
  for (const part of parts) {
    if (part === '') return `The ${what} ${q} has an empty component ("//"): remove the extra slash.`;
    if (part === '.' || part === '..') return `The ${what} ${q} contains "${part}": give a plain path inside the repository.`;
    if (isGitDirName(part)) {
      return `The ${what} ${q} uses ${quotePath(part)}, which git, Windows or macOS read as git's own folder (".git"): that is never part of a plan; choose another name.`;
    }
  }
  if (p.startsWith('-')) return `The ${what} ${q} starts with "-", which git would read as an option: choose another path.`;
  return null;
}

/** A path in double quotes for a message, with newlines and other control characters escaped so a message stays one line. */
export const quotePath = (p: string): string => JSON.stringify(p);

/** Normalises a checked folder path: no trailing slash. */
export const normaliseDir = (p: string): string => p.replace(/\/+$/, '');

/** Is `path` equal to `dir` or inside it? */
export const isUnder = (path: string, dir: string): boolean => dir === '' || path === dir || path.startsWith(`${dir}/`);

/** A key under which two paths collide on a case-insensitive, normalising file system (macOS, Windows). */
export const foldKey = (p: string): string => p.normalize('NFC').toLowerCase();

/** Do the two paths name the same file or folder, or is one inside the other? */
export const pathsOverlap = (a: string, b: string): boolean => isUnder(a, b) || isUnder(b, a);

/** The folders on the way to `p`, outermost first: `a/b/c` -> `a`, `a/b`. */
export function parentPaths(p: string): string[] {
  const out: string[] = [];
  for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) out.push(p.slice(0, i));
  return out;
}

/** `path` (equal to `from` or inside it) moved under `to`: `rebasePath('a/x/f', 'a/x', 'b')` = `b/f`. */
export const rebasePath = (path: string, from: string, to: string): string => to + path.slice(from.length);
