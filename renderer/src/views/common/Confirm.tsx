/**
 * Asking before a click destroys something: `const [confirm, dialog] = useConfirm()`, render
 * `dialog`, and `if (await confirm({...})) act()`. The question says in words what will happen;
 * Cancel is the default button, so Enter or Escape on a stray click keeps everything.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';

export interface ConfirmQuestion {
  title: string;
  /** What will happen, in a sentence or two. */
  body: ReactNode;
  /** The button that does it: a verb ("Remove Ada", "Finish the move"). */
  confirm: string;
}

export function useConfirm(): [(q: ConfirmQuestion) => Promise<boolean>, ReactNode] {
  const [question, setQuestion] = useState<ConfirmQuestion | null>(null);
  const answer = useRef<((yes: boolean) => void) | null>(null);
  const close = useCallback((yes: boolean) => {
    answer.current?.(yes);
    answer.current = null;
    setQuestion(null);
  }, []);
  const ask = useCallback((q: ConfirmQuestion) => {
    answer.current?.(false);
    setQuestion(q);
    return new Promise<boolean>((resolve) => {
      answer.current = resolve;
    });
  }, []);
  const dialog = (
    <Dialog open={question !== null} title={question?.title ?? ''} onClose={() => close(false)}>
      {question && (
        <div className="dialog-body" data-testid="confirm-dialog">
          <div className="confirm-body">{question.body}</div>
          <div className="dialog-actions">
            <button type="button" className="btn" autoFocus onClick={() => close(false)} data-testid="confirm-cancel">
              Cancel
            </button>
            <button type="button" className="btn btn-danger" onClick={() => close(true)} data-testid="confirm-yes">
              {question.confirm}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
  return [ask, dialog];
}
