const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643 citizen ID number: 17 digits and the check character, as the server checks it before any write. */
export function isValidIdNumber(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return CHECK[sum % 11] === id[17];
}

/** The roles that verify and decide, and so see residents' ID numbers in full, as the services decide it. */
const SEE_ID_NUMBERS = ['VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER'];

/**
 * An ID number as a user of these roles may see it. The services already mask it for every other role; the console
 * masks again (150724***********X), so that a full number never reaches the screen of a role that must not see it.
 */
export function shownIdNumber(value: string | null | undefined, roles: readonly string[]): string {
  if (!value) return '';
  if (roles.some((role) => SEE_ID_NUMBERS.includes(role))) return value;
  return value.length < 10 ? '*'.repeat(value.length) : value.slice(0, 6) + '*'.repeat(value.length - 7) + value.slice(-1);
}
