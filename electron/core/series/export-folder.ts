/**
 * The folder an export writes, and the only files an export ever removes.
 *
 * The folder is resolved (realpath, of its nearest existing parent when it is new) before any
 * check, so a symbolic link cannot lead an export into a repository. It may not be the root,
 * the home folder, inside any git work tree or git folder, or hold anything an export did not
 * write. An export leaves a marker naming its files; replacing an export removes exactly those
 * (and only names git format-patch gives), after the new export is complete beside it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/result';
import { plural } from '../../../shared/words';
import { enclosingRepository } from '../git/enclosing-repository';

export const EXPORT_MARKER = '.merge-sprint-export';
/** The names git format-patch gives: 0000-cover-letter.patch, 0001-subject.patch, … */
export const PATCH_FILE = /^\d{4}-[^/\\]*\.patch$/;
const WRITER = 'merge-sprint series export';

const markerSchema = z.object({
  writtenBy: z.literal(WRITER),
  at: z.string(),
  version: z.number().int().positive(),
  files: z.array(z.string().regex(PATCH_FILE)),
});
export type ExportMarker = z.infer<typeof markerSchema>;

export const exportMarker = (version: number, files: string[], at: Date): ExportMarker => ({ writtenBy: WRITER, at: at.toISOString(), version, files });

export interface ExportFolder {
  /** The folder's real path (symbolic links resolved). */
  dir: string;
  /** It exists already: empty, or holding the previous export named by `previous`. */
  exists: boolean;
  /** The files of the previous export that this one replaces. */
  previous: string[];
}

const inside = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const listed = (names: string[]): string =>
  names.slice(0, 3).map((n) => JSON.stringify(n)).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');

/** The real path of `dir`: of the folder, or of its nearest existing parent with the rest appended. */
function resolveFolder(dir: string): Result<{ real: string; nearest: string; exists: boolean }> {
  let nearest = dir;
  const rest: string[] = [];
  for (;;) {
    try {
      lstatSync(nearest);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = path.dirname(nearest);
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === nearest) return fail('bad-input', `The export folder "${dir}" cannot be read (${errorText(error)}).`);
      rest.unshift(path.basename(nearest));
      nearest = parent;
    }
  }
  if (rest.some((part) => part === '..' || part === '.')) return fail('bad-input', `The export folder "${dir}" goes through a folder that does not exist with "..": name it without "..".`);
  let real: string;
  try {
    real = realpathSync(nearest);
  } catch (error) {
    return fail('bad-input', `"${nearest}" is a symbolic link to nothing, or cannot be read (${errorText(error)}): choose another export folder.`);
  }
  if (rest.length > 0 && !statSync(real).isDirectory()) return fail('bad-input', `"${real}" is a file, so the export folder "${dir}" cannot be made inside it.`);
  return ok({ real: path.join(real, ...rest), nearest: real, exists: rest.length === 0 });
}

/** The git work tree holding `folder` by a `.git` entry in it or a parent (even where git would not look, across file systems). */
function dotGitAbove(folder: string): string | null {
  for (let at = folder; ; at = path.dirname(at)) {
    try {
      lstatSync(path.join(at, '.git'));
      return at;
    } catch {
      // none here: look one folder up
    }
    if (path.dirname(at) === at) return null;
  }
}

