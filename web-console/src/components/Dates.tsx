import dayjs from 'dayjs';

/** Instants as the county reads them (Asia/Shanghai, as the API already renders them). */
export function formatTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '';
}
