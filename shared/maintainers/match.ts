/**
 * Which MAINTAINERS sections a path belongs to, following scripts/get_maintainer.pl
 * (its MAINTAINERS reader and `file_match_pattern`):
 *
 * 1. In F: and X: patterns `*` matches any run of characters and `?` one character; every other
 *    character is literal. (get_maintainer.pl rewrites `.` to `\.`, `*` to `.*`, `?` to `.` and
 *    hands the rest to Perl's regex engine unescaped; here the rest is literal.)
 * 2. A pattern that names a directory of the tree but lacks the trailing `/` gets one (the
 *    script asks the file system with `-d`; here a directory is a folder some known path is in).
 * 3. A pattern ending in `/` matches every path that starts with it: the directory and all below.
 *    `F: drivers/net/` = all files in and below drivers/net.
 * 4. Any other pattern matches a path that starts with it and has as many `/` as the pattern,
 *    so a wildcard stays within one level: `F: drivers/net/*` = the files directly in
 *    drivers/net, not below; star, `/net/`, star = the files in "any top-level directory"/net.
 *    It is a prefix match, as in the script: `include/linux/mm.h` also matches
 *    `include/linux/mm.hh`.
 * 5. X: patterns follow the same rules and are tested first: a path that matches a section's X:
 *    is not in that section, whatever its F: lines say (`F: net/` with `X: net/ipv6/` = all of
 *    net except net/ipv6).
 * 6. When several sections match, the most specific wins, by the script's pattern depth: the
 *    number of `/` in the pattern, plus one when it does not end in `/`, and -1 for a pattern
 *    that starts with `*`. Deeper first; ties go to the longer pattern, then the earlier section.
 * 7. An N: line is a regular expression the whole path is searched with (Perl's `m/$value/x`:
 *    white space in it is not part of it); a section it matches gets depth 0, as in the script,
 *    unless one of its F: patterns matched too.
 */
import type { Subsystem } from '../model';
import { uniqueSlug } from '../plan/ids';
import type { MaintainersSection } from './types';

interface CompiledPattern {
  /** The pattern after rule 2 (a trailing `/` added for a known directory). */
  effective: string;
  regex: RegExp;
  recursive: boolean;
  slashes: number;
  depth: number;
  /**
   * Folder names every match has among its folders: the wildcard-free components the pattern
   * closes with a `/` (none for `*` or `Makefile`).
   */
  folders: string[];
}

const hasWildcard = (s: string): boolean => /[*?]/.test(s);
const slashCount = (s: string): number => s.split('/').length - 1;

function compile(pattern: string, isDirectory?: (dir: string) => boolean): CompiledPattern {
  const effective = !pattern.endsWith('/') && !hasWildcard(pattern) && isDirectory?.(pattern) ? `${pattern}/` : pattern;
  const source = [...effective].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  const recursive = effective.endsWith('/');
  // Every part but the last is followed by `/`; the first also starts the path. A wildcard-free
  // one among them is matched as a whole folder name of the path (the regex has `/name/` or
  // `^name/`); the last part is a file-name prefix, or '' after a trailing `/`.
  const folders = effective.split('/').slice(0, -1).filter((part) => part !== '' && !hasWildcard(part));
  let depth = slashCount(effective) + (recursive ? 0 : 1);
  if (effective.startsWith('*')) depth = -1;
  return { effective, regex: new RegExp(`^${source}`, 's'), recursive, slashes: slashCount(effective), depth, folders };
}

const test = (c: CompiledPattern, path: string): boolean => c.regex.test(path) && (c.recursive || slashCount(path) === c.slashes);

/**
 * Does `path` match the F:/X: `pattern`? `isDirectory` says which paths are directories of the
 * tree (rule 2); without it, a pattern without a trailing `/` is never taken as a directory.
 */
export function matchesPattern(path: string, pattern: string, isDirectory?: (dir: string) => boolean): boolean {
  return test(compile(pattern, isDirectory), path);
}

/** get_maintainer.pl's pattern depth (rule 6) of a pattern as written (after rule 2). */
export function patternDepth(pattern: string, isDirectory?: (dir: string) => boolean): number {
  return compile(pattern, isDirectory).depth;
}

interface IndexedPattern {
  section: number;
  pattern: string;
  compiled: CompiledPattern;
}

export interface MaintainersIndex {
  sections: MaintainersSection[];
  /** F: patterns by a folder name their matches must have, so a path is tested only against patterns that can match it. */
  byFolder: Map<string, IndexedPattern[]>;
  excludes: CompiledPattern[][];
  /** N: expressions, by section (rule 7). */
  regexes: { section: number; source: string; regex: RegExp }[];
}

export interface SectionMatch {
  section: MaintainersSection;
  /** The section's most specific F: pattern that matched (or `N: regex`), and its depth. */
  pattern: string;
  depth: number;
}

/** All folders the paths are in (for rule 2), and how many paths have each folder name. */
function foldersOf(paths: string[]): { dirs: Set<string>; nameCounts: Map<string, number> } {
  const dirs = new Set<string>();
  const nameCounts = new Map<string, number>();
  for (const p of paths) {
    for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) dirs.add(p.slice(0, i));
    for (const name of new Set(p.split('/').slice(0, -1))) nameCounts.set(name, (nameCounts.get(name) ?? 0) + 1);
  }
  return { dirs, nameCounts };
}

