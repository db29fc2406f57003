// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { renderPage } from '../../test/page.tsx';
import { loadLesson } from '../../scenarios/lessons.ts';
import { loadPreset } from '../../scenarios/index.ts';

afterEach(cleanup);

describe("the fan-out lesson's Task box", () => {
  it('brings a number outside 1…N into range with a notice, and leaves the task alone while empty', () => {
    const { store } = renderPage();
    act(() => store.getState().startLesson(loadLesson('fan-out', loadPreset)));
    act(() => store.getState().goToStep(0));
    const box = screen.getByRole('spinbutton', { name: 'Task' }) as HTMLInputElement;
    const max = Number(box.max);
    expect(max).toBeGreaterThan(5);
    fireEvent.change(box, { target: { value: '4' } });
    expect(screen.getByText(/^Task 4 of /)).toBeTruthy();
    fireEvent.change(box, { target: { value: '' } });
    expect(screen.getByText(/^Task 4 of /)).toBeTruthy();
    fireEvent.change(box, { target: { value: '-5' } });
    expect(store.getState().notices.at(-1)?.text).toBe('Task: -5 is below the minimum 1; using 1.');
    expect(screen.getByText(/^Task 1 of /)).toBeTruthy();
    fireEvent.change(box, { target: { value: '1e9' } });
    expect(store.getState().notices.at(-1)?.text).toBe(`Task: 1000000000 is above the maximum ${max}; using ${max}.`);
    expect(screen.getByText(new RegExp(`^Task ${max} of ${max}`))).toBeTruthy();
    fireEvent.change(box, { target: { value: '2.5' } });
    expect(store.getState().notices.at(-1)?.text).toBe('Task: 2.5 is not a whole number; using 3.');
  });
});
