// Shared helpers of the designer browser tests (designer.e2e.mjs, designer-versions.e2e.mjs).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const timeout = Number(process.env.STEP_TIMEOUT_MS || 20000);

export function step(name) {
  console.log(`e2e: ${name}`);
}

/** Chromium with the page errors and CSP violations collected (the caller fails on any). */
export async function openBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1440, height: 900 } });
  const problems = [];
  const watch = (page) => {
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy|Refused to/i.test(text)) problems.push(`CSP on ${page.url()}: ${text}`);
    });
    page.on('dialog', (dialog) => dialog.dismiss());
  };
  context.on('page', watch);
  return { browser, context, problems };
}

export function failOnProblems(problems) {
  if (problems.length > 0) throw new Error(`browser problems:\n${problems.join('\n')}`);
}

/** Saves a screenshot when DESIGNER_SCREENSHOTS names a folder (the docs images are taken this way). */
export async function shot(page, name) {
  const dir = process.env.DESIGNER_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `designer-${name}.png`) });
  step(`screenshot designer-${name}.png`);
}

export async function signIn(page, baseUrl, user, password) {
  await page.goto(`${baseUrl}/designer/`);
  await page.getByLabel('Usuario').fill(user);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.locator('[data-testid="flow-list"]').waitFor({ timeout });
}

export async function openFlow(page, flowId) {
  await page.locator(`tr[data-flow-id="${flowId}"] a`).click();
  await page.locator('[data-testid="step-node"]').first().waitFor({ timeout });
  await page.locator('[data-testid="validation"][data-valid="true"]').waitFor({ timeout });
}

export const node = (page, stepId) => page.locator(`[data-testid="step-node"][data-step-id="${stepId}"]`);

/** Starts the simulator as the sample debtor and passes the verification subflow. */
export async function simulateVerified(page) {
  await page.locator('[data-pane="simulator"]').click();
  await page.locator('[data-testid="sim-start"]').click();
  await page.locator('[data-testid="sim-message"][data-from="bot"]').filter({ hasText: '4 dígitos' }).first().waitFor({ timeout });
  await page.locator('[data-testid="sim-input"]').fill('1234');
  await page.locator('[data-testid="sim-input"]').press('Enter');
  await page.locator('[data-testid="sim-step"]').filter({ hasText: 'early.main_menu' }).waitFor({ timeout });
}

export async function runScript(body) {
  const { browser, context, problems } = await openBrowser();
  const page = await context.newPage();
  try {
    await body(page, context);
    failOnProblems(problems);
    console.log('e2e: PASSED');
  } catch (error) {
    console.log(`e2e: FAILED ${error.stack || error}`);
    try {
      if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'designer-failure.png') });
    } catch (e) { /* ignore */ }
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
