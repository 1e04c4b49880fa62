/** The columns of the board, in order (Blocked is a flag with a reason, not a state). */
export const CARD_STATES = ['Backlog', 'In progress', 'Review', 'Done'] as const;
export type CardState = (typeof CARD_STATES)[number];
