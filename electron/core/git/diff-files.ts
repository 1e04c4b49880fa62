/**
 * Which work-tree files differ from given versions, as git itself sees them (its filters, modes,
 * symbolic links): the versions go into a temporary index, git hashes the files into it, and
 * `diff-files` names the ones that still differ. The repository's own index is not touched.
 */
import { git, splitNul } from './exec';
import { editIndex, type TempIndex } from './staging-index';

export interface WantedVersion {
  path: string;
  mode: string;
  oid: string;
}

/**
 * The paths whose work-tree file is not exactly `mode`/`oid` (missing, another content, another
 * kind). `update-index -q --refresh` hashes each file and records it where it matches; `-q`
 * keeps going past the ones that do not (exit 0 either way). `diff-files -z --name-only` then
 * prints the others, NUL-terminated:
 *   "drivers/xen/core/evtchn.c\0drivers/xen/core/new\nline.c\0"
 */
export async function worktreeDiffers(repo: string, index: TempIndex, versions: readonly WantedVersion[]): Promise<Set<string>> {
  if (versions.length === 0) return new Set();
  const env = { GIT_INDEX_FILE: index.file };
  await editIndex(repo, index, versions);
  await git(repo, ['update-index', '-q', '--refresh'], { env });
  const out = await git(repo, ['diff-files', '-z', '--name-only'], { env });
  return new Set(splitNul(out.stdout));
}
