// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { NOTICE_MS } from './Notices.tsx';
import type { SimStore } from '../app/simStore.ts';
import { PRESET_NAMES } from '../scenarios/index.ts';
import { renderPage as renderWhole } from '../test/page.tsx';

afterEach(cleanup);

function renderPage(preset = 'friday-rush') {
  const { store } = renderWhole(preset);
  return store;
}

/** Run `frames` animation frames of `seconds` wall time each (the frame loop's job in the browser). */
function frames(store: SimStore, n: number, seconds = 0.1) {
  act(() => {
    for (let i = 0; i < n; i++) store.getState().tick(seconds);
  });
}

/** The number shown by a big figure of the Metrics region, e.g. "Dishes served" → 97. */
function figure(name: string): number {
  const metrics = screen.getByRole('region', { name: 'Metrics' });
  const text = within(metrics).getByRole('group', { name }).textContent ?? '';
  const m = /^\D*?(\d+(?:\.\d+)?)/.exec(text.replace(name, ''));
  if (!m) throw new Error(`no number in ${name}: ${text}`);
  return Number(m[1]);
}

/** Dishes served since opening, as the Throughput tile says it ("97 dishes served since opening"). */
function servedShown(): number {
  const text = within(screen.getByRole('region', { name: 'Metrics' })).getByRole('group', { name: 'Throughput' }).textContent ?? '';
  const m = /(\d+) dishes served/.exec(text);
  if (!m) throw new Error(`no dishes served in: ${text}`);
  return Number(m[1]);
}

const clockText = () => screen.getByLabelText('Simulated time').textContent ?? '';

describe('the live page', () => {
  it('Play advances simulated time and Dishes served grows; Pause stops it', () => {
    const store = renderPage();
    expect(servedShown()).toBe(0);
    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '64' } });
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    frames(store, 20); // 2 s of wall time at 64× = 128 simulated minutes
    expect(clockText()).not.toMatch(/^0:00:00/);
    const served = servedShown();
    expect(served).toBeGreaterThan(20);
    expect(screen.getByRole('group', { name: 'Throughput' }).textContent).toMatch(/\d+ dishes\/h/);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    const t = store.getState().snapshot.time;
    frames(store, 10);
    expect(store.getState().snapshot.time).toBe(t);
  });

  it('switching to Asynchronous while running changes new orders and the blocked figure falls', () => {
    const store = renderPage();
    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '32' } });
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    frames(store, 50); // 80 simulated minutes
    const blockedSync = figure('Floor staff blocked');
    expect(blockedSync).toBeGreaterThan(30);
    // A waiter is named by state, e.g. "Waiter 1: blocked at pass".
    const floor = screen.getByRole('region', { name: 'Restaurant floor' });
    expect(within(floor).getAllByRole('img', { name: /^Waiter \d: / }).length).toBe(3);

    fireEvent.click(screen.getByRole('radio', { name: 'Asynchronous' }));
    expect(screen.getByRole('radio', { name: 'Asynchronous' })).toBeChecked();
    const switchedAt = store.getState().snapshot.time;
    frames(store, 40); // 64 more simulated minutes, longer than the 15-minute window
    const tickets = store.getState().snapshot.tickets.filter((t) => t.orderedAt !== null && t.orderedAt > switchedAt);
    expect(tickets.length).toBeGreaterThan(0);
    expect(tickets.every((t) => t.protocol === 'async')).toBe(true);
    expect(figure('Floor staff blocked')).toBe(0);
    expect(within(floor).queryAllByRole('img', { name: /^Waiter \d: blocked at pass/ })).toHaveLength(0);
  });

  it('Reset restores the scenario at time zero, with the mode kept', () => {
    const store = renderPage();
    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '64' } });
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    frames(store, 20);
    expect(servedShown()).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(clockText()).toMatch(/^0:00:00/);
    expect(servedShown()).toBe(0);
    expect(store.getState().snapshot.parties).toHaveLength(0);
  });

  it('Step advances exactly one simulation event and pauses', () => {
    const store = renderPage();
    const r = () => store.getState().restaurant();
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    const before = r().eventsFired;
    const t0 = r().now;
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(r().eventsFired).toBe(before + 1);
    expect(r().now).toBeGreaterThanOrEqual(t0);
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('clamps an out-of-range parameter with a visible message and waits for Reset to apply it', () => {
    const store = renderPage();
    fireEvent.click(screen.getByRole('button', { name: /^Setup/ }));
    const tables = screen.getByRole('textbox', { name: 'Tables' });
    fireEvent.change(tables, { target: { value: '500' } });
    fireEvent.keyDown(tables, { key: 'Enter' });
    expect(screen.getByRole('status')).toHaveTextContent('Tables: 500 is above the maximum 40; using 40.');
    expect(tables).toHaveValue('40');
    expect(screen.getByText(/Waiting for Reset: tables/)).toBeInTheDocument();
    expect(store.getState().scenario.tables).toBe(24); // still the running restaurant
    fireEvent.change(tables, { target: { value: 'lots' } });
    fireEvent.blur(tables);
    expect(screen.getByRole('status')).toHaveTextContent('Tables: "lots" is not a number; kept 40.');
    fireEvent.click(screen.getByRole('button', { name: 'Reset to apply' }));
    expect(store.getState().scenario.tables).toBe(40);
    expect(screen.getByRole('region', { name: 'Restaurant floor' }).querySelectorAll('[aria-label^="Table "]')).toHaveLength(40);
  });

  it('a notice goes by itself after a while, and Reset clears notices about the old run', () => {
    vi.useFakeTimers();
    try {
      const store = renderPage();
      act(() => store.getState().setParam('waiters', 99));
      expect(screen.getByRole('status')).toHaveTextContent('Waiters: 99 is above the maximum 12; using 12.');
      act(() => vi.advanceTimersByTime(NOTICE_MS + 10));
      expect(screen.getByRole('status')).toBeEmptyDOMElement();
      act(() => store.getState().setParam('waiters', 0));
      expect(screen.getByRole('status')).not.toBeEmptyDOMElement();
      fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
      expect(screen.getByRole('status')).toBeEmptyDOMElement();
    } finally {
      vi.useRealTimers();
    }
  });

  it('the arrival rate applies live', () => {
    const store = renderPage();
    fireEvent.click(screen.getByRole('button', { name: /^Setup/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Increase Arrival rate' }));
    expect(store.getState().snapshot.arrivalRatePerHour).toBe(37);
    expect(screen.queryByText(/Waiting for Reset/)).toBeNull();
  });

  it('the Scenario picker lists the presets and loads one', () => {
    const store = renderPage();
    const picker = screen.getByRole('combobox', { name: 'Scenario' });
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual([...PRESET_NAMES]);
    fireEvent.change(picker, { target: { value: 'slow-steak' } });
    expect(store.getState().scenario.name).toBe('slow-steak');
    // The line may mark glossary terms inside it: compare the paragraph's whole text.
    expect(document.querySelector('.watch')?.textContent).toContain(store.getState().scenario.watch);
  });
});
