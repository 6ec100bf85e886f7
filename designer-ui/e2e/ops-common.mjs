// Shared helpers of the operations console browser tests (operations.e2e.mjs, account.e2e.mjs): Chromium with
// page errors and CSP violations collected, sign-in through the contract's accessible names, screenshots.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const env = process.env;
export const timeout = Number(env.STEP_TIMEOUT_MS || 20000);

export function step(name) {
  console.log(`e2e: ${name}`);
}

export function required(...names) {
  for (const name of names) {
    if (!env[name]) {
      console.error(`${name} is required`);
      process.exit(2);
    }
  }
}

export async function openBrowser() {
  const browser = await chromium.launch({
    executablePath: env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const problems = [];
  const newPage = async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 860 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy|Refused to/i.test(text)) problems.push(`CSP on ${page.url()}: ${text}`);
    });
    return page;
  };
  return { browser, problems, newPage };
}

export function failOnProblems(problems) {
  if (problems.length > 0) throw new Error(`browser problems:\n${problems.join('\n')}`);
}

/** Saves a screenshot as ops-<name>.png when OPS_SCREENSHOTS names a folder (the operator guide's images). */
export async function shot(page, name, { fullPage = false } = {}) {
  const dir = env.OPS_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `ops-${name}.png`), fullPage });
  step(`screenshot ops-${name}.png`);
}

/** Opens `path` (signed out: the sign-in form shows there) and signs in with the English accessible names. */
export async function signInAt(page, path, user, password) {
  await page.goto(`${env.BASE_URL}${path}${path.includes('?') ? '&' : '?'}lang=en`);
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: /Sign out/ }).waitFor({ timeout });
}

/** Navigates inside the console through its menu (no reload). */
export async function menu(page, name) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

export async function run(body, pages, problems, browser) {
  try {
    await body();
    failOnProblems(problems);
    console.log('e2e: PASSED');
  } catch (error) {
    console.error(`e2e: FAILED: ${error.stack || error}`);
    if (problems.length) console.error(`e2e: problems: ${problems.join(' | ')}`);
    for (const [name, page] of Object.entries(pages())) {
      try {
        console.error(`e2e: ${name} at ${page.url()}:\n${(await page.locator('body').innerText()).slice(0, 3000)}`);
        if (env.SCREENSHOT_DIR) await page.screenshot({ path: join(env.SCREENSHOT_DIR, `ops-failure-${name}.png`), fullPage: true });
      } catch (ignored) {
        // the page may be gone
      }
    }
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
