/**
 * The kernel's own style check on each exported patch: where the target tree has
 * `scripts/checkpatch.pl` and perl is installed, the script (with the data files it reads from
 * its own folder) is written to a temporary folder and run on each patch file with `--no-tree`,
 * since there is no checked-out tree beside it. Its warnings are kept per patch; when it cannot
 * run, the report says why in words.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CheckpatchReport } from '../../../shared/series/reports';
import { readFileAt } from '../git/cat-file';
import { runBuildCommand } from '../builds/runner';

const SCRIPT = 'scripts/checkpatch.pl';
/** Files checkpatch.pl reads from its own folder when they exist. */
const DATA_FILES = ['scripts/spelling.txt', 'scripts/const_structs.checkpatch'];
/** checkpatch runs at once (the machine's cores are shared with the UI). */
const PARALLEL = 4;
const TIMEOUT_MS = 120_000;

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The findings of one run, each with the place it names:
 *   "WARNING: Missing a blank line after declarations\n#31: FILE: arch/x/a.c:12:\n+\tint x;\n"
 *   -> "WARNING: Missing a blank line after declarations (arch/x/a.c:12)"
 */
export function parseCheckpatch(out: string): string[] {
  const lines = out.split('\n');
  const found: string[] = [];
  for (const [i, line] of lines.entries()) {
    const m = /^(ERROR|WARNING|CHECK): (.*)$/.exec(line);
    if (!m) continue;
    const where = /^#\d+: FILE: (.*?):?$/.exec(lines[i + 1] ?? '');
    found.push(`${m[1]}: ${m[2]}${where ? ` (${where[1]})` : ''}`);
  }
  return found;
}

async function perlExists(cwd: string): Promise<boolean> {
  return (await runBuildCommand('command -v perl >/dev/null 2>&1', cwd, { timeoutMs: 10_000 })).passed;
}

/** Runs checkpatch on each of `files` (absolute paths), from the script at `commit`. */
export async function runCheckpatch(repo: string, commit: string, files: readonly string[]): Promise<CheckpatchReport> {
  const script = await readFileAt(repo, commit, SCRIPT);
  if (script === null) return { ran: false, reason: `The tree has no ${SCRIPT}, so the patches were not style-checked.`, perPatch: [] };
  const scratch = mkdtempSync(path.join(tmpdir(), 'merge-sprint-checkpatch-'));
  try {
    if (!(await perlExists(scratch))) return { ran: false, reason: `The tree has ${SCRIPT} but perl is not installed, so the patches were not style-checked: install perl and export again.`, perPatch: [] };
    mkdirSync(path.join(scratch, 'scripts'));
    writeFileSync(path.join(scratch, SCRIPT), script);
    for (const data of DATA_FILES) {
      const text = await readFileAt(repo, commit, data);
      if (text !== null) writeFileSync(path.join(scratch, data), text);
    }
    const perPatch: CheckpatchReport['perPatch'] = files.map((file) => ({ file: path.basename(file), findings: [] }));
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < files.length; i = next++) {
        let out = '';
        await runBuildCommand(`perl ${SCRIPT} --no-tree --no-summary ${quote(files[i] as string)}`, scratch, { onLog: (c) => (out += c), timeoutMs: TIMEOUT_MS });
        (perPatch[i] as { findings: string[] }).findings = parseCheckpatch(out);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    return { ran: true, reason: null, perPatch };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
