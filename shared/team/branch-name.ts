/**
 * The rule for the branch a card names: a local branch (`keir/i386-mm`) or a remote-tracking one
 * (`origin/keir/i386-mm`), as the short name git would resolve. On top of the ref rules every
 * typed ref follows (shared/refs.ts), the name must be one `git check-ref-format` accepts, so
 * that the plan never carries a branch nobody can create or fetch.
 */
import { checkRefText } from '../refs';

const ADVICE = 'name a branch such as "keir/i386-mm" or "origin/keir/i386-mm" (letters, digits, "/", "-", "." and "_").';

/** Why `name` cannot be a card's branch, or null when it can. */
export function checkBranchRef(name: string): string | null {
  const typed = checkRefText(name, 'branch');
  if (typed) return typed;
  if (name.length > 250) return `The branch name is ${name.length} characters long: ${ADVICE}`;
  // git-check-ref-format(1): no space, ~ ^ : ? * [ \, no "..", no "@{", not "@" alone, no
  // component starting with "." or ending with ".lock", no "//", not ending with "/" or ".".
  if (/[\s~^:?*[\\]/.test(name)) return `The branch name "${name}" holds a space or one of ~ ^ : ? * [ \\, which git refuses in a ref: ${ADVICE}`;
  if (name.includes('..') || name.includes('@{') || name === '@') return `git refuses "${name}" as a ref name (it holds ".." or "@{", or is "@"): ${ADVICE}`;
  if (name.startsWith('/') || name.endsWith('/') || name.endsWith('.') || name.includes('//')) return `"${name}" has an empty part or ends with "/" or ".": ${ADVICE}`;
  if (name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))) return `A part of "${name}" starts with "." or ends with ".lock", which git refuses: ${ADVICE}`;
  if (/^(refs|heads|tags)\//.test(name) || name === 'HEAD') return `"${name}" is not a short branch name: ${ADVICE}`;
  return null;
}
