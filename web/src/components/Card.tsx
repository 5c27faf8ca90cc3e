/** A titled panel of a result page; `name` is its `data-card` for tests. */
import type { ReactNode } from 'react';

export function Card({ title, tools, name, children, className }: { readonly title?: ReactNode; readonly tools?: ReactNode; readonly name?: string; readonly children?: ReactNode; readonly className?: string }) {
  return (
    <section className={`cn-card${className ? ` ${className}` : ''}`} data-card={name}>
      {title || tools ? (
        <h3>
          {title}
          {tools ? <span className="cn-card-tools">{tools}</span> : null}
        </h3>
      ) : null}
      {children}
    </section>
  );
}

/** A line of text for a state that is not an error: loading, or a note where a figure is absent. */
export function Note({ children, tone, name }: { readonly children: ReactNode; readonly tone?: 'info' | 'warn' | 'error'; readonly name?: string }) {
  return (
    <p className={`cn-note cn-note-${tone ?? 'info'}`} data-note={name}>
      {children}
    </p>
  );
}
