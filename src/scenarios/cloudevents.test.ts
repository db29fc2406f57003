import { describe, expect, it } from 'vitest';
import { createRestaurant } from '../sim/index.ts';
import { loadPreset } from './index.ts';
import { batchJson, BatchError, rfc3339ToSimTime, simTimeToRfc3339, toCloudEvent, type CloudEvent } from './cloudevents.ts';
import { parseBatch } from './batchReader.ts';

function sampleBatch(): CloudEvent[] {
  const r = createRestaurant({ ...loadPreset('kitchen-fire'), mode: 'async' });
  const events: CloudEvent[] = [];
  r.subscribe((m) => events.push(toCloudEvent(m)));
  r.runUntil(3600);
  return events;
}

describe('CloudEvents batches', () => {
  it('round-trip exactly: parse(write(batch)) writes the same text', () => {
    const events = sampleBatch();
    const text = batchJson(events);
    expect(batchJson(parseBatch(text))).toBe(text);
    // Written in chunks, the text is exactly JSON.stringify's.
    expect(text).toBe(JSON.stringify(events, null, 2) + '\n');
    expect(batchJson([])).toBe('[]\n');
  });

  it('map simulated time to RFC 3339 whose time of day is the page clock', () => {
    expect(simTimeToRfc3339(5025.5)).toBe('1970-01-01T01:23:45.500Z');
    expect(rfc3339ToSimTime('1970-01-01T01:23:45.500Z')).toBe(5025.5);
  });

  it('leave causationid out for a first cause and keep the extension attributes', () => {
    const [first] = sampleBatch();
    expect(first).not.toHaveProperty('causationid');
    expect(first).toMatchObject({ kind: 'command', topic: 'kitchen', offset: 0, type: 'PlaceOrder' });
  });

  it('name the first problem of a bad batch: entry index and field', () => {
    const good = sampleBatch().slice(0, 5);
    const bad = (mutate: (e: Record<string, unknown>[]) => unknown) => {
      const copy = JSON.parse(JSON.stringify(good));
      mutate(copy);
      return () => parseBatch(JSON.stringify(copy));
    };
    expect(bad((e) => delete e[3]!.id)).toThrow('entry 3, field "id": missing (required)');
    expect(bad((e) => (e[2]!.offset = -1))).toThrow(/^entry 2, field "offset": /);
    expect(bad((e) => (e[1]!.specversion = '0.3'))).toThrow(/^entry 1, field "specversion": /);
    expect(bad((e) => (e[4]!.time = 'yesterday'))).toThrow('entry 4, field "time": expected an RFC 3339 timestamp');
    expect(bad((e) => (e[4]!.id = e[0]!.id))).toThrow(/^entry 4, field "id": ".*" is used by an earlier event/);
    expect(() => parseBatch('{"events": []}')).toThrow('a CloudEvents batch is a JSON array of events; this file holds object');
    expect(() => parseBatch('[{"specversion": "1.0", ')).toThrow(BatchError);
    expect(() => parseBatch('[{"specversion": "1.0", ')).toThrow(/^not JSON: /);
    expect(bad((e) => (e[0]!.type = '\u0000<script>'.repeat(100)))).toThrow(/^entry 0, field "type": /);
    expect(bad((e) => (e[4]!.time = '2024-13-45T99:99:99Z'))).toThrow('entry 4, field "time": expected an RFC 3339 timestamp of a real date and time');
    // Deep nesting is refused before anything tries to print it (which would overflow the stack).
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const text = JSON.stringify(good).replace(/"data":\{/, `"data":{"deep":${deep},`);
    expect(() => parseBatch(text)).toThrow('entry 0, field "data": nested deeper than 32 levels (line 1)');
  });
});

describe('white space is bounded work too', () => {
  it('refuses more than 1 M characters of white space in a row, before, between or after events, naming the line', async () => {
    const { MAX_SPACE_CHARS } = await import('./batchScanner.ts');
    const pad = ' '.repeat(MAX_SPACE_CHARS + 1);
    for (const text of [`${pad}[]`, `[${pad}]`, `[]${pad}`, `${'\n'.repeat(MAX_SPACE_CHARS + 1)}[]`]) {
      expect(() => parseBatch(text)).toThrow(BatchError);
      expect(() => parseBatch(text)).toThrow(/more than 1024 K characters of white space in a row \(line \d+\)/);
    }
    // Ordinary indentation is fine.
    expect(parseBatch(`[${' '.repeat(1000)}]`)).toEqual([]);
  });
});
