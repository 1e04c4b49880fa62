/**
 * Reading and writing git config: the clone's own settings, and a config-format blob (a
 * `.gitmodules`) read with git's own parser. The clone's own settings in git config: what the app keeps per clone (whether its commits run
 * hooks, the build checks' commands) and the identity it acts as. Every key goes after
 * `--end-of-options`, so neither a key nor a value is ever read as an option.
 */
import type { ConfigEntry } from '../../../shared/rename/git-files';
import { GitError } from './errors';
import { git, splitNul } from './exec';

/** `git config --get KEY` prints the value and "\n"; exit 1: the key is not set, which is an answer. */
export async function readConfig(repo: string, key: string): Promise<string | null> {
  const out = await git(repo, ['config', '--get', '--end-of-options', key], { successExitCodes: [1] });
  return out.exitCode === 0 ? out.stdout.replace(/\n$/, '') : null;
}

/**
 * `git config --type=bool --get KEY` prints "true\n" or "false\n" whatever the spelling (yes, on,
 * 1), exits 1 when the key is unset, and 128 on a value that is no boolean ("fatal: bad boolean
 * config value"). Null when unset.
 */
export async function readConfigBool(repo: string, key: string): Promise<boolean | null> {
  const out = await git(repo, ['config', '--type=bool', '--get', '--end-of-options', key], { successExitCodes: [1] });
  return out.exitCode === 0 ? out.stdout.trim() === 'true' : null;
}

/**
 * Every key matching `pattern` (a regular expression over whole keys) with its values in the
 * order git reads them, the last one being the one in effect. `git config -z --get-regexp`
 * prints "KEY\nVALUE\0" per value, with the section and variable names lowercased and a
 * subsection as written: "merge-sprint.build.new layout.command\nmake\0". Exit 1: none match.
 */
export async function listConfig(repo: string, pattern: string): Promise<Array<{ key: string; value: string }>> {
  const out = await git(repo, ['config', '-z', '--get-regexp', '--end-of-options', pattern], { successExitCodes: [1] });
  // A key set without "= value" counts as an empty value here.
  return parseConfigList(out.stdout).map(({ key, value }) => ({ key, value: value ?? '' }));
}

/**
 * Parses `git config -z` listings (`--list`, `--get-regexp`): one NUL-terminated record per
 * setting, the key then a newline and the value, or the key alone for a key set without
 * "= value" (`[submodule "a"] active`):
 *   "submodule.lib.path\nlib\0submodule.lib.url\nhttps://example.org/lib.git\0submodule.lib.active\0"
 */
export function parseConfigList(out: string): ConfigEntry[] {
  return splitNul(out).map((record) => {
    const newline = record.indexOf('\n');
    return newline < 0 ? { key: record, value: null } : { key: record.slice(0, newline), value: record.slice(newline + 1) };
  });
}

export type BlobConfig = { ok: true; entries: ConfigEntry[] } | { ok: false; gitMessage: string };

/** The settings of a config-format blob (`git config --blob`), or git's own words for why it cannot parse it. */
export async function listBlobConfig(repo: string, oid: string): Promise<BlobConfig> {
  try {
    const out = await git(repo, ['config', '--no-includes', '--blob', oid, '--list', '-z']);
    return { ok: true, entries: parseConfigList(out.stdout) };
  } catch (error) {
    // git's answer that the text is not config; its words without the blob id: "bad config line 3".
    if (!(error instanceof GitError) || error.kind !== 'bad-config') throw error;
    return { ok: false, gitMessage: /bad config line \d+/.exec(error.stderr)?.[0] ?? error.stderr.trim() };
  }
}

/** Sets KEY in the clone's own config (.git/config), replacing every value it had; git prints nothing. */
export async function writeLocalConfig(repo: string, key: string, value: string, opts: { type?: 'bool' } = {}): Promise<void> {
  const type = opts.type ? [`--type=${opts.type}`] : [];
  await git(repo, ['config', '--local', ...type, '--replace-all', '--end-of-options', key, value], {});
}

/** Removes KEY from the clone's own config; exit 5 means it was not there, which is fine. */
export async function unsetLocalConfig(repo: string, key: string): Promise<void> {
  await git(repo, ['config', '--local', '--unset-all', '--end-of-options', key], { successExitCodes: [5] });
}
