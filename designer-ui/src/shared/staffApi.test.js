import { describe, expect, it } from 'vitest';
import { StaffApi, StaffApiError, parseEventBlock, readEvents } from './staffApi.js';

function fakeFetch(status, body, seen = []) {
  return async (url, init) => {
    seen.push({ url, init });
    return { ok: status < 400, status, text: async () => body };
  };
}

describe('StaffApi', () => {
  it('sends Basic credentials and JSON bodies', async () => {
    const seen = [];
    const api = new StaffApi('ana', 'sécret', { fetchFn: fakeFetch(200, '{"ok":true}', seen) });
    const answer = await api.post('/api/x', { a: 1 });
    expect(answer).toEqual({ ok: true });
    expect(seen[0].init.headers.Authorization).toBe(`Basic ${Buffer.from('ana:sécret').toString('base64')}`);
    expect(seen[0].init.headers['Content-Type']).toBe('application/json');
    expect(seen[0].init.body).toBe('{"a":1}');
  });

  it('turns the JSON error of the runtime into a StaffApiError', async () => {
    const api = new StaffApi('a', 'b', { fetchFn: fakeFetch(409, '{"error":"already_claimed","message":"Taken"}') });
    await expect(api.post('/api/x', {})).rejects.toMatchObject({ status: 409, code: 'already_claimed', message: 'Taken' });
  });

  it('reports a network failure as such', async () => {
    const api = new StaffApi('a', 'b', { fetchFn: async () => { throw new TypeError('failed'); } });
    const error = await api.get('/api/x').catch((e) => e);
    expect(error).toBeInstanceOf(StaffApiError);
    expect(error.code).toBe('network');
  });
});

describe('server-sent events', () => {
  it('parses named events with JSON data and ignores comments', () => {
    expect(parseEventBlock(': keep-alive')).toBeNull();
    expect(parseEventBlock('event: queue\ndata: {"id":"c1"}')).toEqual({ event: 'queue', data: { id: 'c1' } });
    expect(parseEventBlock('data: plain')).toEqual({ event: 'message', data: 'plain' });
  });

  it('splits a stream into events across chunk boundaries', async () => {
    const chunks = ['event: a\ndata: {"n":', '1}\n\nevent: b\r\ndata: x\r\n\r\n'];
    const body = new ReadableStream({
      start(controller) {
        chunks.forEach((c) => controller.enqueue(new TextEncoder().encode(c)));
        controller.close();
      },
    });
    const events = [];
    await readEvents(body, (e) => events.push(e));
    expect(events).toEqual([{ event: 'a', data: { n: 1 } }, { event: 'b', data: 'x' }]);
  });
});
