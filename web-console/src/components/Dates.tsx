const COUNTY_OFFSET_MS = 8 * 3600_000;

/** Instants as the county reads them, in China time (UTC+8), whatever the browser's own time zone. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '';
  return new Date(new Date(value).getTime() + COUNTY_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
