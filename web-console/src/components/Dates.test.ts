import { describe, expect, it } from 'vitest';
import { formatTime } from './Dates';

describe('times', () => {
  it('are shown in China time whichever offset the API wrote them with', () => {
    expect(formatTime('2026-12-07T15:06:35.564+08:00')).toBe('2026-12-07 15:06');
    expect(formatTime('2026-12-07T07:06:35Z')).toBe('2026-12-07 15:06');
    expect(formatTime(null)).toBe('');
  });
});
