// Browser test of the KPI dashboard (issue 7, acceptance 5) against a running runtime, in Debian's Chromium through
// playwright-core. Started by bot-runtime's KpiDashboardBrowserTest, which seeds a campaign's conversations,
// promise, payment and WhatsApp statuses.
//   BASE_URL=http://localhost:8080 STAFF_USER=admin STAFF_PASSWORD=... KPI_QUERY='campaignId=C1' node e2e/kpis.e2e.mjs
// Environment: BASE_URL, STAFF_USER, STAFF_PASSWORD (required); KPI_QUERY (query string of the page),
// EXPECT_CONVERSATIONS, EXPECT_PROMISES (the figures the cards must show), CHROMIUM, SCREENSHOT_DIR.
import { chromium } from 'playwright-core';

const env = process.env;
const baseUrl = env.BASE_URL;
const timeout = Number(env.STEP_TIMEOUT_MS || 20000);
for (const name of ['BASE_URL', 'STAFF_USER', 'STAFF_PASSWORD']) {
  if (!env[name]) {
    console.error(`${name} is required`);
    process.exit(2);
  }
}

function step(name) {
  console.log(`e2e: ${name}`);
}

const browser = await chromium.launch({
  executablePath: env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const problems = [];
const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1300, height: 1000 } });
const page = await context.newPage();
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('console', (message) => {
  const text = message.text();
  if (/Content Security Policy|Refused to (apply|execute|load)/i.test(text)) problems.push(`CSP: ${text}`);
});

try {
  step('open the dashboard');
  const query = env.KPI_QUERY ? `?${env.KPI_QUERY}` : '';
  const response = await page.goto(`${baseUrl}/kpis/${query}`);
  if (!response.ok()) throw new Error(`GET /kpis/ answered ${response.status()}`);
  const csp = response.headers()['content-security-policy'] || '';
  if (!csp.includes("script-src 'self'") || !csp.includes("style-src 'self'")) throw new Error(`weak CSP: ${csp}`);

  step('sign in');
  await page.getByLabel('Usuario').fill(env.STAFF_USER);
  await page.getByLabel('Contraseña').fill(env.STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByRole('heading', { name: 'Indicadores de cobranza' }).waitFor({ timeout });

  step('the filters come from the address');
  if (env.KPI_QUERY && env.KPI_QUERY.includes('campaignId=')) {
    const campaign = new URLSearchParams(env.KPI_QUERY).get('campaignId');
    const value = await page.getByLabel('Campaña').inputValue();
    if (value !== campaign) throw new Error(`campaign filter shows "${value}", expected "${campaign}"`);
  }

  step('figures');
  const card = (key) => page.locator(`[data-kpi="${key}"] .kpi-value`);
  await card('conversations').waitFor({ timeout });
  if (env.EXPECT_CONVERSATIONS) {
    const shown = (await card('conversations').textContent()).trim();
    if (shown !== env.EXPECT_CONVERSATIONS) throw new Error(`conversations card shows ${shown}, expected ${env.EXPECT_CONVERSATIONS}`);
  }
  if (env.EXPECT_PROMISES) {
    const shown = (await card('promisesMade').textContent()).trim();
    if (shown !== env.EXPECT_PROMISES) throw new Error(`promises card shows ${shown}, expected ${env.EXPECT_PROMISES}`);
  }

  step('charts are drawn');
  for (const id of ['rates-chart', 'promises-chart', 'handoff-chart', 'funnel-chart']) {
    const canvas = page.locator(`canvas#${id}`);
    await canvas.waitFor({ timeout });
    const drawn = await canvas.evaluate((c) => {
      const box = c.getBoundingClientRect();
      const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
      return { width: box.width, height: box.height, painted, points: Number(c.dataset.points || 0) };
    });
    if (drawn.width < 100 || drawn.height < 100) throw new Error(`${id} is too small: ${JSON.stringify(drawn)}`);
    if (drawn.painted < 500) throw new Error(`${id} looks empty: ${JSON.stringify(drawn)}`);
    if (drawn.points < 1) throw new Error(`${id} has no data points`);
    console.log(`e2e: ${id} ${JSON.stringify(drawn)}`);
  }

  step('switch to English');
  await page.getByLabel('Idioma').selectOption('en');
  await page.getByRole('heading', { name: 'Collection KPIs' }).waitFor({ timeout });

  if (env.E2E_SCREENSHOTS === '1' && env.SCREENSHOT_DIR) await page.screenshot({ path: `${env.SCREENSHOT_DIR}/kpis.png`, fullPage: true });
  if (problems.length) throw new Error(`browser problems:\n${problems.join('\n')}`);
  console.log('e2e: PASSED');
} catch (error) {
  console.error(`e2e: FAILED: ${error.message}`);
  if (problems.length) console.error(problems.join('\n'));
  if (env.SCREENSHOT_DIR) await page.screenshot({ path: `${env.SCREENSHOT_DIR}/kpis-failure.png`, fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
