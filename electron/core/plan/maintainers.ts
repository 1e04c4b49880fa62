/**
 * The MAINTAINERS file as the fork ref has it, read with the plan's maintainers map: the import
 * (import.ts) and the map's review (`maintainers.map`) both start here, so both see the same
 * sections and folders.
 */
import type { MaintainersMapReport } from '../../../shared/maintainers/api';
import { hasFilePatterns } from '../../../shared/maintainers/map';
import { formatAddress, parseMaintainers, type MaintainersParse } from '../../../shared/maintainers/parse';
import { foldersByName, foldersOfPaths, suggestFolders } from '../../../shared/maintainers/suggest';
import type { Inventory } from '../../../shared/model';
import { checkRepoPath } from '../../../shared/paths';
import { fail, ok, type Result } from '../../../shared/result';
import type { RepoServices } from '../context';
import { readBlob } from '../git/cat-file';
import { lsPath } from '../git/trees';
import { sprintInventory } from '../inventory/sprint-inventory';

export interface MaintainersAtFork {
  path: string;
  parsed: MaintainersParse;
  inventory: Inventory;
}

/** The text of `path` as `commit` has it, or an error naming what is missing. */
async function readBlobAt(repo: string, commit: string, ref: string, path: string): Promise<Result<string>> {
  const entry = await lsPath(repo, commit, path);
  if (!entry) return fail('not-found', `The fork (${ref}) has no file "${path}": give the path of its MAINTAINERS file, or derive subsystems from folders.`);
  if (entry.type !== 'blob' || entry.mode === '120000') return fail('bad-input', `"${path}" in ${ref} is not a regular file.`);
  return ok(await readBlob(repo, entry.oid));
}

/** Reads and parses the fork's MAINTAINERS file; refuses one in which no section could be read. */
export async function maintainersAtFork(ctx: RepoServices, path: string): Promise<Result<MaintainersAtFork>> {
  const bad = checkRepoPath(path, 'MAINTAINERS path');
  if (bad) return fail('bad-path', bad);
  const inventory = await sprintInventory(ctx);
  if (!inventory.ok) return inventory;
  const text = await readBlobAt(ctx.repo, inventory.value.forkCommit, inventory.value.forkRef, path);
  if (!text.ok) return text;
  const parsed = parseMaintainers(text.value);
  if (parsed.sections.length === 0) {
    return fail('bad-input', `"${path}" has no sections git-style tools would read (a title line, then lines like "M:\tName <address>"): ${parsed.warnings[0] ?? 'it is empty'}. The cards stay as they were.`);
  }
  return ok({ path, parsed, inventory: inventory.value });
}

/** Every folder of the inventory, on the fork side and the upstream side: what a section may be bound to. */
export const inventoryFolders = (inventory: Inventory): Set<string> => foldersOfPaths(inventory.files.flatMap((f) => (f.upstreamPath === f.path ? [f.path] : [f.path, f.upstreamPath])));

/** The file's sections with the plan's bindings and, for sections without F: lines, suggested folders. */
export async function maintainersMap(ctx: RepoServices, path: string): Promise<Result<MaintainersMapReport>> {
  const read = await maintainersAtFork(ctx, path);
  if (!read.ok) return read;
  const { plan } = await ctx.plan.snapshot();
  const { sections } = read.value.parsed;
  const byName = foldersByName(inventoryFolders(read.value.inventory));
  const bound = new Map(plan.maintainersMap.map((b) => [b.section, b.folders]));
  const titles = new Set(sections.map((s) => s.title));
  const rows = sections.map((s) => {
    const hasPatterns = s.files.length > 0 || s.regexes.length > 0;
    return {
      section: s.title,
      line: s.line,
      maintainers: s.maintainers.map(formatAddress),
      lists: s.lists,
      hasPatterns,
      folders: bound.get(s.title) ?? [],
      suggested: hasPatterns ? [] : suggestFolders(s, byName),
    };
  });
  return ok({ path, needsMap: !hasFilePatterns(sections), rows, stale: plan.maintainersMap.filter((b) => !titles.has(b.section)) });
}
