/**
 * The conflicting hunks of a three-way merge, read from the text `git merge-file --diff3`
 * writes (labels after the markers are the file names we passed with -L):
 *
 *   unchanged line
 *   <<<<<<< arch/xen/kernel/evtchn.c
 *   source side
 *   ||||||| interim copy
 *   base
 *   =======
 *   destination side
 *   >>>>>>> drivers/xen/core/evtchn.c
 */
import type { ConflictHunk } from './model';

/** Markers are exactly seven characters, then a space and the label, or the end of the line. */
const marker = (line: string, char: string): boolean =>
  line.startsWith(char.repeat(7)) && (line.length === 7 || line[7] === ' ');

export function parseConflictHunks(text: string): ConflictHunk[] {
  const lines = text.split('\n');
  const hunks: ConflictHunk[] = [];
  let current: ConflictHunk | null = null;
  let part: 'source' | 'base' | 'destination' = 'source';
  lines.forEach((line, i) => {
    if (current === null) {
      if (marker(line, '<')) {
        current = { line: i + 1, source: [], base: [], destination: [] };
        part = 'source';
      }
      return;
    }
    if (part === 'source' && marker(line, '|')) part = 'base';
    else if (part !== 'destination' && marker(line, '=')) part = 'destination';
    else if (part === 'destination' && marker(line, '>')) {
      hunks.push(current);
      current = null;
    } else current[part].push(line);
  });
  return hunks;
}
