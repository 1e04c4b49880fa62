/**
 * What a file of a kernel-like tree needs from the rest of the tree, read from its text without
 * a compiler: a Makefile's `obj-`/`subdir-` objects and folders and its `include` lines, a
 * Kconfig's `source` lines, and a C file's `#include "…"` and `<…>`. Each reference lists the
 * paths that would satisfy it (any one is enough); what cannot be known without running make
 * (a name built from a variable other than `$(srctree)`/`$(src)`) is not a reference.
 */

export type ReferenceKind = 'object' | 'folder' | 'make-include' | 'kconfig-source' | 'include';

export interface Reference {
  /** The file whose text holds the reference. */
  from: string;
  /** 1-based line of the reference in that text. */
  line: number;
  kind: ReferenceKind;
  /** What the line names, as people read it: "kernel/", "setup.o", "asm-xen/hypervisor.h". */
  name: string;
  /** Paths from the top of the tree that satisfy the reference; a folder ends with "/". */
  candidates: string[];
}

const dirname = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** The kinds of file whose references are read; every other file needs nothing. */
export function referenceKindOf(path: string): 'make' | 'kconfig' | 'c' | null {
  const name = basename(path);
  if (name === 'Makefile' || name === 'Kbuild' || name.startsWith('Makefile.') || name.endsWith('.mk')) return 'make';
  if (name.startsWith('Kconfig')) return 'kconfig';
  if (/\.(c|h|S)$/.test(name)) return 'c';
  return null;
}

/** `a/b/../c/./d` -> `a/c/d`; null when it climbs above the top of the tree or is empty. */
export function normalizePath(path: string): string | null {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.length === 0 ? null : out.join('/');
}

const join = (dir: string, rel: string): string | null => normalizePath(dir === '' ? rel : `${dir}/${rel}`);

/** A Makefile's logical lines: backslash-newline continuations joined, comments cut, with the first line's number. */
function makeLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let pending: { line: number; text: string } | null = null;
  text.split('\n').forEach((raw, i) => {
    const code = raw.replace(/#.*$/, '');
    const continued = /\\\s*$/.test(code);
    const part = code.replace(/\\\s*$/, ' ');
    pending = pending ? { line: pending.line, text: `${pending.text} ${part}` } : { line: i + 1, text: part };
    if (!continued) {
      out.push(pending);
      pending = null;
    }
  });
  if (pending) out.push(pending);
  return out;
}

/** Resolves `$(srctree)/x` from the top and `$(src)/x` from the Makefile's folder; null for any other variable. */
function makePath(word: string, dir: string, fromTop: boolean): string[] | null {
  const top = /^\$[({]srctree[)}]\/(.*)$/.exec(word);
  if (top) return top[1]!.includes('$') ? null : nonNull([normalizePath(top[1]!)]);
  const here = /^\$[({](src|obj)[)}]\/(.*)$/.exec(word);
  if (here) return here[2]!.includes('$') ? null : nonNull([join(dir, here[2]!)]);
  if (word.includes('$')) return null;
  return nonNull(fromTop ? [normalizePath(word)] : [join(dir, word)]);
}

const nonNull = (xs: (string | null)[]): string[] => xs.filter((x): x is string => x !== null);

const COMPOSITE_LINE = /^\s*([A-Za-z0-9_]+)-(y|objs|\$[({][^)}]*[)}])\s*[:+?]?=(.*)$/;
const OBJECT_LINE = /^\s*(obj|subdir|core|drivers|libs|init|net)-[^\s:+?=]*\s*[:+?]?=(.*)$/;

