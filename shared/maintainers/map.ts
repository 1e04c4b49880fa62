/**
 * The maintainers map: the team's binding of MAINTAINERS sections to folders, kept in the plan.
 * A MAINTAINERS file from before 2009 names people and lists per section but no files (no F:
 * lines), so neither subsystems nor To/Cc can come from it alone; once a section is bound to
 * folders, each folder reads as an `F: folder/` line of that section and get_maintainer.pl's
 * rules (match.ts) do the rest. A modern file needs no map; a binding there adds to its F: lines.
 */
import type { MaintainersSection } from './types';

/** One section's folders, by the section's title as the file writes it. */
export interface MaintainersBinding {
  section: string;
  folders: string[];
}

/** Does any section say which files it covers (F: or N:)? A file from before 2009 does not. */
export const hasFilePatterns = (sections: readonly MaintainersSection[]): boolean => sections.some((s) => s.files.length > 0 || s.regexes.length > 0);

/** The sections with each bound folder as one more F: pattern (`folder/`: the folder and all below). */
export function withMap(sections: readonly MaintainersSection[], map: readonly MaintainersBinding[]): MaintainersSection[] {
  const folders = new Map<string, string[]>();
  for (const b of map) folders.set(b.section, b.folders);
  return sections.map((s) => {
    const bound = folders.get(s.title);
    if (!bound || bound.length === 0) return s;
    const added = bound.map((f) => `${f.replace(/\/+$/, '')}/`).filter((f) => !s.files.includes(f));
    return { ...s, files: [...s.files, ...added] };
  });
}

/** The map after `bindings` (each names a section's whole folder list; an empty list unbinds it), in section order of first binding. */
export function setBindings(map: readonly MaintainersBinding[], bindings: readonly MaintainersBinding[]): MaintainersBinding[] {
  const next = new Map(map.map((b) => [b.section, b.folders]));
  for (const b of bindings) {
    if (b.folders.length === 0) next.delete(b.section);
    else next.set(b.section, [...new Set(b.folders.map((f) => f.replace(/\/+$/, '')))]);
  }
  return [...next].map(([section, folders]) => ({ section, folders }));
}

/** The bindings that put back what `bindings` replaced in `map` (undo). */
export function invertBindings(map: readonly MaintainersBinding[], bindings: readonly MaintainersBinding[]): MaintainersBinding[] {
  const before = new Map(map.map((b) => [b.section, b.folders]));
  return [...new Set(bindings.map((b) => b.section))].map((section) => ({ section, folders: before.get(section) ?? [] }));
}

/** "SECTION=FOLDER" as the command line takes it; the last `=` splits, since titles may hold one. */
export function parseBinding(text: string): MaintainersBinding | string {
  const at = text.lastIndexOf('=');
  if (at <= 0) return `"${text}" is not SECTION=FOLDER: write the section's title as MAINTAINERS has it, "=", and a folder, for example "X86-64 PORT=arch/x86_64".`;
  const section = text.slice(0, at).trim();
  const folder = text.slice(at + 1).trim().replace(/\/+$/, '');
  return { section, folders: folder === '' ? [] : [folder] };
}
