/**
 * The rule for a ref a user typed (a branch, a tag, a commit id, `HEAD~2`), shared by the API's
 * schemas and the git layer: it must be something git can only read as a revision, never as an
 * option or as two arguments.
 */

/** Why a ref typed by a user cannot even be looked up, or null when it may be passed to git. */
export function checkRefText(ref: string, what = 'ref'): string | null {
  if (ref.trim() === '') return `The ${what} is empty: name a branch, a tag or a commit.`;
  if (ref.startsWith('-')) return `The ${what} "${ref}" starts with "-", which git would read as an option: name a branch, a tag or a commit.`;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\0-\x1f\x7f]/.test(ref)) return `The ${what} ${JSON.stringify(ref)} contains a control character: name a branch, a tag or a commit.`;
  return null;
}
