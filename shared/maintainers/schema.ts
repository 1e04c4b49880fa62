/**
 * The maintainers map's plan change as a zod schema (its type in ./events.ts): a client command
 * that binds MAINTAINERS sections to folders (map.ts). Each binding names a section's whole
 * folder list; an empty list unbinds the section. Folders follow the rename plan's path rules.
 */
import { z } from 'zod';
import type { FieldRules } from '../plan/field-rules';

export const maintainersSchemas = (rules: FieldRules) =>
  [
    z.object({
      type: z.literal('maintainers.map'),
      bindings: z
        .array(z.object({ section: z.string().trim().min(1, 'A binding names a MAINTAINERS section by its title.').max(300), folders: z.array(rules.path('folder')).max(100) }))
        .min(1, 'Name at least one section to bind (SECTION=FOLDER).')
        .max(5000),
    }),
  ] as const;
