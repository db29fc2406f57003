// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { SimStore } from '../../app/simStore.ts';
import { renderPage as renderWhole } from '../../test/page.tsx';

afterEach(cleanup);

function renderAsync() {
  const { store } = renderWhole('friday-rush');
  fireEvent.click(screen.getByRole('radio', { name: 'Asynchronous' }));
  fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '64' } });
  fireEvent.click(screen.getByRole('button', { name: 'Event log' }));
  return store;
}
const frames = (store: SimStore, n: number) =>
  act(() => {
    for (let i = 0; i < n; i++) store.getState().tick(0.1);
  });
const group = (name: string) => within(screen.getByRole('list', { name: 'Consumer groups' })).getByText(name, { selector: 'strong' }).closest('li')!;

describe('the event log panel', () => {
  it('lists every message and each consumer group with its lag', () => {
    const store = renderAsync();
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    frames(store, 12);
    const log = store.getState().eventLog();
    expect(log.entries.length).toBeGreaterThan(50);
    expect(screen.getByText(`${log.entries.length} of ${log.entries.length}`)).toBeInTheDocument();
    for (const g of ['Runners', 'Billing', 'Analytics', 'Notifications', 'Loyalty']) expect(group(g)).toBeInTheDocument();
    const lag = within(group('Analytics')).getByRole('meter', { name: 'Analytics lag' });
    const analytics = store.getState().snapshot.consumers.groups.find((g) => g.group === 'analytics')!;
    expect(lag).toHaveAttribute('aria-valuenow', String(analytics.lag));
  });

  it('filters by type', () => {
    const store = renderAsync();
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    frames(store, 12);
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by type' }), { target: { value: 'DishReady' } });
    const all = store.getState().eventLog().entries;
    const ready = all.filter((e) => e.type === 'DishReady').length;
    expect(screen.getByText(`${ready} of ${all.length}`)).toBeInTheDocument();
  });

  it('crashing billing without idempotency shows the double charge; restarting it catches up', () => {
    const store = renderAsync();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Idempotent handlers' }));
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    frames(store, 12);
    const billing = () => store.getState().snapshot.consumers.groups.find((g) => g.group === 'billing')!;
    while (billing().uncommitted === 0) frames(store, 1);
    fireEvent.click(screen.getByRole('button', { name: 'Crash billing' }));
    expect(within(group('Billing')).getByText('crashed')).toBeInTheDocument();
    frames(store, 3);
    fireEvent.click(screen.getByRole('button', { name: 'Restart billing' }));
    frames(store, 6);
    expect(billing().duplicates).toBeGreaterThan(0);
    expect(screen.getByRole('status', { name: 'Billing check' })).toHaveTextContent(/too much: redelivered dishes charged twice/);
  });

  it('a malformed event ends in the dead-letter topic, shown in the panel', () => {
    const store = renderAsync();
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    frames(store, 3);
    fireEvent.click(screen.getByRole('button', { name: 'Publish a malformed event' }));
    frames(store, 6);
    expect(screen.getByRole('heading', { name: /Dead-letter topic \(\d+\)/ })).toHaveTextContent('Dead-letter topic (4)');
    expect(screen.getByText(/runners/, { selector: 'button' })).toBeInTheDocument();
  });
});
