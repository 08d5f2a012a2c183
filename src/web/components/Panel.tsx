import { Icon } from 'design-react-kit';
import type { ReactNode } from 'react';

/** A Bootstrap Italia 2 card (it-card markup: the kit's Card body still renders the Bootstrap 4 classes). */
export function Panel({
  title,
  level = 2,
  icon,
  children,
  className,
}: {
  title: string;
  level?: 2 | 3;
  icon?: string;
  children: ReactNode;
  className?: string;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article className={`it-card rounded shadow-sm border h-100 ${className ?? ''}`}>
      <Heading className="it-card-title h4 d-flex align-items-center gap-2">
        {icon ? <Icon icon={icon} color="primary" aria-hidden /> : null}
        <span>{title}</span>
      </Heading>
      <div className="it-card-body">{children}</div>
    </article>
  );
}
