import { useEffect, useRef } from 'react';
import { formatTime } from './Dates';
import type { TimelineEntry } from './types';
import { useLabel, useT } from '../i18n';

/** Each service its colour, always with its name beside it. */
const SERVICE_COLOURS: Record<string, string> = { identification: '#0958d9', monitoring: '#ad4e00', assistance: '#237804' };

/**
 * The household's history across all services, oldest first: who, in which role, when, what; each entry opens to
 * show its event's identity. Plain list items and native disclosure, so 300 entries render at once.
 */
export function HouseholdTimeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useT();
  const label = useLabel();
  const started = useRef(performance.now());
  started.current = performance.now();
  useEffect(() => {
    performance.measure('timeline-render', { start: started.current, detail: entries.length });
  }, [entries]);

  return (
    <ol aria-label={t('户时间轴', 'Household timeline')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {entries.map((entry) => (
        <li key={entry.eventId} data-testid="timeline-entry"
          style={{ borderLeft: `4px solid ${SERVICE_COLOURS[entry.kind] ?? '#595959'}`, padding: '6px 12px', marginBottom: 8, background: '#fafafa' }}>
          <div>
            <span style={{ background: SERVICE_COLOURS[entry.kind] ?? '#595959', color: '#fff', borderRadius: 4, padding: '0 6px', marginRight: 8 }}>
              {label('kind', entry.kind)}
            </span>
            <time dateTime={entry.occurredAt}>{formatTime(entry.occurredAt)}</time>
            {' · '}{entry.actor.name}（{label('role', entry.actor.role)}）
          </div>
          <details>
            <summary style={{ cursor: 'pointer' }}>{entry.summary}</summary>
            <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 12px', margin: '6px 0 0' }}>
              <dt>{t('事件类型', 'Event type')}</dt><dd style={{ margin: 0 }}>{entry.type}</dd>
              <dt>{t('事件编号', 'Event id')}</dt><dd style={{ margin: 0 }}>{entry.eventId}</dd>
              <dt>{t('链序号', 'Chain position')}</dt><dd style={{ margin: 0 }}>{entry.sequence}</dd>
              <dt>{t('操作人区划', 'Actor region')}</dt><dd style={{ margin: 0 }}>{entry.actor.region}</dd>
              <dt>{t('关联编号', 'Correlation id')}</dt><dd style={{ margin: 0 }}>{entry.correlationId}</dd>
            </dl>
          </details>
        </li>
      ))}
    </ol>
  );
}
