import { dishCode } from '../bus/subscribers.ts';
import type { Core, Ticket } from './core.ts';

/**
 * The switches and buttons of the lessons on anti-patterns and contracts
 * (docs/lessons.md): the shape of `DishReady` the kitchen publishes (its contract), the
 * sync-over-async anti-pattern, a command disguised as an event, and a poison message.
 */

/** The shapes of DishReady: v1, v1 with an optional field added, or v2 (dishCode instead of dish). */
export type Contract = 'v1' | 'v1-extra' | 'v2';

/** What the other parts use of the teaching hooks. */
export interface Teaching {
  /** The DishReady shape the kitchen publishes now. */
  contract: Contract;
  /** In async mode, waiters still wait at the pass for every DishReady of their order. */
  syncOverAsync: boolean;
  /** The DishReady payload and schema for ticket `t` under the contract now in force. */
  dishReady(t: Ticket): { data: unknown; dataschema: string };
  /** @throws Error for a version that is no contract. */
  setContract(version: unknown): void;
  /** Publish `SendEmailToCustomer` on the `emails` topic: an imperative dressed as an event. */
  publishDisguisedCommand(): void;
  /** Publish a DishReady in a shape (v2) no consumer of this restaurant reads. */
  injectPoison(): void;
}

/** The teaching hooks of `core`'s restaurant (contract v1, anti-pattern off). */
export function createTeaching(core: Core): Teaching {
  const { bus } = core;
  let poisonCount = 0;
  let disguisedCount = 0;
  const teaching: Teaching = {
    contract: 'v1',
    syncOverAsync: false,
    dishReady(t) {
      const table = t.party.table;
      const data =
        teaching.contract === 'v2'
          ? { ticketId: t.id, dishCode: dishCode(t.dish), table }
          : teaching.contract === 'v1-extra'
            ? { ticketId: t.id, dish: t.dish, table, allergens: [] as string[] }
            : { ticketId: t.id, dish: t.dish, table };
      return { data, dataschema: teaching.contract === 'v2' ? 'orderup:DishReady/v2' : 'orderup:DishReady/v1' };
    },
    setContract(version) {
      if (version !== 'v1' && version !== 'v1-extra' && version !== 'v2') throw new Error(`no DishReady version "${String(version)}"`);
      teaching.contract = version;
    },
    publishDisguisedCommand() {
      const n = ++disguisedCount;
      bus.publish('emails', 'SendEmailToCustomer', { to: `party-${n}`, text: 'Your table is ready' }, {
        source: '/floor/host',
        subject: `email-${n}`,
        correlationid: `email-${n}`,
        causationid: null,
      });
    },
    injectPoison() {
      const n = ++poisonCount;
      bus.publish('pass', 'DishReady', { id: `poison-${n}`, dish: { name: 'mystery' } }, {
        source: '/kitchen/unknown',
        subject: `poison-${n}`,
        correlationid: `poison-${n}`,
        causationid: null,
        dataschema: 'orderup:DishReady/v2',
      });
    },
  };
  return teaching;
}
