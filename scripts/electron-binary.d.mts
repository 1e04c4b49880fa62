// Types of scripts/electron-binary.mjs for the TypeScript tests that use it.
export function electronPackageDir(projectRoot: string): string | null;
export function installedElectron(projectRoot: string): string | null;
export function downloadElectron(projectRoot: string): { ok: true; binary: string } | { ok: false; reason: string };
export function electronVersion(projectRoot: string): string | null;
