/**
 * What in the tree still names a rule's old path: `#include` and `.incbin` lines anywhere,
 * Makefile (Kbuild) lines (`obj-`, `subdir-`, `include`, `-I` flags), Kconfig lines (`source`)
 * and lines of the Documentation folder. A make variable in a path (`$(XENARCH)`, `${ARCH}`)
 * stands for any single folder name, so `include $(srctree)/arch/xen/$(XENARCH)/Makefile` names
 * `arch/xen/i386`. Pure: the caller greps HEAD for the search terms and passes the lines.
 */
import type { ReferenceKind } from './model';

/**
 * The strings that name `oldPath` in a line: the path itself, and for a path under an
 * `include/` folder the part after it, which is how `#include <asm-xen/hypervisor.h>` names
 * `include/asm-xen/hypervisor.h`.
 */
export function referenceTerms(oldPath: string): string[] {
  const terms = [oldPath];
  const at = oldPath.lastIndexOf('include/');
  if (at >= 0 && (at === 0 || oldPath[at - 1] === '/')) {
    const rest = oldPath.slice(at + 'include/'.length);
    if (rest !== '') terms.push(rest);
  }
  return terms;
}

/**
 * What to grep for so that a line naming a term through a make variable is found too: each
 * term, and each of its leading folders followed by the start of a variable (`arch/xen/$(`).
 */
export function referenceSearchTerms(terms: readonly string[]): string[] {
  const out = new Set<string>();
  for (const term of terms) {
    out.add(term);
    const parts = term.split('/');
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      out.add(`${prefix}/$(`);
      out.add(`${prefix}/\${`);
    }
  }
  return [...out];
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Which kind of file this is for references: build files by name, documentation by folder, anything else by its #include and .incbin lines. */
function fileKind(path: string): 'makefile' | 'kconfig' | 'documentation' | 'other' {
  const name = baseName(path);
  if (/^(Makefile|Kbuild|GNUmakefile|makefile)([.-].*)?$/.test(name) || name.endsWith('.mk')) return 'makefile';
  if (/^Kconfig([.-].*)?$/.test(name)) return 'kconfig';
  if (path.startsWith('Documentation/')) return 'documentation';
  return 'other';
}

const INCLUDE = /^\s*#\s*include\s*[<"]([^>"]*)[>"]/;
const INCBIN = /^\s*\.incbin\s+"([^"]*)"/;

const VARIABLE = /^\$[({][A-Za-z0-9_]+[)}]$/;
/** A path-like word of a line: name characters, slashes and make variables. */
const WORD = /(?:\$\([A-Za-z0-9_]+\)|\$\{[A-Za-z0-9_]+\}|[A-Za-z0-9_.+\-/])+/g;

/** Does this word's run of folders, from `at`, spell `term` (a variable past the first folder standing for any one name)? */
function spellsAt(segments: readonly string[], at: number, term: readonly string[]): boolean {
  if (at + term.length > segments.length) return false;
  return term.every((t, i) => {
    const s = segments[at + i] as string;
    // A leading variable is a folder prefix ($(srctree), $(obj)): it names no folder of the term.
    return s === t || (VARIABLE.test(s) && at + i > 0);
  });
}

/** Does `text` name `term` as a whole path (or a path inside it)? `myarch/xen` and `arch/xen2` do not name `arch/xen`. */
export function namesPath(text: string, term: string): boolean {
  const wanted = term.split('/').filter(Boolean);
  for (const match of text.matchAll(WORD)) {
    const word = match[0].replace(/^-I/, '');
    const segments = word.split('/').filter(Boolean);
    for (let at = 0; at < segments.length; at++) if (spellsAt(segments, at, wanted)) return true;
  }
  return false;
}

/** The kind of reference this line of `path` is to one of `terms`, or null when it is none we report. */
export function classifyReference(path: string, text: string, terms: readonly string[]): ReferenceKind | null {
  const include = INCLUDE.exec(text);
  if (include) return terms.some((t) => namesPath(include[1] as string, t)) ? 'include' : null;
  const incbin = INCBIN.exec(text);
  if (incbin) return terms.some((t) => namesPath(incbin[1] as string, t)) ? 'incbin' : null;
  const kind = fileKind(path);
  if (kind === 'other') return null;
  return terms.some((t) => namesPath(text, t)) ? kind : null;
}
