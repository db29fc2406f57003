// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import { renderPage } from '../../test/page.tsx';
import { loadPreset } from '../../scenarios/index.ts';
import { LESSON_IDS, loadLesson, LessonError, parseLesson } from '../../scenarios/lessons.ts';
import { registerWidget, widgetNames, widgetOf } from './parts.tsx';
import { stageOf } from './stages.tsx';

afterEach(cleanup);

const good = { id: 'x-lesson', title: 'T', scenario: 'friday-rush', narrative: ['n'], prediction: { question: 'q', options: ['a', 'b'], answer: 0, explanation: 'e' }, tour: [{ title: 's', text: 't' }], learning: ['l'] };

describe('lessons name their widgets and stage from the page’s tables', () => {
  it('every shipped lesson’s widgets and stage are in the tables', () => {
    for (const id of LESSON_IDS) {
      const l = loadLesson(id, loadPreset);
      for (const p of [...l.introParts, ...l.tour.flatMap((s) => s.parts), ...l.summaryParts]) expect(() => widgetOf(p), `${id}: ${p}`).not.toThrow();
      expect(() => stageOf(l.stage), id).not.toThrow();
    }
  });

  it('an unknown widget or stage is refused, naming the lesson, the step and the name', () => {
    const bad = { ...good, tour: [{ title: 's', text: 't' }, { title: 'Look here', text: 't', parts: ['log', 'the-whole-page'] }] };
    expect(() => parseLesson(bad, loadPreset)).toThrow(LessonError);
    expect(() => parseLesson(bad, loadPreset)).toThrow(`tour.1.parts.1: lesson "x-lesson", step 2 ("Look here"): unknown widget "the-whole-page" (known: ${widgetNames().join(', ')})`);
    expect(() => parseLesson({ ...good, introParts: ['moon'] }, loadPreset)).toThrow(/^introParts\.0: lesson "x-lesson", the introduction: unknown widget "moon"/);
    expect(() => parseLesson({ ...good, stage: 'moon' }, loadPreset)).toThrow('stage: lesson "x-lesson": unknown stage "moon" (known: floor, fanout, login, transfer)');
  });

  it('the store refuses such a lesson from the console, keeping what was running', () => {
    const { store } = renderPage();
    act(() => expect(() => store.getState().startLesson({ ...good, scenario: loadPreset('friday-rush'), summaryParts: ['moon'] } as never)).toThrow(/unknown widget "moon"/));
    expect(store.getState().lesson).toBeNull();
  });

  it('a new widget is one table entry and the lesson’s JSON naming it', () => {
    const json = { ...good, id: 'plug-in', tour: [{ title: 'Meet it', text: 't', parts: ['test-widget', 'tiles'] }] };
    expect(() => parseLesson(json, loadPreset)).toThrow(/unknown widget "test-widget"/);
    registerWidget('test-widget', { name: 'Test widget', render: (lesson) => <p>Hello from {lesson.id}</p> });
    expect(() => registerWidget('test-widget', { name: 'Again', render: () => null })).toThrow('widget "test-widget" is already registered');
    const { store } = renderPage();
    act(() => store.getState().startLesson(parseLesson(json, loadPreset)));
    expect(screen.queryByText('Hello from plug-in')).toBeNull();
    act(() => store.getState().goToStep(0));
    const box = document.querySelector('[data-part="test-widget"]');
    expect(box?.textContent).toBe('Hello from plug-in');
    expect(document.querySelector('[data-part="tiles"]')).not.toBeNull();
  });
});
