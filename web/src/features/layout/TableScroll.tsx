import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways inside its own box on a narrow screen or at high zoom,
 * so the page itself never does (WCAG 1.4.10). Focusable and named, so keyboard users can
 * scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
