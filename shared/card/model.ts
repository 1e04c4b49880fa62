/** What a card holds beside its files and state: notes, a checklist, and who reviews it. */

export interface ChecklistItem {
  id: string;
  text: string;
  done: boolean;
}

export interface CardDetail {
  notes: string;
  checklist: ChecklistItem[];
  /** Person id of the reviewer (for Review), or null. */
  reviewer: string | null;
}

/** Each card's details by subsystem id; a card with none has no entry. */
export type CardDetails = Record<string, CardDetail>;

export const emptyCardDetail = (): CardDetail => ({ notes: '', checklist: [], reviewer: null });

export const MAX_NOTES = 20_000;
export const MAX_CHECKLIST_TEXT = 500;
export const MAX_CHECKLIST_ITEMS = 200;
/** Most cards one bulk change moves: every card of a large board. */
export const MAX_BULK_CARDS = 2_000;
