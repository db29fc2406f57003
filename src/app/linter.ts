import type { LogEntry } from './eventLog.ts';

/** One finding of the message linter. */
export interface LintFinding {
  type: string;
  rule: 'event-named-as-command' | 'command-named-as-event' | 'event-without-consumer';
  message: string;
}

/** Past tense, or a state reached: how an event should be named (DishReady, OrderPlaced, PaymentFailed). */
const FACT = /(ed|Ready|Done|Sent|Paid)$/;

/**
 * A live "linter" over the message types in a log (the anti-patterns lesson): an event named
 * like an order (a command in disguise), a command named like a fact, and an event that no
 * consumer group reads. `consumersOf(topic, type)` names the groups reading an event.
 */
export function lintMessages(entries: readonly LogEntry[], consumersOf: (topic: string, type: string) => string[]): LintFinding[] {
  const seen = new Map<string, LogEntry>();
  for (const e of entries) if (!seen.has(`${e.kind}:${e.type}`)) seen.set(`${e.kind}:${e.type}`, e);
  const out: LintFinding[] = [];
  for (const e of seen.values()) {
    if (e.kind === 'event' && !FACT.test(e.type)) {
      out.push({ type: e.type, rule: 'event-named-as-command', message: `${e.type} is published as an event but named as an order: a command in disguise. Send it to its one handler, or publish the fact it reacts to.` });
    }
    if (e.kind === 'command' && FACT.test(e.type)) {
      out.push({ type: e.type, rule: 'command-named-as-event', message: `${e.type} is sent as a command but named as a fact: commands are imperatives.` });
    }
    if (e.kind === 'event' && e.topic !== 'deadletter' && consumersOf(e.topic, e.type).length === 0) {
      out.push({ type: e.type, rule: 'event-without-consumer', message: `${e.type} on ${e.topic} has no consumer group: if one specific service must act on it, it is a command.` });
    }
  }
  return out;
}
