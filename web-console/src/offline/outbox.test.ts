import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { discard, pending, sendOrKeep, synchronise } from './outbox';

const online = vi.spyOn(navigator, 'onLine', 'get');

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });
}

describe('the offline outbox', () => {
  beforeEach(async () => {
    for (const entry of await pending()) await discard(entry.idempotencyKey);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a record entered without network and sends it once with the key it was given', async () => {
    online.mockReturnValue(false);
    const fetch = vi.fn(async () => answer(201, { recorded: true }));
    vi.stubGlobal('fetch', fetch);

    expect(await sendOrKeep('/api/monitoring/h1/records', { month: '2026-11' }, '11月监测')).toEqual({ sent: false });
    const [kept] = await pending();
    expect(fetch).not.toHaveBeenCalled();

    online.mockReturnValue(true);
    expect(await synchronise()).toBe(1);
    expect(await synchronise()).toBe(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    const headers = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Record<string, string>;
    expect(headers['Idempotency-Key']).toBe(kept.idempotencyKey);
    expect(await pending()).toEqual([]);
  });

  it('keeps a refused record with the reason instead of losing it', async () => {
    online.mockReturnValue(false);
    await sendOrKeep('/api/leads', { householdId: 'h1' }, '线索');
    online.mockReturnValue(true);
    vi.stubGlobal('fetch', vi.fn(async () => answer(409, { code: 'IDENT_ALREADY_MONITORED', detail: '该户已是监测对象' })));

    expect(await synchronise()).toBe(0);
    const [kept] = await pending();
    expect(kept.refusal).toBe('该户已是监测对象');
  });

  it('leaves everything in the outbox while the network is still down', async () => {
    online.mockReturnValue(false);
    await sendOrKeep('/api/leads', { householdId: 'h2' }, '线索');
    online.mockReturnValue(true);
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));

    expect(await synchronise()).toBe(0);
    expect(await pending()).toHaveLength(1);
  });
});
