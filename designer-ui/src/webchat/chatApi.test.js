import { describe, expect, it } from 'vitest';
import { ChatApiError, openSession, sendMessage, sessionStorageKey, tokenFromPath, transcriptEntries } from './chatApi.js';

function fakeFetch(status, body, calls) {
  return async (url, init) => {
    calls.push({ url, init });
    return { ok: status < 400, status, text: async () => (body === undefined ? '' : JSON.stringify(body)) };
  };
}

describe('webchat API client', () => {
  it('reads the token from a deep link and nothing from the anonymous page', () => {
    expect(tokenFromPath('/chat/abc.DEF-123')).toBe('abc.DEF-123');
    expect(tokenFromPath('/chat/')).toBe('');
    expect(tokenFromPath('/chat')).toBe('');
  });

  it('opens a session with the token, or with an empty body for anonymous visitors', async () => {
    const calls = [];
    const session = await openSession('', 'tok', fakeFetch(200, { sessionId: 's1', replies: [] }, calls));
    await openSession('http://h', '', fakeFetch(200, { sessionId: 's2', replies: [] }, calls));
    expect(session.sessionId).toBe('s1');
    expect(calls[0].url).toBe('/webchat/api/sessions');
    expect(JSON.parse(calls[0].init.body)).toEqual({ token: 'tok' });
    expect(calls[1].url).toBe('http://h/webchat/api/sessions');
    expect(JSON.parse(calls[1].init.body)).toEqual({});
  });

  it('turns a JSON error into a ChatApiError with the code', async () => {
    const calls = [];
    const failing = sendMessage('', 's/1', { optionId: 'pay_now' }, fakeFetch(404, { error: 'not_found', message: 'no' }, calls));
    await expect(failing).rejects.toBeInstanceOf(ChatApiError);
    await expect(failing).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect(calls[0].url).toBe('/webchat/api/sessions/s%2F1/messages');
  });

  it('reports a network failure as status 0', async () => {
    const broken = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(openSession('', '', broken)).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('keeps one stored session per link and accepts wrapped transcripts', () => {
    expect(sessionStorageKey('a')).not.toBe(sessionStorageKey(''));
    expect(transcriptEntries([{ text: 'x' }])).toHaveLength(1);
    expect(transcriptEntries({ messages: [{ text: 'x' }, { text: 'y' }] })).toHaveLength(2);
    expect(transcriptEntries(null)).toEqual([]);
  });
});
