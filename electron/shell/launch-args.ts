/**
 * The repository named on Electron's command line: `electron . --repo PATH`, `electron . PATH`,
 * or the packaged app with the same arguments. Chromium and Node switches that tools add
 * (`--inspect=0`, `--remote-debugging-port=0`, macOS's `-psn_…`) are skipped.
 */
import path from 'node:path';

export interface LaunchArgs {
  /** Absolute path of the repository to open, or null when none was named. */
  repo: string | null;
}

/**
 * `argv` is the process's full argv (executable first). Unpackaged, the first positional
 * argument is the app itself ('.' or dist/electron/main.cjs) and is not a repository.
 */
export function parseLaunchArgs(argv: readonly string[], isPackaged: boolean, cwd: string): LaunchArgs {
  const args = argv.slice(1);
  if (!isPackaged) {
    const appIndex = args.findIndex((a) => !a.startsWith('-'));
    if (appIndex >= 0) args.splice(appIndex, 1);
  }
  let named: string | null = null;
  let positional: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') continue;
    if (arg === '--repo') {
      const value = args[i + 1];
      if (value !== undefined && value !== '') named = value;
      i++;
    } else if (arg.startsWith('--repo=')) {
      const value = arg.slice('--repo='.length);
      if (value !== '') named = value;
    } else if (!arg.startsWith('-') && positional === null && arg !== '') {
      positional = arg;
    }
  }
  const chosen = named ?? positional;
  return { repo: chosen === null ? null : path.resolve(cwd, chosen) };
}
