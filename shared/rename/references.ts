/**
 * What in the tree still names a rule's old path: `#include` lines, Makefile (Kbuild) lines
 * and Kconfig lines. Pure: the caller greps HEAD for the search terms and passes the lines.
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

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Which kind of file this is for references: build files by name, anything else by its #include lines. */
function fileKind(path: string): 'makefile' | 'kconfig' | 'other' {
  const name = baseName(path);
  if (/^(Makefile|Kbuild|GNUmakefile|makefile)([.-].*)?$/.test(name) || name.endsWith('.mk')) return 'makefile';
  if (/^Kconfig([.-].*)?$/.test(name)) return 'kconfig';
  return 'other';
}

const INCLUDE = /^\s*#\s*include\s*[<"]([^>"]*)[>"]/;
/**
 * A name character: a match preceded or followed by one is part of a longer name (`myarch/xen`,
 * `arch/xen2`). A slash before is fine (`$(srctree)/arch/xen`), and after (a path inside).
 */
const PATH_CHAR = /[A-Za-z0-9_.+-]/;

/** Does `text` name `term` as a whole path (or a path inside it)? */
export function namesPath(text: string, term: string): boolean {
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    const before = text[at - 1] ?? '';
    const after = text[at + term.length] ?? '';
    if (!PATH_CHAR.test(before) && !PATH_CHAR.test(after)) return true;
  }
  return false;
}

/** The kind of reference this line of `path` is to one of `terms`, or null when it is none we report. */
export function classifyReference(path: string, text: string, terms: readonly string[]): ReferenceKind | null {
  const include = INCLUDE.exec(text);
  if (include) {
    const target = include[1] as string;
    return terms.some((t) => namesPath(target, t)) ? 'include' : null;
  }
  const kind = fileKind(path);
  if (kind === 'other') return null;
  return terms.some((t) => namesPath(text, t)) ? kind : null;
}
