// Browser test of the agent console's debtor panel (issue 15, acceptance 1) against a running runtime, in Debian's
// Chromium through playwright-core. Started by bot-runtime's AgentAccountPanelBrowserTest, which boots the app,
// creates the agent, and lets a debtor accept a payment plan, pay part of it and dispute the debt in a chat that now
// waits for a person. The agent opens that chat and must see, in the panel: the outstanding amount, the active hold
// and the plan schedule (each installment's date, amount and status).
//   BASE_URL=http://localhost:8080 AGENT_USER=lucia AGENT_PASSWORD=... CONVERSATION_ID=... \
//   OUTSTANDING_TEXT=833.334 INSTALLMENTS='2026-11-25|416.666|Pagada;...' node e2e/agent-account.e2e.mjs
// Environment: BASE_URL, AGENT_USER, AGENT_PASSWORD, CONVERSATION_ID, OUTSTANDING_TEXT, HOLD_TYPE (dispute),
// INSTALLMENTS (rows separated by ';', cells by '|': the ISO date, then texts the row must show), CHROMIUM,
// SCREENSHOT_DIR, E2E_SCREENSHOTS=1 (also keep a screenshot of a passing run in SCREENSHOT_DIR).
import { chromium } from 'playwright-core';

const env = process.env;
const timeout = Number(env.STEP_TIMEOUT_MS || 20000);
for (const name of ['BASE_URL', 'AGENT_USER', 'AGENT_PASSWORD', 'CONVERSATION_ID', 'OUTSTANDING_TEXT', 'INSTALLMENTS']) {
  if (!env[name]) {
    console.error(`${name} is required`);
    process.exit(2);
  }
}
const holdType = env.HOLD_TYPE || 'dispute';
const rows = env.INSTALLMENTS.split(';').map((row) => row.split('|'));

function step(name) {
  console.log(`e2e: ${name}`);
}

const browser = await chromium.launch({
  executablePath: env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const problems = [];
const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1400, height: 900 } });
const page = await context.newPage();
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('console', (message) => {
  if (/Content Security Policy|Refused to (apply|execute|load)/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
});

try {
  step('the agent signs in to the console');
  await page.goto(`${env.BASE_URL}/console/`);
  await page.getByLabel('Usuario').fill(env.AGENT_USER);
  await page.getByLabel('Contraseña').fill(env.AGENT_PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.locator('[data-testid="live"][data-state="connected"]').waitFor({ timeout });

  step('the agent opens the waiting chat');
  await page.goto(`${env.BASE_URL}/console/chats/${env.CONVERSATION_ID}`);
  const panel = page.getByTestId('context-panel');
  await panel.waitFor({ timeout });

  step('the panel states the outstanding amount');
  await panel.getByTestId('outstanding').filter({ hasText: env.OUTSTANDING_TEXT }).waitFor({ timeout });

  step('the panel lists the active hold');
  await panel.locator(`[data-testid="holds"] [data-hold="${holdType}"]`).waitFor({ timeout });

  step('the panel shows the plan schedule: each installment with date, amount and status');
  const installments = panel.locator('[data-testid="plan-schedule"] [data-testid="installment"]');
  await installments.first().waitFor({ timeout });
  const count = await installments.count();
  if (count !== rows.length) throw new Error(`expected ${rows.length} installments, the panel shows ${count}`);
  for (let i = 0; i < rows.length; i += 1) {
    const row = installments.nth(i);
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    const [date, ...cells] = rows[i];
    if ((await row.getAttribute('data-date')) !== date) throw new Error(`installment ${i + 1} is dated ${await row.getAttribute('data-date')}, expected ${date}`);
    if (!/\d/.test(text.split(' ').slice(1, 4).join(' '))) throw new Error(`installment ${i + 1} shows no date: "${text}"`);
    for (const expected of cells) {
      if (!text.includes(expected)) throw new Error(`installment ${i + 1} shows "${text}", expected it to contain "${expected}"`);
    }
    console.log(`e2e: installment ${i + 1}: ${text}`);
  }
  if (env.E2E_SCREENSHOTS === '1' && env.SCREENSHOT_DIR) {
    await page.screenshot({ path: `${env.SCREENSHOT_DIR}/agent-account-panel.png`, fullPage: true });
  }
  if (problems.length) throw new Error(problems.join('\n'));
  console.log('e2e: PASSED');
} catch (error) {
  if (env.SCREENSHOT_DIR) {
    await page.screenshot({ path: `${env.SCREENSHOT_DIR}/agent-account-failure.png`, fullPage: true }).catch(() => {});
  }
  console.error(`e2e: FAILED: ${error.stack || error}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
