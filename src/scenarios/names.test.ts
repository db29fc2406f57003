import { describe, expect, it } from 'vitest';
import { loadPreset, parseScenario, ScenarioError } from './index.ts';
import { loadLesson, parseLesson } from './lessons.ts';
import { AWKWARD_DISHES, AWKWARD_GROUPS, AWKWARD_KINDS, namesScenarioJson } from '../test/names.ts';

// docs/bad-input.md, "Names are data": the schema keeps every name as given, and a key the
// format does not have is refused whatever it is called.

describe('scenario schema and names', () => {
  it('keeps every dish, kind and group named like an Object.prototype member, __proto__ included', () => {
    // Through JSON, as a file arrives: `__proto__` is then an own key of the parsed object.
    const s = parseScenario(JSON.parse(JSON.stringify(namesScenarioJson())));
    expect(s.menu.map((m) => m.dish)).toEqual(AWKWARD_DISHES);
    expect(s.kitchen.stations.map((k) => k.kind)).toEqual(AWKWARD_KINDS);
    expect([...new Set(s.subscribers.map((x) => x.group))]).toEqual(AWKWARD_GROUPS);
    expect(s.menu.find((m) => m.dish === '__proto__')!.stock).toBe(25);
    expect(s.faults.map((f) => f.station)).toEqual(['toString', 'constructor-1']);
    expect(s.consumerFaults.map((f) => f.group)).toEqual(['constructor', 'then']);
  });

  it('two dishes both named __proto__ are caught as a duplicate', () => {
    const json = namesScenarioJson();
    json.menu = [json.menu[0]!, { ...json.menu[0]! }];
    expect(() => parseScenario(json)).toThrow('menu[1].dish: dish "__proto__" is listed twice');
  });

  it('a station kind or group starting with _ gets the naming rule, not a crash', () => {
    const json = namesScenarioJson();
    json.kitchen.stations[0] = { kind: '__proto__', count: 1 };
    expect(() => parseScenario(json)).toThrow(/kitchen\.stations\[0\]\.kind: a letter, then letters/);
    const json2 = namesScenarioJson();
    json2.subscribers![0] = { name: 'billing', group: '__proto__' };
    expect(() => parseScenario(json2)).toThrow(/subscribers\[0\]\.group: lower-case letters/);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', '__defineGetter__'])(
    'a key "%s" the format does not have is refused, at the top and inside, never silently dropped',
    (key) => {
      const text = JSON.stringify(namesScenarioJson());
      const top = JSON.parse(text.replace(/^\{/, `{"${key}":{"tables":99},`)) as unknown;
      expect(() => parseScenario(top)).toThrow(`(scenario): Unrecognized key: "${key}"`);
      const inner = JSON.parse(text.replace('"staff":{', `"staff":{"${key}":7,`)) as unknown;
      expect(() => parseScenario(inner)).toThrow(`staff: Unrecognized key: "${key}"`);
      const dist = JSON.parse(text.replace('"walkSeconds":{', `"walkSeconds":{"${key}":1,`)) as unknown;
      expect(() => parseScenario(dist)).toThrow(ScenarioError);
    },
  );

  it("a lesson's own scenario with a __proto__ key is refused like a scenario file (not dropped on the way)", () => {
    const lesson = JSON.parse(JSON.stringify(loadLessonJson())) as Record<string, unknown>;
    lesson.scenario = JSON.parse(JSON.stringify(namesScenarioJson()).replace(/^\{/, '{"__proto__":{"tables":99},'));
    expect(() => parseLesson(lesson, loadPreset)).toThrow('scenario: (scenario): Unrecognized key: "__proto__"');
    // The same lesson with the awkward scenario itself is fine, and keeps its names.
    lesson.scenario = JSON.parse(JSON.stringify(namesScenarioJson()));
    expect(parseLesson(lesson, loadPreset).scenario.menu.map((m) => m.dish)).toEqual(AWKWARD_DISHES);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('no preset or lesson is called %s', (name) => {
    expect(() => loadPreset(name)).toThrow(`unknown scenario "${name}"`);
    expect(() => loadLesson(name, loadPreset)).toThrow(`unknown lesson "${name}"`);
  });
});

/** A minimal valid lesson around a preset. */
function loadLessonJson() {
  return {
    id: 'names',
    title: 'Names',
    scenario: 'friday-rush',
    narrative: ['A restaurant.'],
    prediction: { question: 'What?', options: ['a', 'b'], answer: 0, explanation: 'Because.' },
    tour: [{ title: 'Look', text: 'Look at it.' }],
    learning: ['Names are data.'],
  };
}
