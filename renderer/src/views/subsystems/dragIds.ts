/** Drag and drop ids of the Subsystems view: files are dragged, subsystem rows receive them. */
import type { UniqueIdentifier } from '@dnd-kit/core';

export const fileDragId = (path: string): string => `file:${path}`;
export const subsystemDropId = (id: string): string => `subsystem:${id}`;

export const fileOfDragId = (id: UniqueIdentifier): string | null => (typeof id === 'string' && id.startsWith('file:') ? id.slice(5) : null);
export const subsystemOfDropId = (id: UniqueIdentifier | null): string | null =>
  typeof id === 'string' && id.startsWith('subsystem:') ? id.slice(10) : null;
