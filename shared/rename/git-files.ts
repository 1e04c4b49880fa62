/**
 * The files git reads from the tree whose content git fsck checks: every `.gitmodules` (in any
 * spelling, in any folder: fsck checks each blob it finds under that name) and every
 * `.gitattributes`. A copy that writes one git fsck rejects is refused, so a hosting service
 * that checks pushes never refuses the sprint's commits. The rules are git's own (fsck.c,
 * submodule-config.c, attr.h), restated; the service asks git itself to parse a `.gitmodules`.
 */
import { gitDotfileAt } from '../git-names';
import { quotePath } from '../paths';
import { SYMLINK_MODE, SUBMODULE_MODE, type PreviewFile } from './model';

/** git ignores a `.gitattributes` larger than this, and fsck rejects it. */
export const ATTR_MAX_FILE_SIZE = 100 * 1024 * 1024;
/** git ignores a `.gitattributes` line this long or longer (in bytes), and fsck rejects it. */
export const ATTR_MAX_LINE_LENGTH = 2048;

/** One setting of a config-format file, as `git config --list` prints it (null: a key with no value). */
export interface ConfigEntry {
  key: string;
  value: string | null;
}

export type CheckedGitFile = '.gitmodules' | '.gitattributes';

/** The files the copy writes that git fsck reads the content of: regular files, not links or submodules. */
export function gitReadFiles(files: readonly PreviewFile[]): { file: PreviewFile; kind: CheckedGitFile }[] {
  const out: { file: PreviewFile; kind: CheckedGitFile }[] = [];
  for (const file of files) {
    if (file.mode === SYMLINK_MODE || file.mode === SUBMODULE_MODE) continue;
    const kind = gitDotfileAt(file.to);
    if (kind === '.gitmodules' || kind === '.gitattributes') out.push({ file, kind });
  }
  return out;
}

const urlDecode = (s: string): string => s.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** `./` or `../`, with either slash: git reads backslashes as slashes here on every platform. */
const dotSlash = (s: string): boolean => s[0] === '.' && (s[1] === '/' || s[1] === '\\');
const dotDotSlash = (s: string): boolean => s[0] === '.' && dotSlash(s.slice(1));

/** Why git fsck rejects this submodule url, or null. */
export function submoduleUrlProblem(url: string): string | null {
  if (url.startsWith('-')) return 'starts with "-", which git would read as an option';
  if (dotSlash(url) || dotDotSlash(url) || url.startsWith('git://')) {
    if (urlDecode(url).includes('\n')) return 'holds a newline once decoded';
    let rest = url;
    let ups = 0;
    for (;;) {
      if (dotDotSlash(rest)) {
        ups++;
        rest = rest.slice(3);
      } else if (dotSlash(rest)) {
        rest = rest.slice(2);
      } else break;
    }
    // Climbing above the remote with "../" and going on with ":" or "/" can rewrite its host.
    if (ups > 0 && (rest.startsWith(':') || rest.startsWith('/'))) return 'climbs above the remote with "../" and goes on with ":" or "/", which can change the host it names';
    return null;
  }
  const curl = /^(https?|ftps?)::/.exec(url);
  const target = curl ? url.slice(curl[0].length) : /^(https?|ftps?):\/\//.test(url) ? url : null;
  return target === null ? null : httpUrlProblem(target);
}

/** An http(s) or ftp(s) url must name a host, and no part of it may hold a newline once decoded. */
function httpUrlProblem(url: string): string | null {
  const schemeEnd = url.indexOf('://');
  if (schemeEnd <= 0) return 'is not a url git can read';
  const rest = url.slice(schemeEnd + 3);
  const end = rest.search(/[/?#]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const at = authority.indexOf('@');
  const host = at < 0 ? authority : authority.slice(at + 1);
  if (host === '') return 'names no host';
  if ([url.slice(0, schemeEnd), authority, end < 0 ? '' : rest.slice(end)].some((part) => urlDecode(part).includes('\n'))) {
    return 'holds a newline once decoded';
  }
  return null;
}

/** Why git fsck rejects this submodule name, or null: empty, or climbing out with a ".." component. */
export function submoduleNameProblem(name: string): string | null {
  if (name === '') return 'is empty';
  if (name.split(/[/\\]/).includes('..')) return 'has a ".." component, which would put the submodule\'s repository outside .git/modules';
  return null;
}

/** Why git fsck rejects the settings of a `.gitmodules`, each in words (none: it accepts them). */
export function gitmodulesProblems(entries: readonly ConfigEntry[]): string[] {
  const out = new Set<string>();
  for (const { key, value } of entries) {
    const first = key.indexOf('.');
    const last = key.lastIndexOf('.');
    if (key.slice(0, first) !== 'submodule' || last <= first) continue;
    const name = key.slice(first + 1, last);
    const setting = key.slice(last + 1);
    const nameProblem = submoduleNameProblem(name);
    if (nameProblem) out.add(`the submodule name ${quotePath(name)} ${nameProblem}`);
    if (value === null) continue;
    const urlProblem = setting === 'url' ? submoduleUrlProblem(value) : null;
    if (urlProblem) out.add(`the url ${quotePath(value)} of submodule ${quotePath(name)} ${urlProblem}`);
    if (setting === 'path' && value.startsWith('-')) out.add(`the path ${quotePath(value)} of submodule ${quotePath(name)} starts with "-", which git would read as an option`);
    if (setting === 'update' && value.startsWith('!')) out.add(`submodule ${quotePath(name)} would run a command on update (${quotePath(value)})`);
  }
  return [...out];
}

/** Bytes of the text in UTF-8, the encoding git reads it in. */
function utf8Length(s: string): number {
  let n = 0;
  for (const c of s) {
    const cp = c.codePointAt(0) as number;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Why git fsck rejects a `.gitattributes` of this size and text (null: the text was too large to read), or null. */
export function gitattributesProblem(size: number, text: string | null): string | null {
  if (size > ATTR_MAX_FILE_SIZE || text === null) return `it is ${Math.ceil(size / (1024 * 1024))} MB, over the ${ATTR_MAX_FILE_SIZE / (1024 * 1024)} MB git reads`;
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    // git stops reading at a NUL byte.
    const nul = line.indexOf('\0');
    const length = utf8Length(nul < 0 ? line : line.slice(0, nul));
    if (length >= ATTR_MAX_LINE_LENGTH) return `line ${i + 1} is ${length} bytes long, and git ignores lines of ${ATTR_MAX_LINE_LENGTH} bytes or more`;
    if (nul >= 0) break;
  }
  return null;
}

/** The refusal for a `.gitmodules` or `.gitattributes` the copy would write, naming it. */
export function gitFileRefusal(path: string, kind: CheckedGitFile, reasons: readonly string[]): string {
  return `The copy would write ${quotePath(path)}, which git reads as ${kind}, and git fsck rejects it: ${reasons.join('; ')}. A hosting service that checks pushes would refuse the commit: fix the file in the source first, or choose another destination.`;
}
