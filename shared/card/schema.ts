/**
 * A card's own changes, as zod schemas from which their types (./events.ts) come. All are
 * client commands: the notes (the whole text, the later edit wins as for every field), one
 * checklist item at a time (so two people adding items both keep theirs), the reviewer, and
 * `cards.set`, several cards' owner and state in one change, which undo takes back as one step.
 */
import { z } from 'zod';
import { CARD_STATES } from '../plan/card-states';
import { MAX_BULK_CARDS, MAX_CHECKLIST_TEXT, MAX_NOTES } from './model';

const id = z.string().min(1).max(200);

export const checklistItemSchema = z.object({
  id,
  text: z.string().trim().min(1, 'A checklist item needs some text.').max(MAX_CHECKLIST_TEXT, `A checklist item is at most ${MAX_CHECKLIST_TEXT} characters: put the rest in the notes.`),
  done: z.boolean(),
});

const cardSet = z
  .object({
    subsystemId: id,
    owner: id.nullable().optional(),
    state: z.enum(CARD_STATES).optional(),
  })
  .refine((c) => c.owner !== undefined || c.state !== undefined, { message: 'Each card in a bulk change needs an owner or a state to set.' });

export const cardSchemas = [
  z.object({ type: z.literal('card.notes'), subsystemId: id, notes: z.string().max(MAX_NOTES, `Notes are at most ${MAX_NOTES.toLocaleString('en')} characters.`) }),
  /** Upserts an item; `index` places it (a new item goes last without one), so undoing a removal puts it back where it stood. */
  z.object({ type: z.literal('card.checklist.put'), subsystemId: id, item: checklistItemSchema, index: z.number().int().min(0).optional() }),
  z.object({ type: z.literal('card.checklist.remove'), subsystemId: id, itemId: id }),
  z.object({ type: z.literal('card.reviewer'), subsystemId: id, reviewer: id.nullable() }),
  z.object({
    type: z.literal('cards.set'),
    cards: z.array(cardSet).min(1, 'A bulk change names at least one card.').max(MAX_BULK_CARDS, `A bulk change moves at most ${MAX_BULK_CARDS.toLocaleString('en')} cards.`),
  }),
] as const;
