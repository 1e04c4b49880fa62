/** Errors (kept until dismissed) and short confirmations, read out by screen readers. */
import { useSprint } from '../../store';

export function Notices() {
  const notices = useSprint((s) => s.notices);
  const dismiss = useSprint((s) => s.dismiss);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'} data-testid={`notice-${n.kind}`}>
          <span className="notice-text">{n.text}</span>
          <button type="button" className="btn-icon" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
