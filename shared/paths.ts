/**
 * Checks for every path that comes from a user or a plan file, before it is used anywhere:
 * repository-relative, forward slashes, no `..`, no `.git` in any spelling git or a file system
 * would treat as `.git`, no Windows reserved names.
 */

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;

/** Is this path component a spelling of `.git` (case, trailing dots/spaces, NTFS 8.3 name, HFS ignorables)? */
export function isGitDirName(component: string): boolean {
  // HFS+ ignores these zero-width code points when comparing names.
  const stripped = component.replace(/[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g, '');
  const trimmed = stripped.replace(/[. ]+$/, '').toLowerCase();
  return trimmed === '.git' || /^git~\d+$/.test(trimmed);
}

/** Returns null when the path is a safe repository-relative path, else what is wrong with it. */
export function checkRepoPath(p: string, what = 'path'): string | null {
  if (p.length === 0) return `The ${what} is empty: give a path inside the repository.`;
  const q = quotePath(p);
  if (p.includes('\0')) return `The ${what} ${q} contains a NUL character.`;
  if (p.includes('\\')) return `The ${what} ${q} contains a backslash: write paths with forward slashes.`;
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return `The ${what} ${q} is absolute: give it relative to the repository root.`;
  const parts = p.replace(/\/+$/, '').split('/');
  for (const part of parts) {
    if (part === '') return `The ${what} ${q} has an empty component ("//"): remove the extra slash.`;
    if (part === '.' || part === '..') return `The ${what} ${q} contains "${part}": give a plain path inside the repository.`;
    if (isGitDirName(part)) return `The ${what} ${q} names git's own folder (".git"): that is never part of a plan.`;
    if (WINDOWS_RESERVED.test(part)) return `The ${what} ${q} uses ${quotePath(part)}, a reserved name on Windows: choose another name.`;
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
