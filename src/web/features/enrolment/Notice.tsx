import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * The outcome of an action, shown in a status message that takes the keyboard focus: the button that was
 * pressed often disappears with the action (an approved request has no "approve" any more), and the focus
 * must not fall back to the top of the page.
 */
export function useNotice() {
  const [notice, setNotice] = useState<{ text: string; serial: number } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!notice) return;
    // After the dialog that asked for the action has closed and given the focus back to its opener.
    const timer = window.setTimeout(() => ref.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, [notice]);
  const node: ReactNode = notice ? (
    <div ref={ref} tabIndex={-1} className="alert alert-success" role="status">
      {notice.text}
    </div>
  ) : null;
  return {
    show: (text: string) => setNotice((n) => ({ text, serial: (n?.serial ?? 0) + 1 })),
    clear: () => setNotice(null),
    node,
  };
}
