import type { ReactNode } from 'react';

/**
 * The horizontally scrollable wrapper of a wide table. On small screens it scrolls, so it must be reachable
 * and scrollable with the keyboard (WCAG 2.1.1): it is focusable and named after the table.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable
    <section className="table-responsive" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
