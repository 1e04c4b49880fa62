/**
 * The command palette (Ctrl+K, and `a` / `s` open it on their page): type to find any action by
 * name; Enter runs it; Backspace in an empty field goes back to every action; Escape closes.
 * cmdk gives the filtering and the keyboard list; the native <dialog> traps the focus.
 */
import { Command } from 'cmdk';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Dialog } from '../common/Dialog';
import { cardUiStore, focusCard, setCardUi, useCardUi, type PalettePage } from './cardUi';
import { cardCommands, paletteCommands, type PaletteCommand } from './paletteCommands';

function groups(commands: PaletteCommand[]): [string, PaletteCommand[]][] {
  const out = new Map<string, PaletteCommand[]>();
  for (const c of commands) out.set(c.group, [...(out.get(c.group) ?? []), c]);
  return [...out];
}

function Palette({ page, onBlock }: { page: PalettePage; onBlock: (id: string) => void }) {
  const [search, setSearch] = useState('');
  const goTo = (next: PalettePage) => {
    setSearch('');
    setCardUi({ palette: next });
  };
  const commands = useMemo(() => paletteCommands(page, onBlock, goTo), [page, onBlock]);
  const withCards = useMemo(() => (page === 'root' && search.trim() !== '' ? [...commands, ...cardCommands()] : commands), [commands, page, search]);
  const run = (c: PaletteCommand) => {
    // Pages lead on; every other command closes the palette first, so the focus is back on the board when it runs.
    if (!c.id.startsWith('go:')) setCardUi({ palette: null });
    c.run();
  };
  return (
    <Command label="Command palette" className="palette" loop>
      <Command.Input
        value={search}
        onValueChange={setSearch}
        placeholder={page === 'root' ? 'Type an action or a card' : page === 'assign' ? 'Type a name' : 'Type a state'}
        onKeyDown={(e) => {
          if (e.key === 'Backspace' && search === '' && cardUiStore.getState().palette !== 'root') goTo('root');
        }}
        data-testid="palette-input"
      />
      <Command.List className="palette-list" data-testid="palette-list">
        <Command.Empty className="muted palette-empty">Nothing matches.</Command.Empty>
        {groups(withCards).map(([heading, items]) => (
          <Command.Group key={heading} heading={heading}>
            {items.map((c) => (
              <Command.Item key={c.id} value={c.id} keywords={[c.label]} onSelect={() => run(c)} className="palette-item">
                <span>{c.label}</span>
                {c.hint && <kbd className="palette-hint">{c.hint}</kbd>}
              </Command.Item>
            ))}
          </Command.Group>
        ))}
      </Command.List>
    </Command>
  );
}

/**
 * The palette closed. The dialog gives the focus back to the card it was opened from, but a
 * command that moved that card to another column drew it anew there: the focus follows it.
 */
function closed(): void {
  setCardUi({ palette: null });
  const { focused } = cardUiStore.getState();
  const lost = document.activeElement === null || document.activeElement === document.body;
  if (lost && focused) focusCard(focused);
}

export function CommandPalette({ onBlock }: { onBlock: (id: string) => void }) {
  const page = useCardUi((s) => s.palette);
  const box = useRef<HTMLDivElement>(null);
  // This effect runs after the dialog's own (showModal), in the same commit as the key that
  // opened it: the field has the focus before the next key arrives, however fast it is typed.
  useEffect(() => {
    if (page !== null) box.current?.querySelector<HTMLInputElement>('[cmdk-input]')?.focus();
  }, [page]);
  return (
    <Dialog open={page !== null} title={page === 'assign' ? 'Assign' : page === 'state' ? 'Set the state' : 'Commands'} onClose={closed}>
      <div ref={box}>{page !== null && <Palette key={page} page={page} onBlock={onBlock} />}</div>
    </Dialog>
  );
}
