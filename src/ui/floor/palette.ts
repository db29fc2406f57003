/**
 * The visual language of docs/visual-language.md: shape tells the role, colour + icon + label tell the state.
 * Role colours from the Okabe–Ito colour-blind-safe palette; red is reserved for blocked.
 */
export const ROLE_COLOUR = { waiter: '#0072B2', runner: '#009E73', cook: '#E69F00', party: '#CC79A7' } as const;
export const BLOCKED = '#C62828';
export const IDLE = '#9AA0A6';
export const INK = '#1B1F24';
export const MUTED = '#5B6470';

/** Colours for station kinds, in the order the kitchen lists them (Okabe–Ito, no red). */
const KIND_COLOURS = ['#56B4E9', '#E69F00', '#CC79A7', '#009E73', '#0072B2', '#F0E442', '#999999'];
export function kindColour(index: number): string {
  return KIND_COLOURS[index % KIND_COLOURS.length]!;
}

/** Plain words for staff states, as labels and screen readers say them. */
export const STAFF_STATE_LABEL: Record<string, string> = {
  idle: 'idle',
  walkingToTable: 'walking to a table',
  takingOrder: 'taking an order',
  submittingTicket: 'sending the ticket',
  walkingToKitchen: 'carrying the ticket to the kitchen',
  blockedAtPass: 'blocked at pass',
  walkingToPass: 'walking to the pass',
  carryingDish: 'carrying a dish',
};

/** Short labels drawn under each person. */
export const STAFF_STATE_SHORT: Record<string, string> = {
  idle: 'idle',
  walkingToTable: 'to table',
  takingOrder: 'ordering',
  submittingTicket: 'sending',
  walkingToKitchen: 'to kitchen',
  blockedAtPass: 'waiting',
  walkingToPass: 'to pass',
  carryingDish: 'carrying',
};

export const PARTY_STATE_LABEL: Record<string, string> = {
  waitingForTable: 'at the door',
  seated: 'seated',
  ordering: 'ordering',
  waitingForFood: 'waiting',
  eating: 'eating',
  paying: 'paying',
};

/** The same, for tables too narrow for the words above. */
export const PARTY_STATE_SHORT: Record<string, string> = {
  waitingForTable: 'door',
  seated: 'seated',
  ordering: 'order',
  waitingForFood: 'wait',
  eating: 'eat',
  paying: 'pay',
};

export const PARTY_FILL: Record<string, string> = {
  seated: '#F3E8F1',
  ordering: '#F3E8F1',
  waitingForFood: '#FBE3D4',
  eating: '#DDF3EA',
  paying: '#FFF6CC',
};
