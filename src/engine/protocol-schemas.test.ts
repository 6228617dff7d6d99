import { describe, expect, test } from 'vitest';
import { checkRequest, requestParamsSchemas } from './protocol-schemas';
import { createRequestHandler } from './worker-handler';
import { openNodeDuckDB } from './duckdb/node-duckdb';
import { campaign } from './testing/fixture';

const doc = campaign([{ id: 'q', type: 'build-audience', config: {} }, { id: 'e', type: 'end' }], [['t', 'q', 'e']]);

describe('request schemas', () => {
  test('every request type of the protocol has a schema', () => {
    // The list the client can send (EngineApi's keys) is checked by the `satisfies` in the schemas;
    // here: a well-formed request of each kind passes unchanged.
    const samples: Record<string, unknown> = {
      ping: {},
      load: { source: { kind: 'sample', profiles: 1000, seed: 42 } },
      counts: { doc, simulate: true },
      preview: { doc, transitionId: 't', limit: 10 },
      events: { doc, table: 'feedback', offset: 0, limit: 50 },
      report: { doc, filters: { activities: ['q'], from: '2025-06-30 00:00' }, bucket: 'day' },
      distribution: { entity: 'profiles', field: 'country', limit: 5 },
      simulateRun: { doc, runId: 'r1', launch: '2025-07-01T09:00' },
    };
    for (const [type, params] of Object.entries(samples)) {
      const request = { id: 3, type, params };
      expect(checkRequest(request)).toBe(request);
    }
    expect(Object.keys(requestParamsSchemas)).toHaveLength(26);
  });

  test.each([
    [null, /must be an object/],
    [{ id: 'x', type: 'ping', params: {} }, /id must be an integer/],
    [{ id: 1, type: 'dropTables', params: {} }, /Unknown request type "dropTables"/],
    [{ id: 1, type: 'counts', params: {} }, /Malformed “counts” request: params\.doc: /],
    [{ id: 1, type: 'counts', params: { doc: { ...doc, activities: [{ ...doc.activities[0], id: 5 }] } } }, /params\.doc\.activities\[0\]\.id/],
    [{ id: 1, type: 'preview', params: { doc, transitionId: 't', limit: -1 } }, /params\.limit/],
    [{ id: 1, type: 'events', params: { doc, table: 'profiles' } }, /params\.table/],
    [{ id: 1, type: 'load', params: { source: { kind: 'sql', text: 'DROP TABLE x' } } }, /params\.source\.kind/],
    [{ id: 1, type: 'ping', params: { sql: 'SELECT 1' } }, /params: /],
  ])('refuses %j with a message naming what is wrong', (message, expected) => {
    expect(() => checkRequest(message)).toThrow(expected);
  });

  test('the request handler answers a malformed request with the error, and goes on answering', async () => {
    const handle = createRequestHandler(openNodeDuckDB);
    const refused = await handle({ id: 7, type: 'preview', params: { doc, transitionId: '' } });
    expect(refused).toEqual({ id: 7, ok: false, error: { name: 'BadRequest', message: expect.stringMatching(/params\.transitionId/) as unknown } });
    expect(await handle({ id: 8, type: 'ping', params: {} })).toEqual({ id: 8, ok: true, result: {} });
  });
});
