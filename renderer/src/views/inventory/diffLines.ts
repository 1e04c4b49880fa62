/** A unified diff split into lines, each with its kind for neutral colouring. */
export type DiffLineKind = 'added' | 'removed' | 'hunk' | 'meta' | 'context';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
}

export function diffLines(text: string): DiffLine[] {
  if (text === '') return [];
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  let inHunk = false;
  return lines.map((line): DiffLine => {
    if (line.startsWith('diff ')) inHunk = false;
    else if (line.startsWith('@@')) {
      inHunk = true;
      return { kind: 'hunk', text: line };
    }
    // Outside a hunk, "---" and "+++" are file headers, not removed and added lines.
    if (!inHunk || line.startsWith('\\')) return { kind: 'meta', text: line };
    if (line.startsWith('+')) return { kind: 'added', text: line };
    if (line.startsWith('-')) return { kind: 'removed', text: line };
    return { kind: 'context', text: line };
  });
}

/** Width of the longest line in columns, tabs counted to the next multiple of 8. */
export function widestLine(lines: readonly DiffLine[]): number {
  let widest = 0;
  for (const { text } of lines) {
    let col = 0;
    for (let i = 0; i < text.length; i++) col = text.charCodeAt(i) === 9 ? col + 8 - (col % 8) : col + 1;
    if (col > widest) widest = col;
  }
  return widest;
}
