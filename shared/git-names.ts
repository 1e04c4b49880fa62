/**
 * The spellings under which a file system hands git one of its own names: `.git` itself, and the
 * files git reads from the tree (`.gitmodules`, `.gitattributes`, `.gitignore`, `.mailmap`).
 * git refuses or inspects the same spellings (`core.protectNTFS`, `core.protectHFS`, `git fsck`):
 *
 * - NTFS drops trailing dots and spaces, reads `name:stream` as a stream of `name`, and gives
 *   long names an 8.3 short name: the first six letters and `~1`..`~4`, or, past four, two
 *   letters, a hash of the name and `~N` (git names the hash prefix of each file it protects).
 * - HFS+ ignores a set of zero-width and direction code points anywhere in a name, and folds
 *   letter case.
 * - Windows also reads a backslash as a folder separator, so each backslash-separated piece of a
 *   name counts on its own.
 *
 * Names are compared per path component, as git does: a component is the text between slashes.
 */

/** Code points HFS+ ignores when it compares names. */
const HFS_IGNORABLE = /[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g;

export type GitDotfile = '.gitmodules' | '.gitattributes' | '.gitignore' | '.mailmap';

/** Each file git reads from the tree, with the prefix of its hashed NTFS short name. */
const DOTFILES: readonly { file: GitDotfile; hashedShortName: string }[] = [
  { file: '.gitmodules', hashedShortName: 'gi7eba' },
  { file: '.gitattributes', hashedShortName: 'gi7d29' },
  { file: '.gitignore', hashedShortName: 'gi250a' },
  { file: '.mailmap', hashedShortName: 'maba30' },
];

/** Lower-cases ASCII letters only: the names git protects are ASCII, so other letters never match them. */
const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** What NTFS ignores after a name: dots and spaces to the end, or up to a `:` that starts a stream name. */
const ntfsIgnoredTail = (rest: string): boolean => /^[. ]*(:|$)/.test(rest);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * The hashed 8.3 form: up to six letters of `prefix`, then `~` and a number starting 1-9 that
 * fills the name to eight characters (`GI7EBA~1`, `GI7EB~12`, `GI7E~123`).
 */
function isHashedShortName(piece: string, prefix: string): boolean {
  if (piece.length < 8) return false;
  let sawTilde = false;
  for (let i = 0; i < 8; i++) {
    const c = piece[i] as string;
    if (sawTilde) {
      if (!isDigit(c)) return false;
    } else if (c === '~') {
      i++;
      const first = piece[i];
      if (first === undefined || first < '1' || first > '9') return false;
      sawTilde = true;
    } else if (i >= 6 || asciiLower(c) !== prefix[i]) {
      return false;
    }
  }
  return ntfsIgnoredTail(piece.slice(8));
}

/** Does NTFS read `piece` as `.` + `bare` (`.gitmodules . ::$DATA`, `GITMOD~1`, `GI7EBA~1`)? */
function ntfsNames(piece: string, bare: string, hashedShortName: string): boolean {
  if (piece.startsWith('.') && asciiLower(piece.slice(1, 1 + bare.length)) === bare && ntfsIgnoredTail(piece.slice(1 + bare.length))) return true;
  const tilde = piece[7];
  if (asciiLower(piece.slice(0, 6)) === bare.slice(0, 6) && piece[6] === '~' && tilde !== undefined && tilde >= '1' && tilde <= '4' && ntfsIgnoredTail(piece.slice(8))) {
    return true;
  }
  return isHashedShortName(piece, hashedShortName);
}

/** Does HFS+ read `piece` as `.` + `bare`: once its ignorable code points are dropped, the same name in any letter case? */
const hfsNames = (piece: string, bare: string): boolean => asciiLower(piece.replace(HFS_IGNORABLE, '')) === `.${bare}`;

/**
 * Is this path component a spelling of `.git`? On top of git's own rules, HFS+ ignorables are
 * also dropped before the NTFS rules are applied, and every `git~N` counts (not only `git~1`,
 * which `.git` gets when it is the folder's first long name): refusing a few more names than git
 * does costs nothing, letting one through could hand a clone's hooks to the tree.
 */
export function isGitDirName(component: string): boolean {
  return component.split('\\').some((piece) => /^(\.git|git~\d+)[. ]*(:|$)/.test(asciiLower(piece.replace(HFS_IGNORABLE, ''))));
}

/** Which of the files git reads from the tree this path component is a spelling of, if any. */
export function gitDotfileOf(component: string): GitDotfile | null {
  for (const piece of component.split('\\')) {
    for (const { file, hashedShortName } of DOTFILES) {
      const bare = file.slice(1);
      if (hfsNames(piece, bare) || ntfsNames(piece, bare, hashedShortName)) return file;
    }
  }
  return null;
}

/** Which of the files git reads from the tree a path names, by its last component. */
export const gitDotfileAt = (path: string): GitDotfile | null => gitDotfileOf(path.slice(path.lastIndexOf('/') + 1));
