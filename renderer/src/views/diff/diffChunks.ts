/**
 * A unified diff as the rows of a virtual list: per file a header, per hunk its `@@` line, and
 * the hunk's changes cut into chunks of at most a hundred lines, each drawn as its own small
 * react-diff-view table, so a 50,000-line diff puts only the chunks on screen in the page.
 */
import { getChangeKey, parseDiff, type ChangeData, type FileData, type HunkData } from 'react-diff-view';

/** Cut a hunk at a context line once a chunk is this long, ... */
const CHUNK = 60;
/** ... and anywhere (except inside a removed/added pair) once it is this long. */
const CHUNK_MAX = 100;

export type DiffRow =
  | { kind: 'file'; key: string; oldPath: string; newPath: string; type: FileData['type']; binary: boolean }
  | { kind: 'hunk'; key: string; content: string }
  | { kind: 'chunk'; key: string; type: FileData['type']; hunk: HunkData };

/** A run of removed and added lines between context lines: where next/previous change moves. */
export interface ChangeStop {
  /** Index of the row (a chunk) holding the run's first line. */
  row: number;
  /** react-diff-view's key of the run's first line; its row's anchor id is made from it. */
  first: string;
  /** Every line's key in the run, to mark the whole run as the current change. */
  keys: string[];
}

export interface DiffRows {
  rows: DiffRow[];
  stops: ChangeStop[];
  /** Lines in all hunks, for the diff's accessible name. */
  lines: number;
}

const isPairCut = (changes: readonly ChangeData[], at: number): boolean => changes[at - 1]?.type === 'delete' && changes[at]?.type === 'insert';

/** Where to cut a hunk's changes: at context lines past CHUNK, anywhere but a pair past CHUNK_MAX. */
export function chunkBounds(changes: readonly ChangeData[]): number[] {
  const cuts: number[] = [0];
  let start = 0;
  for (let i = 1; i < changes.length; i++) {
    const size = i - start;
    const atContext = changes[i]?.type === 'normal';
    if ((size >= CHUNK && atContext) || (size >= CHUNK_MAX && !isPairCut(changes, i))) {
      cuts.push(i);
      start = i;
    }
  }
  cuts.push(changes.length);
  return cuts;
}

/** A piece of a hunk as a hunk of its own: react-diff-view computes line numbers per change, so they stay right. */
function subHunk(hunk: HunkData, changes: ChangeData[]): HunkData {
  const first = changes[0];
  const oldStart = first ? (first.type === 'normal' ? first.oldLineNumber : first.type === 'delete' ? first.lineNumber : hunk.oldStart) : hunk.oldStart;
  const newStart = first ? (first.type === 'normal' ? first.newLineNumber : first.type === 'insert' ? first.lineNumber : hunk.newStart) : hunk.newStart;
  const oldLines = changes.filter((c) => c.type !== 'insert').length;
  const newLines = changes.filter((c) => c.type !== 'delete').length;
  return { ...hunk, oldStart, newStart, oldLines, newLines, changes, content: hunk.content };
}

/** The rows and change stops of a unified diff (git's output; `zip` pairs a removed line with its replacement). */
export function diffRows(text: string): DiffRows {
  const rows: DiffRow[] = [];
  const stops: ChangeStop[] = [];
  let lines = 0;
  if (text.trim() === '') return { rows, stops, lines };
  const files = parseDiff(text, { nearbySequences: 'zip' });
  files.forEach((file, f) => {
    const binary = file.isBinary === true || (file.hunks.length === 0 && /^Binary files /m.test(text));
    // One file's name is in the pane's title already; several need theirs between them.
    if (files.length > 1 || binary) rows.push({ kind: 'file', key: `f${f}`, oldPath: file.oldPath, newPath: file.newPath, type: file.type, binary });
    let inRun = false;
    file.hunks.forEach((hunk, h) => {
      rows.push({ kind: 'hunk', key: `f${f}h${h}`, content: hunk.content });
      inRun = false;
      const cuts = chunkBounds(hunk.changes);
      for (let c = 0; c + 1 < cuts.length; c++) {
        const changes = hunk.changes.slice(cuts[c], cuts[c + 1]);
        const row = rows.length;
        rows.push({ kind: 'chunk', key: `f${f}h${h}c${c}`, type: file.type, hunk: subHunk(hunk, changes) });
        lines += changes.length;
        for (const change of changes) {
          if (change.type === 'normal') {
            inRun = false;
            continue;
          }
          const key = getChangeKey(change);
          const last = stops[stops.length - 1];
          if (inRun && last) last.keys.push(key);
          else stops.push({ row, first: key, keys: [key] });
          inRun = true;
        }
      }
    });
  });
  return { rows, stops, lines };
}

/** The anchor id of a line's row, unique per diff on the page (`scope`). */
export const anchorOf = (scope: string, key: string): string => `${scope}-${key}`;