function readMarker(dir: string): ExportMarker | null {
  const file = path.join(dir, EXPORT_MARKER);
  try {
    if (!lstatSync(file).isFile()) return null;
    const parsed = markerSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Entries of `dir` that are not the marker nor a plain file the marker names with a patch file's name. */
function strangers(dir: string, entries: string[], marker: ExportMarker): string[] {
  const own = new Set(marker.files);
  return entries.filter((name) => {
    if (name === EXPORT_MARKER) return false;
    if (!own.has(name) || !PATCH_FILE.test(name)) return true;
    return !lstatSync(path.join(dir, name)).isFile();
  });
}

/** Checks the folder an export would write, before anything is written. */
export async function checkExportFolder(repo: string, dir: string, replace: boolean): Promise<Result<ExportFolder>> {
  if (!path.isAbsolute(dir)) return fail('bad-input', `The export folder "${dir}" is relative: give an absolute path.`);
  const resolved = resolveFolder(dir);
  if (!resolved.ok) return resolved;
  const { real, nearest, exists } = resolved.value;
  const shown = real === dir ? `"${real}"` : `"${dir}" (which is ${real})`;
  const example = path.join(path.dirname(repo), `${path.basename(repo)}-series`);
  if (path.parse(real).root === real) return fail('bad-input', `The export folder ${shown} is the root of the file system: choose a new folder of its own, for example ${example}.`);
  let home: string | null = null;
  try {
    home = realpathSync(homedir());
  } catch {
    // no home folder to protect
  }
  if (real === home) return fail('bad-input', `The export folder ${shown} is your home folder: choose a new folder of its own, for example ${path.join(real, 'series')}.`);
  if (inside(repo, real)) return fail('bad-input', `The export folder ${shown} holds the repository itself: choose a folder outside it, for example ${example}.`);
  if (real.split(path.sep).some((part) => part.toLowerCase() === '.git')) return fail('bad-input', `The export folder ${shown} is inside a git folder: choose a folder outside any repository, for example ${example}.`);
  const enclosing = await enclosingRepository(nearest);
  if (enclosing.kind === 'git-dir') return fail('bad-input', `The export folder ${shown} is inside a git repository's own folder: choose a folder outside any repository, for example ${example}.`);
  const top = enclosing.kind === 'work-tree' ? enclosing.top : dotGitAbove(nearest);
  if (top !== null) return fail('bad-input', `The export folder ${shown} is inside the git work tree ${top}: patch files there would mix with its files; choose a folder outside any repository, for example ${example}.`);
  if (enclosing.kind === 'unknown') return fail('bad-input', `git cannot tell whether the export folder ${shown} is inside a repository (${enclosing.reason}): choose another folder.`);
  if (!exists) return ok({ dir: real, exists: false, previous: [] });
  if (!statSync(real).isDirectory()) return fail('bad-input', `${shown} is a file, not a folder: choose a folder for the patches.`);
  const entries = readdirSync(real);
  if (entries.length === 0) return ok({ dir: real, exists: true, previous: [] });
  const marker = readMarker(real);
  if (marker === null) {
    return fail('bad-input', `The folder ${shown} holds ${plural(entries.length, 'file')} that no export wrote (${listed(entries)}): choose a new or empty folder; an export only ever replaces an earlier export.`);
  }
  const strays = strangers(real, entries, marker);
  if (strays.length > 0) {
    return fail('bad-input', `The folder ${shown} holds export v${marker.version} and also ${listed(strays)}, which no export wrote: move ${strays.length === 1 ? 'it' : 'them'} out of the folder first, or choose a new folder (an export never removes what it did not write).`);
  }
  const previous = entries.filter((name) => name !== EXPORT_MARKER);
  if (!replace) return fail('bad-input', `The folder ${shown} holds export v${marker.version} (${previous.length} patch files): ask to replace it (--replace), or choose a new folder.`);
  return ok({ dir: real, exists: true, previous });
}

const sibling = (dir: string, what: 'new' | 'old'): string => path.join(path.dirname(dir), `.${path.basename(dir)}.merge-sprint-${what}-${randomBytes(4).toString('hex')}`);

/** A new empty folder beside the export folder (same file system, so it can be renamed into place). */
export function stageExport(folder: ExportFolder): Result<string> {
  const staged = sibling(folder.dir, 'new');
  try {
    mkdirSync(path.dirname(folder.dir), { recursive: true });
    mkdirSync(staged);
    if (folder.exists) chmodSync(staged, statSync(folder.dir).mode & 0o7777);
    return ok(staged);
  } catch (error) {
    return fail('refused', `The export cannot write beside "${folder.dir}" (${errorText(error)}): choose a folder where you may create folders.`);
  }
}

/** Removes a staged folder: it is the export's own, made by stageExport. */
export function discardStaged(staged: string): void {
  rmSync(staged, { recursive: true, force: true });
}

/**
 * Puts the staged export in place: a rename when the folder is new, else the old folder is
 * renamed aside, the new one renamed in, and only then the old export's own files removed. At
 * every instant the folder holds the old export or the new one (or, killed between the two
 * renames, neither, with both kept beside it).
 */
export function publishExport(folder: ExportFolder, staged: string, marker: ExportMarker): Result<string> {
  writeFileSync(path.join(staged, EXPORT_MARKER), `${JSON.stringify(marker, null, 2)}\n`, { flag: 'wx' });
  if (!folder.exists) {
    try {
      renameSync(staged, folder.dir);
      return ok(folder.dir);
    } catch (error) {
      return fail('conflict', `"${folder.dir}" was made by something else while the patches were written (${errorText(error)}): the export wrote nothing there; export again.`);
    }
  }
  const old = sibling(folder.dir, 'old');
  try {
    renameSync(folder.dir, old);
  } catch (error) {
    return fail('refused', `The export cannot move the previous export out of "${folder.dir}" (${errorText(error)}): choose a new folder.`);
  }
  const arrived = readdirSync(old).filter((name) => name !== EXPORT_MARKER && !folder.previous.includes(name));
  try {
    if (arrived.length > 0) throw new Error(`${listed(arrived)} appeared in it meanwhile`);
    renameSync(staged, folder.dir);
  } catch (error) {
    renameSync(old, folder.dir);
    return fail('conflict', `The export left "${folder.dir}" as it was: ${errorText(error)}. Move what is not the export out of the folder, then export again.`);
  }
  for (const name of [...folder.previous, EXPORT_MARKER]) unlinkOwn(path.join(old, name));
  try {
    rmdirSync(old);
  } catch {
    // Something arrived in the set-aside folder after the check: it stays there, not lost.
  }
  return ok(folder.dir);
}

/** Removes one of the previous export's files; one the user removed already is no loss. */
function unlinkOwn(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
