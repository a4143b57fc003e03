import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter } from 'react-router';
import Worklist from './Worklist';
import { ProfileContext } from '../profile';

/** Each list's answer by its path; every other list is empty. */
function answering(byPath: Record<string, unknown>) {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const path = new URL(String(input), 'http://console').pathname;
    return new Response(JSON.stringify(byPath[path] ?? (path.endsWith('/missed') ? [] : {})),
      { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('the village officer\'s worklist (工作台)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the visits due, the warnings awaiting a response with their grade in words, and the measures falling due', async () => {
    const fetch = answering({
      '/api/monitoring/due': { visits: [{ householdId: 'h1', regionCode: '150724213201', month: '2026-12', dueOn: '2026-12-25' }] },
      '/api/assistance/warnings-awaiting-response': { warnings: [{ warningId: 'w1', householdId: 'h2', level: 'I_RED',
        reason: '医保自付费用超过预警线', raisedOn: '2026-12-01', responseOverdueOn: '2026-12-16' }] },
      '/api/assistance/measures-falling-due': { measures: [{ measureId: 'm1', householdId: 'h3', measureType: 'MEDICAL_AID',
        description: '申请医疗救助二次报销', dueDate: '2026-12-14' }] },
    });
    render(
      <ProfileContext.Provider value={{ id: 'u1', name: '村信息员', roles: ['VILLAGE_OFFICER'], region: '150724213201' }}>
        <MemoryRouter><Worklist /></MemoryRouter>
      </ProfileContext.Provider>,
    );

    const due = await waitFor(() => screen.getByRole('link', { name: '录入 2026-12 监测：户 h1' }));
    expect(due.getAttribute('href')).toBe('/monitoring/new?householdId=h1');
    expect(within(screen.getByTestId('due-visits')).getByText('2026-12-25 前')).toBeTruthy();
    const warning = within(screen.getByTestId('awaiting-response'));
    expect(warning.getByText('Ⅰ级 红色预警')).toBeTruthy();
    expect(warning.getByText('响应逾期（2026-12-16）')).toBeTruthy();
    expect(warning.getByRole('link').getAttribute('href')).toBe('/households/h2');
    const measure = within(screen.getByTestId('falling-due')).getByRole('link', { name: '申请医疗救助二次报销' });
    expect(measure.getAttribute('href')).toBe('/households/h3');
    const asked = fetch.mock.calls.map(([input]) => new URL(String(input), 'http://console'));
    expect(asked.find((url) => url.pathname === '/api/assistance/measures-falling-due')?.searchParams.get('withinDays')).toBe('14');
  });
});
