import { useSim } from './SimProvider.tsx';
import { G, useGlossaryOpen } from './Term.tsx';

const METAPHOR: [string, string][] = [
  ['waiter taking an order', 'the API / request handler a user talks to'],
  ['waiter frozen at the pass', 'a thread blocked on a synchronous call'],
  ['ticket to the kitchen (PlaceOrder)', 'a command to one service, which may reject it'],
  ['the kitchen', 'a worker service with limited capacity'],
  ['"order up!" at the pass (DishReady)', 'an event published to a topic'],
  ['runners', 'a consumer group sharing the work'],
  ['dishes waiting at the pass', 'consumer lag'],
];

/** What sync and async mean here, the current mode highlighted, and the metaphor's legend. */
export function Explainer() {
  const mode = useSim((s) => s.mode);
  const description = useSim((s) => s.scenario.description);
  return (
    <section className="explainer" aria-label="How it works" id="how-it-works" tabIndex={-1}>
      <h2>How it works</h2>
      <p className="lede">
        <G>{description}</G>
      </p>
      <div className={`mode-card ${mode === 'sync' ? 'current' : ''}`}>
        <h3>
          <G>Synchronous</G> {mode === 'sync' && <span className="now">running now</span>}
        </h3>
        <p>
          <G>
          The waiter takes the order, carries the ticket to the kitchen and stands at the pass until every dish of the order
          is cooked, then carries them out. Like a thread blocked on a call, a waiter at the pass serves nobody else: the
          door queue grows while the kitchen may have room to spare.
          </G>
        </p>
      </div>
      <div className={`mode-card ${mode === 'async' ? 'current' : ''}`}>
        <h3>
          <G>Asynchronous</G> {mode === 'async' && <span className="now">running now</span>}
        </h3>
        <p>
          <G>
          The waiter sends a <code>PlaceOrder</code> command (a ticket to exactly one handler, the kitchen) and goes straight
          back to the floor. When a dish is done the kitchen publishes a <code>DishReady</code> event on the pass; any free
          runner picks it up. Nobody waits on the kitchen, so a slow steak no longer holds up someone else's salad.
          </G>
        </p>
      </div>
      <details className="legend">
        <summary>The metaphor, mapped</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Restaurant</th>
              <th scope="col">Software</th>
            </tr>
          </thead>
          <tbody>
            {METAPHOR.map(([a, b]) => (
              <tr key={a}>
                <td>
                  <G>{a}</G>
                </td>
                <td>
                  <G>{b}</G>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="shapes">
          <span className="shape waiter" /> waiter · <span className="shape runner" /> runner · <span className="shape cook" /> cook ·{' '}
          <span className="shape party" /> party · <span className="shape blocked" /> blocked (red ring, timer)
        </p>
      </details>
      <p>
        <button type="button" className="link" onClick={() => useGlossaryOpen.getState().setOpen(true)}>
          Glossary
        </button>{' '}
        <span className="muted">every technical word on the page, in the restaurant&apos;s words and the software&apos;s</span>
      </p>
    </section>
  );
}
