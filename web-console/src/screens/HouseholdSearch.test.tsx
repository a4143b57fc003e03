import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route, Routes } from 'react-router';
import HouseholdSearch from './HouseholdSearch';
import { ProfileContext } from '../profile';
import type { Role } from '../session';

const FULL_ID = '150724197803120029';

function answering(pages: Record<string, unknown>[]) {
  let call = 0;
  const fetch = vi.fn(async () => new Response(JSON.stringify(pages[Math.min(call++, pages.length - 1)]),
    { status: 200, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const household = (id: string, extra: Record<string, unknown> = {}) => ({
  householdId: id, headName: '敖登其木格', headIdNumber: '150724***********9', regionCode: '150724213201',
  status: { code: 'RISK_NOT_ELIMINATED', name: '风险未消除' }, objectType: { code: 'MARGINAL_VULNERABLE', name: '边缘易致贫户' },
  warningLevel: { code: 'II_YELLOW', name: 'Ⅱ级黄色预警' }, ...extra,
});

function show(address: string, role: Role = 'SUPERVISOR') {
  render(
    <ProfileContext.Provider value={{ id: 'u1', name: '督查', roles: [role], region: '150724' }}>
      <MemoryRouter initialEntries={[address]}>
        <Routes><Route path="/households" element={<HouseholdSearch />} /></Routes>
      </MemoryRouter>
    </ProfileContext.Provider>,
  );
}

const requested = (fetch: ReturnType<typeof vi.fn>, call = 0) => new URL(String(fetch.mock.calls[call][0]), 'http://console');

describe('the household search (户查询)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the households a dashboard figure leads to, and lists them with status, type and warning in words', async () => {
    const fetch = answering([{ households: [household('h1')], nextCursor: null }]);
    show('/households?status=RISK_NOT_ELIMINATED&warningLevel=II_YELLOW&region=150724213');

    const row = await waitFor(() => screen.getByRole('link', { name: '敖登其木格' }).closest('tr')!);
    const url = requested(fetch);
    expect(url.pathname).toBe('/api/timeline/households');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      region: '150724213', status: 'RISK_NOT_ELIMINATED', warningLevel: 'II_YELLOW', size: '50',
    });
    expect(row.textContent).toContain('风险未消除');
    expect(row.textContent).toContain('边缘易致贫户');
    expect(row.textContent).toContain('Ⅱ级 黄色预警');
    expect(within(row).getByRole('link').getAttribute('href')).toBe('/households/h1');
  });

  it('never shows a full ID number to a supervisor, even if one were sent', async () => {
    answering([{ households: [household('h1', { headIdNumber: FULL_ID })] }]);
    show('/households');
    const shown = await waitFor(() => screen.getByTestId('id-number'));
    expect(shown.textContent).toBe('150724***********9');
    expect(document.body.textContent).not.toContain(FULL_ID);
  });

  it('shows the number in full to the county approver', async () => {
    answering([{ households: [household('h1', { headIdNumber: FULL_ID })] }]);
    show('/households', 'COUNTY_APPROVER');
    expect((await waitFor(() => screen.getByTestId('id-number'))).textContent).toBe(FULL_ID);
  });

  it('searches by the head\'s name and pages on with the cursor it was given', async () => {
    const fetch = answering([
      { households: [household('h1')], nextCursor: '150724213201:h1' },
      { households: [household('h1')], nextCursor: '150724213201:h1' },
      { households: [household('h2', { headName: '敖登' })], nextCursor: null },
    ]);
    show('/households');
    await waitFor(() => screen.getByRole('link', { name: '敖登其木格' }));

    fireEvent.change(screen.getByRole('searchbox', { name: '户主姓名' }), { target: { value: ' 敖登 ' } });
    fireEvent.keyDown(screen.getByRole('searchbox', { name: '户主姓名' }), { key: 'Enter', keyCode: 13 });
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(requested(fetch, 1).searchParams.get('name')).toBe('敖登');

    fireEvent.click(await waitFor(() => screen.getByRole('button', { name: '加载更多' })));
    await waitFor(() => screen.getByRole('link', { name: '敖登' }));
    expect(requested(fetch, 2).searchParams.get('cursor')).toBe('150724213201:h1');
    expect(requested(fetch, 2).searchParams.get('name')).toBe('敖登');
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
  });
});
