/**
 * "Switch references": rewriting a line that names a rule's old path so that it names the new
 * one. Only what is spelt out can be rewritten: `obj-y += arch/xen/i386/` becomes
 * `obj-y += arch/i386/xen/`, but `include $(srctree)/arch/xen/$(XENARCH)/Makefile` names the old
 * folder through a make variable, and no single text stands for every value the variable takes;
 * such a line is left for the user, never rewritten wrongly. Pure: the core reads the files and
 * hands over their lines (as latin1 strings, so that any byte survives the round trip).
 */
import { namesPath, referenceTerms } from './references';
import type { ReferenceKind } from './model';

/** One spelling of the old path and the new path's spelling of it (null: the new path has none, as a folder not under `include/`). */
export interface SwitchTerm {
  old: string;
  new: string | null;
}

/** The old path's spellings (the path, and the part after `include/`), longest first, each with the new path's. */
export function switchTerms(from: string, to: string): SwitchTerm[] {
  const olds = referenceTerms(from);
  const news = referenceTerms(to);
  const terms = olds.map((old, i) => ({ old, new: i === 0 ? to : (news[1] ?? null) }));
  return terms.sort((a, b) => b.old.length - a.old.length);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The term spelt out as a whole run of folders: not inside a longer name (the name characters of
 * shared/rename/references.ts's words around it), and `-Iarch/...` counts.
 */
const literal = (term: string): RegExp => new RegExp(`(?<=^|[^A-Za-z0-9_.+\\-]|-I)${escape(term)}(?=$|[^A-Za-z0-9_.+\\-])`, 'g');

/** Does the line name `term` with a make variable standing for one of its folders? */
export function namesThroughVariable(text: string, term: string): boolean {
  // What is left once every spelt-out occurrence is blanked: if it still names the term, a variable does.
  const blanked = text.replace(literal(term), (m) => ' '.repeat(m.length));
  return namesPath(blanked, term);
}

export type LineSwitch =
  | { kind: 'switched'; text: string }
  /** The line names the old path in a way that cannot be rewritten mechanically; `why` says how. */
  | { kind: 'left'; why: string }
  /** Nothing to rewrite: the line names the new path already. */
  | { kind: 'unchanged' };

export const THROUGH_VARIABLE = 'it names the old path through a make variable, which stands for more than one folder: rewrite it by hand';
const NO_INCLUDE_FORM = (old: string, to: string): string =>
  `it names the old path as <${old}/...>, and the new path ${JSON.stringify(to)} is not under an include/ folder: rewrite it by hand`;

/** The line rewritten to name the new path; `to` is the rule's destination (for the words). */
export function switchLine(text: string, terms: readonly SwitchTerm[], to: string): LineSwitch {
  // Longest first, each spelling blanked once looked at, so `asm-xen` inside `include/asm-xen` is the longer one's.
  let rest = text;
  for (const t of terms) {
    if (namesThroughVariable(rest, t.old)) return { kind: 'left', why: THROUGH_VARIABLE };
    if (t.new === null && literal(t.old).test(rest)) return { kind: 'left', why: NO_INCLUDE_FORM(t.old, to) };
    rest = rest.replace(literal(t.old), (m) => ' '.repeat(m.length));
  }
  let out = text;
  for (const t of terms) {
    // A spelling the new path lacks was found above not to occur outside a longer one.
    if (t.new === null) continue;
    const replacement = t.new;
    // A new path under the old one (arch/xen -> arch/xen/core) is spelt out already where it appears: not rewritten twice.
    const suffix = replacement.startsWith(`${t.old}/`) ? replacement.slice(t.old.length) : null;
    out = out.replace(literal(t.old), (match, offset: number, whole: string) => (suffix !== null && whole.startsWith(suffix, offset + match.length) ? match : replacement));
  }
  return out === text ? { kind: 'unchanged' } : { kind: 'switched', text: out };
}

/** A line the switch rewrites, as it reads before and after. */
export interface SwitchedLine {
  ruleId: string;
  path: string;
  line: number;
  kind: ReferenceKind;
  before: string;
  after: string;
}

/** A line that names the old path but is not rewritten, and why. */
export interface LeftLine {
  ruleId: string;
  path: string;
  line: number;
  kind: ReferenceKind;
  text: string;
  why: string;
}

/** A rule whose lines are not switched because its old path is still built (an interim copy), unless asked. */
export interface KeptRule {
  ruleId: string;
  from: string;
  to: string;
  why: string;
}

export interface RefsSwitch {
  /** The rules whose lines are switched. */
  ruleIds: string[];
  kept: KeptRule[];
  lines: SwitchedLine[];
  left: LeftLine[];
  /** `git diff` of the branch's tree against the switched one. */
  diff: string;
  truncated: boolean;
  /** The commit on the branch; null for a preview, or when there was nothing to switch. */
  commit: string | null;
}

export const KEPT_COPY = 'it is an interim copy, so the old layout still builds from these lines; switch them too only once the old layout need not build (--include-copied, or the box in the Rename view)';
