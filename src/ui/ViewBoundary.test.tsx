// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { renderPage } from '../test/page.tsx';
import { reloadHref } from './ViewBoundary.tsx';

afterEach(cleanup);

describe('a view that throws while drawing (docs/bad-input.md)', () => {
  it('shows what failed in its place, keeps the rest of the page, and draws again on Try again', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { store } = renderPage();
    const good = store.getState().snapshot;
    // A state no view expects (what a console caller could set with setState).
    act(() => store.setState({ snapshot: { ...good, parties: null as never, staff: null as never, door: null as never } }));
    const alerts = screen.getAllByRole('alert').filter((a) => /could not draw/.test(a.textContent ?? ''));
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts[0]!.textContent).toMatch(/Order Up could not draw the (stage|side panel|bottom strip)\. The simulation itself is untouched\./);
    // The page is not blank: the top bar still works.
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Reload keeping this setup' }).length).toBe(alerts.length);
    act(() => store.setState({ snapshot: good }));
    for (const b of screen.getAllByRole('button', { name: 'Try again' })) fireEvent.click(b);
    expect(screen.queryAllByRole('alert').filter((a) => /could not draw/.test(a.textContent ?? ''))).toHaveLength(0);
    warn.mockRestore();
    error.mockRestore();
  });

  it('the reload address carries the setup on screen, paused', () => {
    const { store, session } = renderPage();
    act(() => store.getState().setParam('tables', 7));
    act(() => store.getState().reset());
    act(() => session.getState().setPresenter(true));
    const href = reloadHref(session);
    expect(href).toMatch(/[?&]tables=7(&|$)/);
    expect(href).toMatch(/[?&]presenter(&|$)/);
    expect(href).toMatch(/[?&]paused(&|$)/);
    expect(href).toMatch(/[?&]scenario=friday-rush/);
  });
});
