/**
 * Subjects and descriptions for proposed patches, in the style upstream kernels use:
 * "xen: i386: add kernel support" from the folder the patch's files share.
 */
import type { ChangeStatus } from './changes';

/** Leading folder names that say where code sits rather than what it is. */
const GENERIC_LEADING = new Set(['arch', 'drivers', 'include', 'src', 'source']);
const MAX_PREFIX_PARTS = 3;

const dirname = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** The deepest folder holding every path ('' for the root). */
export function commonDir(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  let common = dirname(paths[0] as string).split('/').filter(Boolean);
  for (const p of paths.slice(1)) {
    const parts = dirname(p).split('/');
    let n = 0;
    while (n < common.length && parts[n] === common[n]) n++;
    common = common.slice(0, n);
  }
  return common.join('/');
}

/** Folder components that name the subsystem: `arch/xen/i386/kernel` -> xen, i386, kernel. */
function subjectParts(dir: string): string[] {
  const parts = dir.split('/').filter(Boolean);
  while (parts.length > 1 && GENERIC_LEADING.has(parts[0] as string)) parts.shift();
  return parts.slice(0, MAX_PREFIX_PARTS + 1);
}

type Verb = 'add' | 'remove' | 'update';
const verbOf = (statuses: readonly ChangeStatus[]): Verb =>
  statuses.every((s) => s === 'A') ? 'add' : statuses.every((s) => s === 'D') ? 'remove' : 'update';

/**
 * The folder most of the files are in: from their common folder, down into a subfolder for as
 * long as one holds more than half of them.
 */
export function dominantDir(paths: readonly string[]): string {
  let dir = commonDir(paths);
  for (;;) {
    const counts = new Map<string, number>();
    const prefix = dir === '' ? '' : `${dir}/`;
    for (const p of paths) {
      const rest = p.slice(prefix.length);
      if (rest.includes('/')) {
        const sub = prefix + rest.slice(0, rest.indexOf('/'));
        counts.set(sub, (counts.get(sub) ?? 0) + 1);
      }
    }
    const next = [...counts].find(([, n]) => n * 2 > paths.length);
    if (!next) return dir;
    dir = next[0];
  }
}

/** The words of a name that the subject's prefix does not already say ("Xen core" under xen: "core"). */
function objectFromName(name: string, prefix: readonly string[]): string {
  const said = new Set(prefix.map((p) => p.toLowerCase()));
  return name
    .split(/\s+/)
    .filter((w) => w !== '' && !said.has(w.toLowerCase()))
    .join(' ');
}

/** At most this many top-level names in a subject's prefix; more is "treewide". */
const MAX_TOP_LEVEL = 3;

/**
 * The prefix of a patch spread over the top of the tree: its top-level folders and files, the
 * one with most files first ("mm, Makefile: update"), or "treewide" when there are many.
 */
function topLevelPrefix(paths: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const p of paths) {
    const top = p.includes('/') ? p.slice(0, p.indexOf('/')) : p;
    counts.set(top, (counts.get(top) ?? 0) + 1);
  }
  if (counts.size > MAX_TOP_LEVEL) return 'treewide';
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([top]) => top)
    .join(', ');
}

/** A subject line for a patch with these files; `name` (subsystem or folder) fills in what folders do not say. */
export function proposeSubject(files: readonly { path: string; status: ChangeStatus }[], name: string): string {
  const verb = verbOf(files.map((f) => f.status));
  const first = files[0];
  if (files.length === 1 && first) {
    const parts = subjectParts(dirname(first.path));
    const file = basename(first.path);
    return parts.length === 0 ? `${file}: ${verb}` : `${parts.join(': ')}: ${verb} ${file}`;
  }
  const parts = subjectParts(dominantDir(files.map((f) => f.path)));
  // A subsystem's own name says more than folder names; "(root)" and the like name no subsystem.
  if (parts.length === 0 && /^\(.*\)$/.test(name.trim())) return `${topLevelPrefix(files.map((f) => f.path))}: ${verb === 'update' ? 'update' : verb === 'add' ? 'add support' : 'remove files'}`;
  const prefix = parts.length >= 2 ? parts.slice(0, -1) : parts.length === 1 ? parts : [name];
  const object = parts.length >= 2 ? (parts[parts.length - 1] as string) : parts.length === 1 ? objectFromName(name, prefix) : '';
  const phrase =
    verb === 'add' ? (object ? `add ${object} support` : 'add support') : verb === 'remove' ? `remove ${object || 'files'}` : object ? `update ${object}` : 'update';
  return `${prefix.join(': ')}: ${phrase}`;
}

/** A first description: what the patch touches, in numbers, for the author to rewrite. */
export function proposeDescription(files: readonly { path: string; status: ChangeStatus }[], origin: string): string {
  const count = (s: ChangeStatus): number => files.filter((f) => f.status === s).length;
  const dir = commonDir(files.map((f) => f.path));
  const parts = [
    [count('A'), 'added'],
    [count('M') + count('T'), 'changed'],
    [count('D'), 'removed'],
  ].flatMap(([n, what]) => (n ? [`${n} ${what}`] : []));
  const where = dir === '' ? 'across the tree' : `under ${dir}/`;
  return `${origin}: ${files.length} file${files.length === 1 ? '' : 's'} ${where} (${parts.join(', ')}).`;
}
