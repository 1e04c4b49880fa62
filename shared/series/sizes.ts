/**
 * How big a patch is as mail, and how a patch over the limit is cut along folders. A file's
 * share is its diff's length as git writes it (measured by the core); the mail adds headers,
 * the description and a diffstat line per file.
 */
import type { ChangedFile } from './changes';
import type { SeriesPatch } from './model';
import { commonDir, proposeSubject } from './naming';

/** The kernel's lists refuse mail over about 100 KB. */
export const DEFAULT_MAX_PATCH_KB = 100;

export interface PatchSize {
  patchId: string;
  /** The patch as mail, in bytes. */
  bytes: number;
  overLimit: boolean;
  /** When over the limit and one file alone is: that file and its size (it cannot be split). */
  hugeFile: { path: string; bytes: number } | null;
}

/** From, Date, Subject, Message-Id and the like, the trailers, and the diffstat's summary. */
const MAIL_HEADERS = 600;
/** A diffstat line: " path | 12 ++++--\n", its bar at most 50 wide in format-patch. */
const diffstatLine = (path: string): number => Math.min(path.length, 50) + 60;

/** The mail around a diff of `diffBytes`: headers, subject, description and diffstat. */
export function mailBytesOfDiff(patch: { subject: string; description: string; files: readonly string[] }, diffBytes: number): number {
  let bytes = MAIL_HEADERS + patch.subject.length + patch.description.length + diffBytes;
  for (const f of patch.files) bytes += diffstatLine(f);
  return bytes;
}

export function mailBytes(patch: { subject: string; description: string; files: readonly string[] }, fileBytes: ReadonlyMap<string, number>): number {
  let diff = 0;
  for (const f of patch.files) diff += fileBytes.get(f) ?? 0;
  return mailBytesOfDiff(patch, diff);
}

export const kb = (bytes: number): string => `${Math.round(bytes / 1024)} KB`;

export function patchSize(patch: SeriesPatch, fileBytes: ReadonlyMap<string, number>, limitBytes: number): PatchSize {
  const bytes = mailBytes(patch, fileBytes);
  const overLimit = bytes > limitBytes;
  let hugeFile: PatchSize['hugeFile'] = null;
  if (overLimit) {
    for (const f of patch.files) {
      const own = mailBytes({ subject: patch.subject, description: patch.description, files: [f] }, fileBytes);
      if (own > limitBytes && (!hugeFile || own > hugeFile.bytes)) hugeFile = { path: f, bytes: fileBytes.get(f) ?? 0 };
    }
  }
  return { patchId: patch.id, bytes, overLimit, hugeFile };
}

/** The first path component under `dir` ('' for a file directly in it, which stands alone). */
function childOf(path: string, dir: string): string {
  const rest = dir === '' ? path : path.slice(dir.length + 1);
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : '';
}

/**
 * Cuts `files` (sorted) into groups of whole folders, each at most `limit` where a folder can be,
 * neighbours packed together again while they fit: a folder over the limit is cut into its
 * subfolders, and a folder's own files go one by one only when nothing else fits.
 */
export function cutAlongFolders(files: readonly string[], cost: (files: readonly string[]) => number, limit: number): string[][] {
  if (files.length <= 1 || cost(files) <= limit) return [[...files]];
  const dir = commonDir(files);
  const groups = new Map<string, string[]>();
  for (const f of files) {
    const child = childOf(f, dir);
    const key = child === '' ? `\0${f}` : child;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const parts = [...groups.values()].flatMap((g) => cutAlongFolders(g, cost, limit));
  const packed: string[][] = [];
  for (const part of parts) {
    const prev = packed.at(-1);
    if (prev && cost([...prev, ...part]) <= limit) packed[packed.length - 1] = [...prev, ...part];
    else packed.push(part);
  }
  return packed;
}

/** A patch over the limit as patches of whole folders, each named for what it holds. */
export function splitPatch(patch: SeriesPatch, changes: ReadonlyMap<string, ChangedFile>, fileBytes: ReadonlyMap<string, number>, limit: number, takenIds: Set<string>): SeriesPatch[] {
  const cost = (files: readonly string[]): number => mailBytes({ subject: patch.subject, description: patch.description, files }, fileBytes);
  const parts = cutAlongFolders([...patch.files].sort(), cost, limit);
  if (parts.length <= 1) return [patch];
  const subjects = parts.map((files) => {
    const dir = commonDir(files);
    return proposeSubject(files.map((path) => ({ path, status: changes.get(path)?.status ?? 'M' })), dir || patch.subject);
  });
  // Parts of one folder can get the same words: reviewers still tell them apart by number.
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  for (const s of subjects) total.set(s, (total.get(s) ?? 0) + 1);
  return parts.map((files, i) => {
    const base = subjects[i] as string;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const subject = (total.get(base) ?? 1) > 1 ? `${base} (part ${n} of ${total.get(base)})` : base;
    let id = `${patch.id}-${i + 1}`;
    for (let n = 2; takenIds.has(id); n++) id = `${patch.id}-${i + 1}-${n}`;
    takenIds.add(id);
    const dir = commonDir(files);
    return {
      id,
      subject,
      description: `${patch.description}\n\nOne of ${parts.length} patches${dir ? ` (this one ${dir}/)` : ''}, cut along folders to stay under ${kb(limit)} of mail.`,
      author: patch.author,
      files,
    };
  });
}
