import { memo, useLayoutEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { formatTime } from './Dates';
import { ProblemAlert } from './Problems';
import type { EventData, TimelineEntry } from './types';
import { useLoad } from './useLoad';
import { isLabelGroup, type LabelGroup, useLabel, useT } from '../i18n';
import './HouseholdTimeline.css';

/** Rows drawn beyond the visible ones, so that scrolling by keyboard or wheel never shows a gap. */
const OVERSCAN = 8;
const ESTIMATED_ROW_PX = 78;

/**
 * The household's history across all services, oldest first: which service, when it happened and when it was
 * recorded, who in which role, what; each entry opens to show its event's data. Only the rows near the viewport are
 * in the page (the window scrolls the whole list), and an entry's data is drawn only once it is opened, so a
 * timeline of hundreds of entries appears at once.
 */
export function HouseholdTimeline({ householdId, entries }: { householdId: string; entries: TimelineEntry[] }) {
  const t = useT();
  const list = useRef<HTMLOListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const started = useRef(0);
  started.current = performance.now();

  // the list's place in the page moves when what stands above it loads
  useLayoutEffect(() => {
    const top = Math.round((list.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    if (top !== scrollMargin) setScrollMargin(top);
  });

  const rows = useWindowVirtualizer({
    count: entries.length,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey: (index) => entries[index].eventId,
  });

  // from the new entries to the first frame that shows them
  useLayoutEffect(() => {
    const start = started.current;
    const frame = requestAnimationFrame(() => setTimeout(() =>
      performance.measure('timeline-render', { start, detail: entries.length })));
    return () => cancelAnimationFrame(frame);
  }, [entries]);

  const toggle = (eventId: string) => setOpen((shown) => {
    const next = new Set(shown);
    if (!next.delete(eventId)) next.add(eventId);
    return next;
  });

  const items = rows.getVirtualItems();
  return (
    <>
      <p className="tl-count" data-testid="timeline-count" data-count={entries.length}>
        {t(`共 ${entries.length} 条记录`, `${entries.length} entries`)}
      </p>
      <ol ref={list} className="tl" aria-label={t('户时间轴', 'Household timeline')} style={{ height: rows.getTotalSize() }}>
        {items.map((item) => {
          const entry = entries[item.index];
          return (
            <Entry key={item.key} householdId={householdId} entry={entry} index={item.index} count={entries.length} opened={open.has(entry.eventId)}
              onToggle={toggle} measure={rows.measureElement} top={item.start - scrollMargin} />
          );
        })}
      </ol>
    </>
  );
}

interface EntryProps {
  householdId: string; entry: TimelineEntry; index: number; count: number; opened: boolean; top: number;
  onToggle: (eventId: string) => void; measure: (element: HTMLElement | null) => void;
}

/** One step: drawn again only when it moves, opens or closes. */
const Entry = memo(function Entry({ householdId, entry, index, count, opened, top, onToggle, measure }: EntryProps) {
  const t = useT();
  const label = useLabel();
  const detailsId = `tl-data-${entry.eventId}`;
  return (
    <li ref={measure} data-index={index} data-testid="timeline-entry" aria-posinset={index + 1} aria-setsize={count}
      className={`tl-entry tl-${entry.kind}`} style={{ transform: `translateY(${top}px)` }}>
      <div>
        <span className="tl-kind">{label('kind', entry.kind)}</span>
        <EntryDates entry={entry} />
        {' · '}{entry.actor.name}（{label('role', entry.actor.role)}）
      </div>
      {entry.imported && <div className="tl-note" data-testid="imported">{entry.imported.text}</div>}
      {entry.backdatingNote && <div className="tl-note">{t('补录说明：', 'Late entry: ')}{entry.backdatingNote}</div>}
      <button type="button" className="tl-summary" aria-expanded={opened} aria-controls={detailsId}
        onClick={() => onToggle(entry.eventId)}>
        <span aria-hidden="true" className="tl-caret">{opened ? '▾' : '▸'}</span>{entry.summary}
      </button>
      {opened && <EntryData id={detailsId} householdId={householdId} entry={entry} />}
    </li>
  );
});

/** 发生日期 beside 录入时间 where the step happened on another day than it was recorded; else the recording time. */
function EntryDates({ entry }: { entry: TimelineEntry }) {
  const t = useT();
  const recorded = <time dateTime={entry.occurredAt}>{formatTime(entry.occurredAt)}</time>;
  if (!entry.dates || !entry.happenedOn) return recorded;
  return (
    <span data-testid="entry-dates">
      {t('发生日期 ', 'Happened on ')}<time dateTime={entry.happenedOn}>{entry.happenedOn}</time>
      {t('，录入时间 ', ', recorded ')}{recorded}
    </span>
  );
}

/** The entry's own record and, fetched once it is opened, its event's fields (personal ones masked by the service). */
function EntryData({ id, householdId, entry }: { id: string; householdId: string; entry: TimelineEntry }) {
  const t = useT();
  const label = useLabel();
  const event = useLoad<EventData>(`/api/households/${encodeURIComponent(householdId)}/timeline/${encodeURIComponent(entry.eventId)}`);
  const rows: [string, string | number | undefined | null][] = [
    [t('事件类型', 'Event type'), entry.type],
    [t('发生日期', 'Happened on'), entry.happenedOn],
    [t('录入时间', 'Recorded at'), formatTime(entry.occurredAt)],
    [t('补录说明', 'Late entry'), entry.backdatingNote],
    [t('存量导入', 'Imported from'), entry.imported && `${entry.imported.file}${entry.imported.row ? t(` 第 ${entry.imported.row} 行`, `, line ${entry.imported.row}`) : ''}`],
    [t('操作人编号', 'Actor id'), entry.actor.id],
    [t('操作人区划', 'Actor region'), entry.actor.region],
    [t('事件编号', 'Event id'), entry.eventId],
    [t('链序号', 'Chain position'), entry.sequence],
    [t('关联编号', 'Correlation id'), entry.correlationId],
  ];
  const fields = Object.entries(event.data?.data ?? {}).filter(([name, value]) =>
    (value !== null && value !== undefined && value !== '') || event.data?.masked.includes(name));
  return (
    <div id={id}>
      <dl className="tl-data">
        {rows.filter(([, value]) => value !== undefined && value !== null && value !== '').map(([name, value]) => (
          <div key={name}><dt>{name}</dt><dd>{value}</dd></div>
        ))}
      </dl>
      <ProblemAlert error={event.error} />
      {event.loading && <p className="tl-note">{t('正在读取事件数据…', 'Loading the event data…')}</p>}
      {event.data && (
        <dl className="tl-data" aria-label={t('事件数据', 'Event data')} data-testid="event-data">
          {fields.map(([name, value]) => (
            <div key={name}>
              <dt>{label('field', name)}</dt>
              <dd>{value === null || value === undefined
                ? t('已屏蔽', 'Withheld')
                : shownValue(name, value, label)}{event.data!.masked.includes(name) && value !== null ? t('（已脱敏）', ' (masked)') : ''}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/** A field's value as words: codes by their names where the field is one the console names, lists joined. */
function shownValue(name: string, value: unknown, label: (group: LabelGroup, code: string) => string): string {
  if (Array.isArray(value)) return value.map((item) => shownValue(name, item, label)).join('、');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  const text = String(value);
  const group = [name, name.replace(/s$/, '')].find(isLabelGroup);
  return group ? label(group, text) : text;
}

