/**
 * A baseline's git, run as a person would type it: no Merge Sprint code in between, C locale,
 * output dropped, and git's own message in the error when it fails.
 */
import { spawn } from 'node:child_process';

export function rawGit(cwd: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C', ...env } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git ${args.join(' ')} exited ${code}: ${err}`))));
  });
}
