import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HouseholdTimeline } from './HouseholdTimeline';
import type { TimelineEntry } from './types';

const entry = (sequence: number, kind: string, summary: string, extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  sequence, eventId: `e${sequence}`, type: `fangpin.${kind}.Something.v1`, kind, occurredAt: '2026-11-02T09:30:00+08:00',
  happenedOn: '2026-11-02', actor: { id: 'u1', name: '包银花', role: 'VILLAGE_OFFICER', region: '150724213201' },
  correlationId: 'c1', summary, ...extra,
});

describe('the household timeline', () => {
  // jsdom lays nothing out: give every row the height a browser gives it, and let the virtualiser scroll
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 1000, 78));
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('names the service, the actor and the role of every entry, not only by colour', () => {
    render(<HouseholdTimeline householdId="h1" entries={[entry(1, 'identification', '户登记：户主敖日格乐'), entry(2, 'monitoring', '月度监测')]} />);
    const items = screen.getAllByTestId('timeline-entry');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('识别');
    expect(items[0].textContent).toContain('包银花（村级信息员）');
    expect(items[1].textContent).toContain('监测');
  });

  it('shows the business date beside the recording time only where they differ, and where an entry was imported from', () => {
    render(<HouseholdTimeline householdId="h1" entries={[
      entry(1, 'identification', '户登记', {
        happenedOn: '2024-03-20', dates: '发生于 2024-03-20，录入于 2026-11-02',
        imported: { file: '2024年监测台账.csv', row: 17, text: '存量导入：2024年监测台账.csv 第 17 行' },
      }),
      entry(2, 'monitoring', '月度监测'),
    ]} />);
    const [imported, live] = screen.getAllByTestId('timeline-entry');
    expect(within(imported).getByTestId('entry-dates').textContent).toBe('发生日期 2024-03-20，录入时间 2026-11-02 09:30');
    expect(within(imported).getByTestId('imported').textContent).toBe('存量导入：2024年监测台账.csv 第 17 行');
    expect(within(live).queryByTestId('entry-dates')).toBeNull();
    expect(live.textContent).toContain('2026-11-02 09:30');
  });

  it('fetches an opened entry\'s own data and shows its fields by name, masked ones marked as such', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({
      eventId: 'e1', type: 'fangpin.identification.MemberAdded.v1', occurredAt: '2026-11-02T09:30:00+08:00',
      summary: '家庭成员增加', masked: ['name', 'idNumber', 'health'],
      data: { name: null, idNumber: '150724***********4', relation: 'SPOUSE', health: null, labourCapacity: 'PARTIAL', schooling: null },
    }), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    render(<HouseholdTimeline householdId="h 1" entries={[entry(1, 'identification', '家庭成员增加')]} />);
    expect(fetch).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: /家庭成员增加/ }));

    const data = await waitFor(() => screen.getByTestId('event-data'));
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe('/api/households/h%201/timeline/e1');
    const shown = Object.fromEntries(within(data).getAllByRole('term').map((term) => [term.textContent, term.nextElementSibling?.textContent]));
    expect(shown).toEqual({
      姓名: '已屏蔽', 身份证号: '150724***********4（已脱敏）', 与户主关系: '配偶', 健康状况: '已屏蔽', 劳动能力: '弱劳动力或半劳动力',
    });
    vi.unstubAllGlobals();
  });

  it('draws an entry\'s event data only when it is opened, by a button that says whether it is open', () => {
    render(<HouseholdTimeline householdId="h1" entries={[entry(1, 'assistance', '措施进展')]} />);
    const toggle = screen.getByRole('button', { name: /措施进展/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('e1')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('e1')).toBeTruthy();
    expect(screen.getByText('fangpin.assistance.Something.v1')).toBeTruthy();
    fireEvent.click(toggle);
    expect(screen.queryByText('e1')).toBeNull();
  });

  it('tells how many entries there are and where each one stands among them', () => {
    render(<HouseholdTimeline householdId="h1" entries={Array.from({ length: 300 }, (_, i) => entry(i, 'assistance', `措施进展 ${i}`))} />);
    expect(screen.getByTestId('timeline-count').textContent).toBe('共 300 条记录');
    const drawn = screen.getAllByTestId('timeline-entry');
    expect(drawn.length).toBeGreaterThan(0);
    drawn.forEach((row) => expect(row.getAttribute('aria-setsize')).toBe('300'));
  });
});
