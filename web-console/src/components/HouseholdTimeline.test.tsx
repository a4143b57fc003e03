import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HouseholdTimeline } from './HouseholdTimeline';
import type { TimelineEntry } from './types';

const entry = (sequence: number, kind: string, summary: string): TimelineEntry => ({
  sequence, eventId: `e${sequence}`, type: `fangpin.${kind}.Something.v1`, kind, occurredAt: '2026-11-02T09:30:00+08:00',
  actor: { id: 'u1', name: '包银花', role: 'VILLAGE_OFFICER', region: '150724213201' }, correlationId: 'c1', summary,
});

describe('the household timeline', () => {
  it('names the service, the actor and the role of every entry, not only by colour', () => {
    render(<HouseholdTimeline entries={[entry(1, 'identification', '户登记：户主敖日格乐'), entry(2, 'monitoring', '月度监测')]} />);
    const items = screen.getAllByTestId('timeline-entry');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('识别');
    expect(items[0].textContent).toContain('包银花（村级信息员）');
    expect(items[1].textContent).toContain('监测');
  });

  it('renders three hundred entries and records how long it took', () => {
    performance.clearMeasures();
    render(<HouseholdTimeline entries={Array.from({ length: 300 }, (_, i) => entry(i, 'assistance', `措施进展 ${i}`))} />);
    expect(screen.getAllByTestId('timeline-entry')).toHaveLength(300);
    expect(performance.getEntriesByName('timeline-render')).toHaveLength(1);
  });
});
