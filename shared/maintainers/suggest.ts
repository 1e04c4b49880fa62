/**
 * Suggestions for the maintainers map (map.ts): which folders a section without F: lines is
 * about, from the words of its title and the names of its lists. A folder is a candidate when
 * its own name is a title word or a run of them ("X86-64" is `x86_64`, `x86-64` or `x8664`);
 * each further folder on its path that is another title word adds to it ("I386 BOOT CODE":
 * `arch/i386/boot` before `arch/i386`), and a list named for it adds a little ("XEN" with
 * xen-devel@). The best score wins; among equals the shallowest folders, at most a few.
 * Suggestions are only that: the team accepts or edits them.
 */
import type { MaintainersSection } from './types';

export interface FolderSuggestion {
  folder: string;
  /** Why, in words: `title "X86-64 PORT" names x86_64`. */
  why: string;
}

/** Words that say what kind of section it is, not which code. */
const NOT_NAMES = new Set([
  'a', 'and', 'api', 'arch', 'architecture', 'code', 'common', 'core', 'device', 'devices', 'driver', 'drivers', 'for', 'framework',
  'general', 'generic', 'in', 'interface', 'layer', 'maintainer', 'maintainers', 'misc', 'of', 'on', 'other', 'port', 'ports',
  'subsystem', 'subsystems', 'support', 'the', 'to', 'tree', 'with',
]);

/** Words of list addresses that are about the list, not the code (`linux-usb-devel@`). */
const LIST_NOISE = new Set(['linux', 'devel', 'dev', 'kernel', 'list', 'lists', 'general', 'discuss', 'users', 'user', 'announce', 'patches']);

const MAX_PER_SECTION = 4;

/** Each folder name a title's words can be written as, with how many title words it stands for. */
function titleNames(title: string): Map<string, number> {
  const words = title.toLowerCase().replace(/\[[^\]]*\]|\([^)]*\)/g, ' ').split(/[^a-z0-9]+/).filter((w) => w !== '');
  const names = new Map<string, number>();
  for (let n = words.length; n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const run = words.slice(i, i + n);
      if (run.every((w) => NOT_NAMES.has(w) || /^\d+$/.test(w))) continue;
      if (n === 1 && (run[0] as string).length < 2) continue;
      for (const joined of new Set([run.join('_'), run.join('-'), run.join('')])) {
        if (!names.has(joined)) names.set(joined, n);
      }
    }
  }
  return names;
}

function listNames(lists: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const list of lists) {
    const local = (list.split('@')[0] ?? '').toLowerCase();
    for (const w of local.split(/[-_.+]+/)) if (w.length >= 2 && !LIST_NOISE.has(w)) names.add(w);
  }
  return names;
}

/** Folders by their own (last) name, lower-cased. */
export function foldersByName(folders: Iterable<string>): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const f of folders) {
    const name = (f.slice(f.lastIndexOf('/') + 1) || f).toLowerCase();
    const list = byName.get(name) ?? [];
    list.push(f);
    byName.set(name, list);
  }
  return byName;
}

/** All folders that hold the paths (each prefix ending before a `/`). */
export function foldersOfPaths(paths: Iterable<string>): Set<string> {
  const dirs = new Set<string>();
  for (const p of paths) for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) dirs.add(p.slice(0, i));
  return dirs;
}

/** The folders a section is most likely about, best first; none when nothing in its title or lists names a folder. */
export function suggestFolders(section: MaintainersSection, byName: ReadonlyMap<string, readonly string[]>): FolderSuggestion[] {
  const names = titleNames(section.title);
  const lists = listNames(section.lists);
  const scored: { folder: string; score: number; depth: number; why: string }[] = [];
  const candidates = new Set<string>();
  for (const name of [...names.keys(), ...lists]) for (const f of byName.get(name) ?? []) candidates.add(f);
  for (const folder of candidates) {
    const parts = folder.toLowerCase().split('/');
    const own = parts.at(-1) as string;
    let score = (names.get(own) ?? 0) * 10;
    const words: string[] = names.has(own) ? [own] : [];
    // Title words on the way down count once each, and only when the folder's own name matched.
    if (score > 0) {
      for (const part of parts.slice(0, -1)) {
        if (names.has(part) && !words.includes(part)) {
          score += (names.get(part) as number) * 10;
          words.push(part);
        }
      }
    }
    const list = parts.find((p) => lists.has(p));
    if (list !== undefined) score += 5;
    const reasons = [words.length > 0 ? `title "${section.title}" names ${words.join(', ')}` : '', list !== undefined ? `list ${section.lists.find((l) => l.toLowerCase().includes(list)) ?? list}` : ''];
    scored.push({ folder, score, depth: parts.length, why: reasons.filter((r) => r !== '').join('; ') });
  }
  if (scored.length === 0) return [];
  const top = Math.max(...scored.map((s) => s.score));
  const best = scored.filter((s) => s.score === top);
  const shallowest = Math.min(...best.map((s) => s.depth));
  return best
    .filter((s) => s.depth === shallowest)
    .sort((a, b) => a.folder.localeCompare(b.folder))
    .slice(0, MAX_PER_SECTION)
    .map(({ folder, why }) => ({ folder, why }));
}
