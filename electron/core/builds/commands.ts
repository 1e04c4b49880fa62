/**
 * Build commands are the clone's, never the plan's: the plan names a build check ("new
 * layout") and keeps its last result; what it runs is `merge-sprint.build.<name>.command` in the
 * clone's git config, as `git config` reads it. The name is the config subsection
 * (`[merge-sprint "build.new layout"]`), which holds any one line of text, dots, quotes and
 * brackets included. A plan fetched from a colleague that names a build this clone does not
 * define runs nothing here until someone on this machine defines it.
 */
import type { BuildCheck, LocalBuildCheck } from '../../../shared/rename/model';
import { fail, ok, type Result } from '../../../shared/result';
import { listConfig, unsetLocalConfig, writeLocalConfig } from '../git/config';

const PREFIX = 'merge-sprint.build.';
const SUFFIX = '.command';

/** The config key of a build check's command. */
export const buildCommandKey = (name: string): string => `${PREFIX}${name}${SUFFIX}`;

/** A word a POSIX shell reads back as itself: quoted unless it is plain. */
export const shellWord = (text: string): string => (/^[A-Za-z0-9_./:=@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

/**
 * The commands this clone defines, by build name. The subsection keeps its case (git folds only
 * the section and the variable), and when a key has several values the last one is in effect,
 * as for any git setting.
 */
export async function readBuildCommands(repo: string): Promise<Map<string, string>> {
  const commands = new Map<string, string>();
  for (const { key, value } of await listConfig(repo, '^merge-sprint\\.build\\..*\\.command$')) {
    commands.set(key.slice(PREFIX.length, key.length - SUFFIX.length), value);
  }
  return commands;
}

/** Writes (or replaces) a build's command in the clone's own config. */
export function writeBuildCommand(repo: string, name: string, command: string): Promise<void> {
  return writeLocalConfig(repo, buildCommandKey(name), command);
}

export function removeBuildCommand(repo: string, name: string): Promise<void> {
  return unsetLocalConfig(repo, buildCommandKey(name));
}

/** The plan's build checks with what this clone would run for each (null: not defined on this machine). */
export async function withLocalCommands(repo: string, builds: BuildCheck[]): Promise<LocalBuildCheck[]> {
  const commands = await readBuildCommands(repo);
  return builds.map((b) => {
    const command = commands.get(b.name);
    return { ...b, command: command?.trim() ? command : null };
  });
}

/** What a user is told when the plan names a build this clone has no command for. */
export function notDefinedHere(name: string): string {
  return (
    `The build check "${name}" is not defined on this machine: the plan names it, but its command is this clone's own and nothing here says what to run. ` +
    `Define it with \`merge-sprint build add --name ${shellWord(name)} --command …\` or \`git config ${shellWord(buildCommandKey(name))} …\`.`
  );
}

/** The command to run for a build check of the plan, or why there is none on this machine. */
export async function buildCommandOf(repo: string, build: Pick<BuildCheck, 'name'>): Promise<Result<string>> {
  const command = (await readBuildCommands(repo)).get(build.name);
  return command !== undefined && command.trim() !== '' ? ok(command) : fail('not-found', notDefinedHere(build.name));
}
