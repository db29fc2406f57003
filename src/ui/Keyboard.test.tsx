// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderPage } from '../test/page.tsx';
import { SHORTCUTS } from '../app/shortcuts.ts';

afterEach(cleanup);
const press = (key: string, target: Element = document.body) => act(() => void fireEvent.keyDown(target, { key }));

describe('keyboard shortcuts on the page', () => {
  it('Space, ., +, -, R, M work from the page and leave typing alone', () => {
    const { store } = renderPage();
    press(' ');
    expect(store.getState().playing).toBe(true);
    press(' ');
    expect(store.getState().playing).toBe(false);
    const events = store.getState().restaurant().eventsFired;
    press('.');
    expect(store.getState().restaurant().eventsFired).toBe(events + 1);
    press('+');
    expect(store.getState().speed).toBe(2);
    press('-');
    press('-');
    expect(store.getState().speed).toBe(0.5);
    press('m');
    expect(store.getState().mode).toBe('async');
    expect(screen.getByRole('radio', { name: 'Asynchronous' })).toBeChecked();
    press('r');
    expect(store.getState().snapshot.time).toBe(0);
    // In a field, the keys type.
    fireEvent.click(screen.getByRole('button', { name: 'Setup' }));
    const field = within(screen.getByRole('region', { name: 'Setup' })).getAllByRole('textbox')[0] ?? within(screen.getByRole('region', { name: 'Setup' })).getAllByRole('spinbutton')[0]!;
    press('m', field);
    expect(store.getState().mode).toBe('async');
  });

  it('C opens compare mode with two named floors, P presenter mode, ? the dialog listing every shortcut', () => {
    const { session } = renderPage();
    press('c');
    expect(session.getState().compare).toBe(true);
    expect(screen.getByRole('region', { name: 'Restaurant floor (Synchronous)' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Restaurant floor (Asynchronous)' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Comparison' }).textContent).toMatch(/Both have served 0 dishes/);
    press('m'); // refused in compare, with the reason
    expect(screen.getByRole('status').textContent).toMatch(/left restaurant is synchronous/);
    press('p');
    expect(session.getState().presenter).toBe(true);
    expect(document.querySelector('.app')!.className).toContain('presenter');
    expect(screen.queryByRole('button', { name: /Setup/ })).toBeNull(); // editing panels hidden
    press('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const s of SHORTCUTS) expect(within(dialog).getByText(s.label)).toBeInTheDocument();
    press('c', dialog); // the dialog owns the keyboard
    expect(session.getState().compare).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    press('c');
    expect(session.getState().compare).toBe(false);
    expect(screen.getByRole('region', { name: 'Restaurant floor' })).toBeInTheDocument();
  });

  it('D describes the floor in a polite status region', () => {
    renderPage();
    press('d');
    expect(screen.getByRole('status').textContent).toMatch(/At 0:00:00, synchronous service\. 3 waiters: 3 idle\./);
  });
});
