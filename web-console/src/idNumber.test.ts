import { describe, expect, it } from 'vitest';
import { isValidIdNumber } from './idNumber';

describe('GB 11643 ID numbers', () => {
  it('accepts a number whose check character matches', () => {
    expect(isValidIdNumber('150724197803120211')).toBe(true);
  });
  it('refuses a wrong check character, a short number and a masked one', () => {
    expect(isValidIdNumber('150724197803120210')).toBe(false);
    expect(isValidIdNumber('15072419780312021')).toBe(false);
    expect(isValidIdNumber('150724***********1')).toBe(false);
  });
});