/** Compiles the sections' patterns once, against the tree's folders (taken from `paths`). */
export function indexMaintainers(sections: MaintainersSection[], paths: string[]): MaintainersIndex {
  const { dirs, nameCounts } = foldersOf(paths);
  const isDirectory = (d: string): boolean => dirs.has(d);
  const byFolder = new Map<string, IndexedPattern[]>();
  sections.forEach((s, section) => {
    for (const pattern of s.files) {
      const compiled = compile(pattern, isDirectory);
      // File the pattern under its rarest folder name in this tree: the fewest paths test it.
      const rarest = compiled.folders.reduce<string | null>((best, name) => (best === null || (nameCounts.get(name) ?? 0) < (nameCounts.get(best) ?? 0) ? name : best), null);
      const key = rarest ?? '';
      const bucket = byFolder.get(key) ?? [];
      bucket.push({ section, pattern, compiled });
      byFolder.set(key, bucket);
    }
  });
  return { sections, byFolder, excludes: sections.map((s) => s.excludes.map((x) => compile(x, isDirectory))), regexes: compileRegexes(sections) };
}

/** Perl's `/x` drops unescaped white space from a pattern; the parser already refused those that do not compile. */
function compileRegexes(sections: MaintainersSection[]): MaintainersIndex['regexes'] {
  return sections.flatMap((s, section) =>
    s.regexes.flatMap((source) => {
      try {
        return [{ section, source, regex: new RegExp(source.replace(/\\\s|\s+/g, (m) => (m.startsWith('\\') ? m : ''))) }];
      } catch {
        return [];
      }
    }),
  );
}

/** The sections whose F: match `path` and whose X: do not, most specific first (rule 6). */
export function sectionsForPath(index: MaintainersIndex, path: string): SectionMatch[] {
  const best = new Map<number, { pattern: string; depth: number; length: number }>();
  const folders = new Set(['', ...path.split('/').slice(0, -1)]);
  for (const folder of folders) {
    for (const candidate of index.byFolder.get(folder) ?? []) {
      if (!test(candidate.compiled, path)) continue;
      const { depth } = candidate.compiled;
      const length = candidate.pattern.length;
      const prior = best.get(candidate.section);
      if (!prior || depth > prior.depth || (depth === prior.depth && length > prior.length)) {
        best.set(candidate.section, { pattern: candidate.pattern, depth, length });
      }
    }
  }
  for (const r of index.regexes) {
    if (!best.has(r.section) && r.regex.test(path)) best.set(r.section, { pattern: `N: ${r.source}`, depth: 0, length: 0 });
  }
  const matches: (SectionMatch & { order: number; length: number })[] = [];
  for (const [section, m] of best) {
    if ((index.excludes[section] ?? []).some((x) => test(x, path))) continue;
    matches.push({ section: index.sections[section] as MaintainersSection, pattern: m.pattern, depth: m.depth, order: section, length: m.length });
  }
  matches.sort((a, b) => b.depth - a.depth || b.length - a.length || a.order - b.order);
  return matches.map(({ section, pattern, depth }) => ({ section, pattern, depth }));
}

export interface MaintainersSubsystems {
  /** One subsystem per section that got at least one path, in MAINTAINERS order. */
  subsystems: Subsystem[];
  /** Paths no section's F: patterns match (or only sections that exclude them). */
  unmatched: string[];
}

/**
 * Subsystems from MAINTAINERS sections: each path goes to its most specific section, so every
 * path is in at most one subsystem; paths in none are returned in `unmatched`.
 */
export function subsystemsFromMaintainers(sections: MaintainersSection[], paths: string[]): MaintainersSubsystems {
  const index = indexMaintainers(sections, paths);
  const filesOf = new Map<number, string[]>();
  const unmatched: string[] = [];
  const position = new Map(sections.map((s, i) => [s, i]));
  for (const path of [...new Set(paths)].sort()) {
    const top = sectionsForPath(index, path)[0];
    if (!top) {
      unmatched.push(path);
      continue;
    }
    const i = position.get(top.section) as number;
    const list = filesOf.get(i) ?? [];
    list.push(path);
    filesOf.set(i, list);
  }
  const ids = new Set<string>();
  const names = new Map<string, number>();
  const subsystems: Subsystem[] = [];
  sections.forEach((s, i) => {
    const files = filesOf.get(i);
    if (!files) return;
    const key = s.title.toLowerCase();
    const seen = (names.get(key) ?? 0) + 1;
    names.set(key, seen);
    const name = seen === 1 ? s.title : `${s.title} (${seen})`;
    subsystems.push({
      id: uniqueSlug(name, ids),
      name,
      files,
      source: { kind: 'maintainers', include: [...s.files], exclude: [...s.excludes] },
      owner: null,
      state: 'Backlog',
      blocked: null,
    });
  });
  return { subsystems, unmatched };
}
