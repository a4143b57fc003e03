import { mkdirSync, writeFileSync, appendFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';

export const OUTPUT = process.env.CONSOLE_OUTPUT ?? 'target/console-e2e';
export const SCREENSHOTS = `${OUTPUT}/screenshots`;
mkdirSync(SCREENSHOTS, { recursive: true });

const users: Record<string, string> = JSON.parse(process.env.CONSOLE_USERS ?? '{}');
const password = process.env.CONSOLE_PASSWORD ?? '';

export type Role = 'VILLAGE_OFFICER' | 'TOWNSHIP_REVIEWER' | 'COUNTY_APPROVER' | 'DEPARTMENT_OFFICER' | 'SUPERVISOR' | 'INSPECTOR' | 'ADMIN';

/** A fresh browser context for the role, signed in at Keycloak through the console's own sign-in button. */
export async function signIn(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('#username').fill(users[role]);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await expect(page.getByRole('button', { name: '退出' })).toBeVisible();
  return page;
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** No serious or critical WCAG 2.x A/AA violation on the screen as shown. */
export async function expectAccessible(page: Page, screen: string) {
  // a select's list, still closing after a choice, is not part of the screen
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  appendFileSync(`${OUTPUT}/axe.txt`, `${screen}: ${results.violations.length} violations, ${blocking.length} serious or critical\n`);
  expect(blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`), screen).toEqual([]);
}

/** A figure the suite prints and keeps in figures.txt. */
export function figure(text: string) {
  console.log(`[figure] ${text}`);
  appendFileSync(`${OUTPUT}/figures.txt`, `${text}\n`);
}

export function resetFigures() {
  writeFileSync(`${OUTPUT}/figures.txt`, '');
  writeFileSync(`${OUTPUT}/axe.txt`, '');
}

/** A GB 11643 ID number of a person born in the Ewenki banner, unique to this run. */
export function idNumber(sequence: number): string {
  const body = `150724${1960 + (sequence % 40)}0${1 + (sequence % 9)}1${sequence % 10}${String(100 + (Date.now() % 900)).slice(-3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, w, i) => total + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

export function daysAgo(days: number): string {
  const date = new Date(Date.now() + 8 * 3600_000 - days * 86400_000);
  return date.toISOString().slice(0, 10);
}

/** Types a date into an Ant Design date picker and leaves it (Enter would submit the form). */
export async function pickDate(page: Page, label: string, value: string) {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(value);
  await input.press('Tab');
  await expect(input).toHaveValue(value);
}

/** Opens an Ant Design select by its label and chooses the option with this text. */
export async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}
