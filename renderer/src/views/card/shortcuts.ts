/** Every keyboard shortcut of the board, once: the help (?) lists these, the palette shows them beside its commands. */
export const SHORTCUTS: readonly { keys: string; what: string }[] = [
  { keys: 'Tab', what: 'Reach the board (one stop for all its cards), then the card pane' },
  { keys: '↑ ↓ ← →', what: 'Move between cards (Home, End: first, last in the column)' },
  { keys: 'Shift + arrows', what: 'Select the cards on the way' },
  { keys: 'Ctrl + click, Shift + click', what: 'Select a card, or every card up to it' },
  { keys: 'Enter', what: "Open the card's pane" },
  { keys: 'Escape', what: 'Close the pane, or clear the selection' },
  { keys: 'Space', what: 'Pick the card up; arrows move it to another column; Space drops it' },
  { keys: 'a', what: 'Assign the focused or selected cards' },
  { keys: 's', what: 'Set their state' },
  { keys: '/', what: 'Filter the cards' },
  { keys: 'Ctrl + K', what: 'Every action, by name' },
  { keys: 'Ctrl + Z, Ctrl + Shift + Z', what: 'Undo, redo' },
  { keys: '?', what: 'This list' },
];
