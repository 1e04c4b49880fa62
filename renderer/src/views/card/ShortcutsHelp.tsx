/** The board's shortcuts (`?`). */
import { Dialog } from '../common/Dialog';
import { SHORTCUTS } from './shortcuts';
import { setCardUi, useCardUi } from './cardUi';

export function ShortcutsHelp() {
  const open = useCardUi((s) => s.help);
  const close = () => setCardUi({ help: false });
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={close}>
      <div className="dialog-body">
        <dl className="shortcuts" data-testid="shortcuts">
          {SHORTCUTS.map((s) => (
            <div key={s.keys} className="shortcut">
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>{s.what}</dd>
            </div>
          ))}
        </dl>
        <div className="dialog-actions">
          <button type="button" className="btn btn-primary" onClick={close} autoFocus>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
