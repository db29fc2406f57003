import { useContext, type ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { linkOf } from '../app/link.ts';
import { setupOf, type SessionStore } from '../app/session.ts';
import { visible } from '../app/visible.ts';
import { SessionContext } from './SessionProvider.tsx';

/**
 * The address that reopens the page with the setup on screen now (scenario, parameters,
 * mode, speed, compare, presenter; paused), or the current address when there is no session.
 */
export function reloadHref(session: SessionStore | null): string {
  if (!session) return location.href;
  try {
    return `${location.pathname}${linkOf({ ...setupOf(session), paused: true })}${location.hash}`;
  } catch {
    return location.href;
  }
}

/**
 * What a view shows in place of itself when drawing it threw (docs/bad-input.md, "The page
 * is never blank"): which part failed and why, that the simulation is untouched, *Try
 * again* (draw it anew) and *Reload keeping this setup*.
 */
function Fallback({ error, resetErrorBoundary, part, session }: FallbackProps & { part: string; session: SessionStore | null }) {
  const why = error instanceof Error ? error.message : String(error);
  return (
    <div className="view-error" role="alert">
      <p>
        <strong>Order Up could not draw {part}.</strong> The simulation itself is untouched.
        <br />
        <span className="view-error-why user-text">{visible(why.slice(0, 200))}</span>
      </p>
      <p className="view-error-actions">
        <button type="button" onClick={resetErrorBoundary}>
          Try again
        </button>
        <button type="button" onClick={() => location.assign(reloadHref(session))}>
          Reload keeping this setup
        </button>
      </p>
    </div>
  );
}

/**
 * An error boundary around one view (`part` names it for the message, e.g. "the floor"):
 * a render error there shows {@link Fallback} in its place while the rest of the page goes
 * on. Works outside a SessionProvider too (then the reload keeps the current address).
 */
export function ViewBoundary({ part, children }: { part: string; children: ReactNode }) {
  const session = useContext(SessionContext);
  return (
    <ErrorBoundary
      fallbackRender={(p) => <Fallback {...p} part={part} session={session} />}
      onError={(e) => console.warn(`Order Up: drawing ${part} failed:`, e)}
    >
      {children}
    </ErrorBoundary>
  );
}
