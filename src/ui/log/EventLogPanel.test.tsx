// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { SimProvider } from '../SimProvider.tsx';
import { MessageDetail } from './MessageDetail.tsx';
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

  it('an imported chain shows its first and last links and the count between; imported text is shown visibly escaped', async () => {
    const store = renderAsync();
    const events = Array.from({ length: 2000 }, (_, i) => ({
      specversion: '1.0', id: `e-${i}`, source: '/x', kind: 'event', offset: i, topic: 'chain',
      type: i === 1999 ? 'Dish\u202eReady' : `Step${i}`, ...(i > 0 ? { causationid: `e-${i - 1}` } : {}),
    }));
    await act(async () => {
      await store.getState().importLog(JSON.stringify(events), 'chain\u202e.json');
    });
    expect(screen.getByText('chain⟨U+202E⟩.json')).toHaveClass('user-text');
    // 2,000 types: the menu lists the top 50 and offers a search.
    const menu = screen.getByRole('combobox', { name: 'Filter by type' });
    expect(within(menu).getAllByRole('option').length).toBeLessThanOrEqual(52);
    expect(within(menu).getByText('… 1,950 more: search to find them')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search types' }), { target: { value: 'step1234' } });
    expect(within(menu).getByRole('option', { name: 'Step1234' })).toBeInTheDocument();
    // The newest link's detail (the virtual list draws no rows without a layout engine).
    render(
      <SimProvider store={store}>
        <MessageDetail id="e-1999" onSelect={() => {}} />
      </SimProvider>,
    );
    const chain = screen.getByRole('list', { name: 'Causation chain' });
    expect(within(chain).getAllByRole('button').map((b) => b.textContent?.replace(/^\S+ /, ''))).toEqual(['Step0', 'Step1', 'Step2', 'Step1997', 'Step1998', 'Dish⟨U+202E⟩Ready']);
    expect(within(chain).getByText('… 1,994 more messages between …')).toBeInTheDocument();
    expect(screen.getByText('2,000 messages long: the first and last 3 shown.')).toBeInTheDocument();
    expect(document.querySelector('pre.envelope')!.textContent).toContain('"type": "Dish⟨U+202E⟩Ready"');
  });
});
