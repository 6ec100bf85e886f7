// Browser test of the OpenAPI UI (issue 18): /api-docs/ loads the Swagger UI bundled in the runtime's jar and renders
// Cobra's document in Debian's Chromium with every request outside the runtime blocked (no CDN, no fonts, no
// validator badge). Started by bot-runtime's OpenApiCoverageTest.
//   BASE_URL=http://localhost:8080 STAFF_USER=admin STAFF_PASSWORD=... node e2e/api-docs.e2e.mjs
// Environment: BASE_URL, STAFF_USER, STAFF_PASSWORD (required); CHROMIUM, STEP_TIMEOUT_MS.
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

const origin = new URL(baseUrl).origin;
const browser = await chromium.launch({
  executablePath: env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const problems = [];
const outside = [];
const context = await browser.newContext({
  locale: 'en-US',
  viewport: { width: 1300, height: 1000 },
  // The runtime sends browsers no Basic challenge (issue 16), so the credentials go with every request up front.
  extraHTTPHeaders: {
    Authorization: `Basic ${Buffer.from(`${env.STAFF_USER}:${env.STAFF_PASSWORD}`).toString('base64')}`,
  },
});
// No network beyond the runtime: anything else is refused and reported.
await context.route('**/*', (route) => {
  const url = route.request().url();
  if (url.startsWith(origin + '/') || url.startsWith('data:')) return route.continue();
  outside.push(url);
  return route.abort();
});
const page = await context.newPage();
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('requestfailed', (request) => {
  if (request.url().startsWith(origin)) problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`);
});

try {
  step('open /api-docs/');
  const response = await page.goto(`${baseUrl}/api-docs/`);
  if (!response.ok()) throw new Error(`GET /api-docs/ answered ${response.status()}`);
  if (!page.url().includes('/swagger-ui/')) throw new Error(`landed on ${page.url()}, not the Swagger UI`);

  step('the document is rendered');
  await page.locator('.swagger-ui .info .title').filter({ hasText: 'Cobra API' }).waitFor({ timeout });
  await page.getByText('/api/debtors/{id}/links/send').first().waitFor({ timeout });
  await page.getByText('/webhooks/sms').first().waitFor({ timeout });
  const operations = await page.locator('.opblock').count();
  if (operations < 50) throw new Error(`only ${operations} operations rendered`);

  step('an operation opens');
  await page.locator('.opblock-summary').filter({ hasText: '/api/debtors/{id}/links/send' }).first().click();
  await page.locator('.opblock-body').first().waitFor({ timeout });

  if (outside.length) throw new Error(`requests outside the runtime: ${outside.join(', ')}`);
  if (problems.length) throw new Error(problems.join('\n'));
  console.log(`e2e: ${operations} operations`);
  console.log('e2e: PASSED');
} catch (error) {
  console.error(`e2e: FAILED ${error.stack || error}`);
  if (env.SCREENSHOT_DIR) await page.screenshot({ path: `${env.SCREENSHOT_DIR}/api-docs-failure.png`, fullPage: false });
  if (outside.length) console.error(`outside requests: ${outside.join(', ')}`);
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
