/**
 * What `npm ci` decides from package.json and package-lock.json, checked without installing: the
 * Node versions package.json promises can install every locked package without an engine warning
 * (judged by semver, as npm judges it; an optional package counts where it is installed, as a
 * platform's own binary is only there), CI's Node is one of them, and every locked package that
 * has an install script has a decision in allowScripts (npm 11 warns about the others, and npm 12
 * skips them).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

interface PackageJson {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
}
interface LockEntry {
  version?: string;
  optional?: boolean;
  engines?: { node?: string } | string[];
  hasInstallScript?: boolean;
}

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson;
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
const locked = Object.entries(lock.packages).filter(([where]) => where !== '');
const nameOf = (where: string): string => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** The oldest Node of each line package.json accepts ('^22.12.0 || ^24.0.0' gives 22.12.0 and 24.0.0). */
function oldestAccepted(range: string): string[] {
  return new semver.Range(range).set.map((comparators) => {
    const oldest = semver.minVersion(comparators.map((c) => c.value).join(' '));
    if (oldest === null) throw new Error(`engines.node part ${comparators.join(' ')} accepts no version`);
    return oldest.version;
  });
}

describe('package.json engines', () => {
  const oldest = oldestAccepted(pkg.engines.node);

  it('names Node lines that every locked package accepts from their first release on', () => {
    expect(oldest.length).toBeGreaterThan(0);
    const refused: string[] = [];
    for (const [where, entry] of locked) {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (range === undefined || (entry.optional && !existsSync(path.join(root, where, 'package.json')))) continue;
      for (const version of oldest) {
        if (!semver.satisfies(version, range)) refused.push(`${nameOf(where)}@${entry.version ?? '?'} refuses Node ${version} (needs ${range})`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('accepts the Node that .ci/run installs', () => {
    const ci = readFileSync(path.join(root, '.ci', 'run'), 'utf8');
    const version = /^NODE_VERSION=(\S+)$/m.exec(ci)?.[1];
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(semver.satisfies(version ?? '', pkg.engines.node)).toBe(true);
  });
});

describe('package.json allowScripts', () => {
  it('decides for every locked package with an install script', () => {
    const decided = new Set(Object.keys(pkg.allowScripts ?? {}).map((key) => key.replace(/(?<=.)@[^@]*$/, '')));
    const undecided = locked.filter(([, entry]) => entry.hasInstallScript).map(([where]) => nameOf(where)).filter((name) => !decided.has(name));
    expect(undecided).toEqual([]);
  });
});
