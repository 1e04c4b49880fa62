/** Reading a config-format blob (a `.gitmodules`) with git's own parser: `git config --blob`. */
import type { ConfigEntry } from '../../../shared/rename/git-files';
import { GitError } from './errors';
import { git, splitNul } from './exec';

/**
 * Parses `git config --list -z`: one NUL-terminated record per setting, the key then a newline
 * and the value, or the key alone for a key with no value (`[submodule "a"] active`):
 *   "submodule.lib.path\nlib\0submodule.lib.url\nhttps://example.org/lib.git\0submodule.lib.active\0"
 */
export function parseConfigList(out: string): ConfigEntry[] {
  return splitNul(out).map((record) => {
    const nl = record.indexOf('\n');
    return nl < 0 ? { key: record, value: null } : { key: record.slice(0, nl), value: record.slice(nl + 1) };
  });
}

export type BlobConfig = { ok: true; entries: ConfigEntry[] } | { ok: false; gitMessage: string };

/** The settings of the blob, or git's own words for why it cannot parse it. */
export async function listBlobConfig(repo: string, oid: string): Promise<BlobConfig> {
  try {
    const out = await git(repo, ['config', '--no-includes', '--blob', oid, '--list', '-z']);
    return { ok: true, entries: parseConfigList(out.stdout) };
  } catch (error) {
    // Exit 128 after "error: bad config line N in blob OID" is git's answer that the text is not config.
    const bad = error instanceof GitError && error.exitCode === 128 ? /bad config line \d+/.exec(error.stderr) : null;
    if (bad) return { ok: false, gitMessage: bad[0] };
    throw error;
  }
}
