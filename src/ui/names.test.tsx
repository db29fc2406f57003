// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from './App.tsx';
import { SimProvider } from './SimProvider.tsx';
import { SessionProvider } from './SessionProvider.tsx';
import { Quiz } from './lesson/LessonWidgets.tsx';
import { createSimStore, type SimStore } from '../app/simStore.ts';
import { createSession } from '../app/session.ts';
import { title } from '../app/format.ts';
import { loadPreset } from '../scenarios/index.ts';
import { parseLesson } from '../scenarios/lessons.ts';
import { frozenWall } from '../test/clock.ts';
import { AWKWARD_DISHES, AWKWARD_GROUPS, AWKWARD_KINDS, namesScenarios } from '../test/names.ts';

// docs/bad-input.md, "Names are data": what the page builds per name (station fields, latency
// by dish, the stock menu, consumer groups, quiz answers) shows every name, __proto__ too.

afterEach(cleanup);

const { awkward } = namesScenarios();

function renderAwkward(): SimStore {
  const make = () => createSimStore({ presetNames: ['names'], loadPreset: (n) => (n === 'names' ? awkward : loadPreset(n)), initialPreset: 'names', now: frozenWall });
  const store = make();
  const session = createSession(store, make);
  render(
    <SessionProvider session={session}>
      <SimProvider store={store}>
        <App presetNames={['names']} />
      </SimProvider>
    </SessionProvider>,
  );
  act(() => {
    store.getState().setMode('async');
    store.getState().syncTo(2 * 3600, true);
  });
  return store;
}
const tab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));

describe('the page with names that are Object.prototype members', () => {
  it('Setup has one field per station kind, and editing the constructor kind waits for Reset', () => {
    renderAwkward();
    tab('Setup');
    const setup = screen.getByRole('region', { name: 'Setup' });
    for (const kind of AWKWARD_KINDS) expect(within(setup).getByRole('textbox', { name: `${title(kind)} stations` }), kind).toBeInTheDocument();
    fireEvent.click(within(setup).getByRole('button', { name: 'Increase Constructor stations' }));
    expect(within(setup).getByRole('textbox', { name: 'Constructor stations' })).toHaveValue('2');
    expect(within(setup).getByText(/Waiting for Reset: constructor stations\./)).toBeInTheDocument();
  });

  it('latency by dish lists every dish, __proto__ first, each with what it served', () => {
    const store = renderAwkward();
    tab('More');
    const rows = [...document.querySelectorAll('table.dish-latency tbody tr')];
    expect(rows.map((r) => r.querySelector('th')!.textContent)).toEqual(AWKWARD_DISHES.map(title));
    const perDish = store.getState().stats.summary.perDish;
    expect(rows.map((r) => Number(r.querySelector('td')!.textContent))).toEqual(AWKWARD_DISHES.map((d) => perDish[d]!.served));
    expect(perDish.__proto__!.served).toBeGreaterThan(0);
  });

  it('the event log lists every consumer group and offers every dish for stock, and Out of it applies to __proto__', () => {
    const store = renderAwkward();
    tab('Event log');
    const groups = within(screen.getByRole('list', { name: 'Consumer groups' }));
    for (const g of ['runners', ...AWKWARD_GROUPS]) expect(groups.getByText(title(g), { selector: 'strong' }), g).toBeInTheDocument();
    const dish = screen.getByRole('combobox', { name: 'Dish' }) as HTMLSelectElement;
    expect([...dish.options].map((o) => o.value)).toEqual(AWKWARD_DISHES);
    expect(dish.value).toBe('__proto__');
    fireEvent.click(screen.getByRole('button', { name: 'Out of it' }));
    expect(store.getState().snapshot.consumers.stock.__proto__).toBe(0);
    expect(dish.options[0]!.textContent).toBe('__proto__ (0 left)');
  });

  it("a quiz whose messages are named constructor, toString and __proto__ starts unanswered and counts each answer", () => {
    const lesson = parseLesson(
      {
        id: 'names',
        title: 'Names',
        scenario: 'friday-rush',
        narrative: ['A restaurant.'],
        prediction: { question: 'What?', options: ['a', 'b'], answer: 0, explanation: 'Because.' },
        tour: [{ title: 'Look', text: 'Look at it.' }],
        learning: ['Names are data.'],
        quiz: ['constructor', 'toString', '__proto__'].map((message) => ({ message, answer: 'event', why: 'It is a fact.' })),
      },
      loadPreset,
    );
    const make = () => createSimStore({ presetNames: ['names'], loadPreset: () => awkward, initialPreset: 'names', now: frozenWall });
    const store = make();
    render(
      <SessionProvider session={createSession(store, make)}>
        <SimProvider store={store}>
          <Quiz lesson={lesson} />
        </SimProvider>
      </SessionProvider>,
    );
    const quiz = screen.getByRole('region', { name: 'Quiz: command or event?' });
    // Nothing answered: no mark (an inherited `constructor` answered ✗ before anyone chose).
    expect(quiz.querySelectorAll('.mark')).toHaveLength(0);
    expect(within(quiz).getByText(/0 of 3 answered, 0 right\./)).toBeInTheDocument();
    fireEvent.click(within(within(quiz).getByRole('group', { name: '__proto__' })).getByRole('radio', { name: 'event' }));
    expect(within(quiz).getByText(/1 of 3 answered, 1 right\./)).toBeInTheDocument();
    fireEvent.click(within(within(quiz).getByRole('group', { name: 'constructor' })).getByRole('radio', { name: 'command' }));
    expect(within(quiz).getByText(/2 of 3 answered, 1 right\./)).toBeInTheDocument();
    expect(quiz.querySelectorAll('.mark')).toHaveLength(2);
  });
});
