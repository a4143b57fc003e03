import { describe, expect, it } from 'vitest';
import { isValidIdNumber, shownIdNumber } from './idNumber';

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

describe('ID numbers on screen', () => {
  const full = '150724197803120211';

  it('are shown in full to the roles that verify and decide', () => {
    for (const role of ['VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER']) {
      expect(shownIdNumber(full, [role])).toBe(full);
    }
  });

  it('keep only the address code and the check character for every other role, even if a full one arrives', () => {
    for (const role of ['SUPERVISOR', 'INSPECTOR', 'ADMIN', 'DEPARTMENT_OFFICER']) {
      expect(shownIdNumber(full, [role])).toBe('150724***********1');
    }
    expect(shownIdNumber(full, [])).toBe('150724***********1');
    expect(shownIdNumber('150724***********1', ['SUPERVISOR'])).toBe('150724***********1');
    expect(shownIdNumber('12345', ['INSPECTOR'])).toBe('*****');
  });
});
