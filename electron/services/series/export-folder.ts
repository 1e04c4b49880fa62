/**
 * The folder an export writes: empty or new, or emptied when the user asked to replace what it
 * holds, and never the repository itself or a folder that holds it.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fail, ok, type Result } from '../../../shared/result';

const inside = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

export function prepareExportFolder(repo: string, dir: string, replace: boolean): Result<string> {
  if (!path.isAbsolute(dir)) return fail('bad-input', `The export folder "${dir}" is relative: give an absolute path.`);
  const out = path.resolve(dir);
  if (inside(repo, out)) return fail('bad-input', `The export folder "${out}" holds the repository itself: choose a folder outside it, for example ${path.join(path.dirname(repo), 'series')}.`);
  if (inside(out, path.join(repo, '.git'))) return fail('bad-input', `The export folder "${out}" is inside git's own folder: choose another folder.`);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) return fail('bad-input', `"${out}" is a file, not a folder: choose a folder for the patches.`);
    const entries = readdirSync(out);
    if (entries.length > 0 && !replace) {
      const shown = entries.slice(0, 3).map((e) => `"${e}"`).join(', ') + (entries.length > 3 ? ` and ${entries.length - 3} more` : '');
      return fail('bad-input', `The folder "${out}" already holds ${entries.length} file(s) (${shown}): choose an empty folder, or ask to replace them (--replace).`);
    }
    for (const entry of entries) rmSync(path.join(out, entry), { recursive: true, force: true });
  } else {
    mkdirSync(out, { recursive: true });
  }
  return ok(out);
}