function makeReferences(path: string, text: string): Reference[] {
  const dir = dirname(path);
  const lines = makeLines(text);
  // `foo-y := a.o b.o` (or foo-objs) makes foo.o from other objects: foo.o has no source of its own.
  const composite = new Set<string>();
  for (const l of lines) {
    const m = COMPOSITE_LINE.exec(l.text);
    if (m && !['obj', 'subdir', 'core', 'drivers', 'libs', 'init', 'net'].includes(m[1]!)) composite.add(m[1]!);
  }
  const refs: Reference[] = [];
  for (const l of lines) {
    // `-include` and `sinclude` may name a file that is absent by design; only `include` must resolve.
    const include = /^\s*include\s+(.*)$/.exec(l.text);
    if (include) {
      for (const word of include[1]!.trim().split(/\s+/).filter(Boolean)) {
        const fromTop = makePath(word, dir, true);
        if (fromTop === null) continue;
        const here = word.startsWith('$') ? [] : nonNull([join(dir, word)]);
        refs.push({ from: path, line: l.line, kind: 'make-include', name: word, candidates: [...new Set([...fromTop, ...here])] });
      }
      continue;
    }
    const parts = COMPOSITE_LINE.exec(l.text);
    if (parts && composite.has(parts[1]!)) {
      // The objects a composite object is linked from each need their own source.
      for (const word of parts[3]!.trim().split(/\s+/).filter((w) => w.endsWith('.o') && !w.includes('$'))) {
        const at = join(dir, word.slice(0, -2));
        if (at) refs.push({ from: path, line: l.line, kind: 'object', name: word, candidates: [`${at}.c`, `${at}.S`, `${at}.s`] });
      }
      continue;
    }
    const obj = OBJECT_LINE.exec(l.text);
    if (!obj) continue;
    // obj- and subdir- name paths from the Makefile's folder; an arch Makefile's core-, drivers- and the like from the top.
    const fromTop = obj[1] !== 'obj' && obj[1] !== 'subdir';
    for (const word of obj[2]!.trim().split(/\s+/).filter(Boolean)) {
      const resolved = makePath(word.replace(/\/$/, ''), dir, fromTop);
      if (resolved === null || resolved.length === 0) continue;
      const at = resolved[0]!;
      if (word.endsWith('/') || obj[1] === 'subdir') {
        refs.push({ from: path, line: l.line, kind: 'folder', name: word.endsWith('/') ? word : `${word}/`, candidates: [`${at}/`] });
      } else if (word.endsWith('.o')) {
        const stem = at.slice(0, -2);
        if (composite.has(basename(stem))) continue;
        refs.push({ from: path, line: l.line, kind: 'object', name: word, candidates: [`${stem}.c`, `${stem}.S`, `${stem}.s`] });
      }
    }
  }
  return refs;
}

function kconfigReferences(path: string, text: string): Reference[] {
  const dir = dirname(path);
  const refs: Reference[] = [];
  text.split('\n').forEach((raw, i) => {
    const m = /^\s*(source|rsource|osource|orsource)\s+"?([^"\s]+)"?/.exec(raw);
    // An optional source (osource) may be absent by design; a name with a variable needs the kernel's environment.
    if (!m || m[1]!.startsWith('o') || m[2]!.includes('$')) return;
    const at = m[1] === 'rsource' ? join(dir, m[2]!) : normalizePath(m[2]!);
    if (at) refs.push({ from: path, line: i + 1, kind: 'kconfig-source', name: m[2]!, candidates: [at] });
  });
  return refs;
}

/** The `include/` folder a C file's angle includes look in: the top's, and its architecture's own. */
function includeRoots(path: string): string[] {
  const arch = /^arch\/([^/]+)\//.exec(path);
  return arch ? ['include', `arch/${arch[1]}/include`] : ['include'];
}

function cReferences(path: string, text: string): Reference[] {
  const dir = dirname(path);
  const refs: Reference[] = [];
  text.split('\n').forEach((raw, i) => {
    const m = /^\s*#\s*include\s*(["<])([^">]+)[">]/.exec(raw);
    if (!m) return;
    const name = m[2]!.trim();
    const roots = includeRoots(path).map((r) => join(r, name));
    const candidates = nonNull(m[1] === '"' ? [join(dir, name), ...roots] : roots);
    if (candidates.length > 0) refs.push({ from: path, line: i + 1, kind: 'include', name, candidates: [...new Set(candidates)] });
  });
  return refs;
}

/** Every reference in `text`, the content of the file at `path`. */
export function referencesOf(path: string, text: string): Reference[] {
  switch (referenceKindOf(path)) {
    case 'make':
      return makeReferences(path, text);
    case 'kconfig':
      return kconfigReferences(path, text);
    case 'c':
      return cReferences(path, text);
    default:
      return [];
  }
}
