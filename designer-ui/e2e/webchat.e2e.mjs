// Browser test of the debtor webchat against a running runtime, in Debian's Chromium through playwright-core
// (no downloaded browser). Started by bot-runtime's WebchatBrowserTest, which boots the app, loads a debtor
// and creates a deep link; it can also be run by hand:
//   DEEP_LINK=http://localhost:8080/chat/<token> DOCUMENT_LAST4=1234 node e2e/webchat.e2e.mjs
// Environment: DEEP_LINK (required), DOCUMENT_LAST4 (default 1234), AMOUNT_TEXT (default 1.250.000),
// FIRST_NAME (default Ana), PAY_OPTION (default pay_now), CHROMIUM (default /usr/bin/chromium),
// SCREENSHOT_DIR (where a failure screenshot goes), MEDIA_CHAT_URL (optional: a chat whose opening turn sends a
// document and an image captioned MEDIA_IMAGE_CAPTION, checked for their rendering).
import { chromium } from 'playwright-core';

const deepLink = process.env.DEEP_LINK;
const digits = process.env.DOCUMENT_LAST4 || '1234';
const amountText = process.env.AMOUNT_TEXT || '1.250.000';
const firstName = process.env.FIRST_NAME || 'Ana';
const payOption = process.env.PAY_OPTION || 'pay_now';
const timeout = Number(process.env.STEP_TIMEOUT_MS || 15000);

if (!deepLink) {
  console.error('DEEP_LINK is required');
  process.exit(2);
}

function step(name) {
  console.log(`e2e: ${name}`);
}

const botMessages = (page) => page.locator('[data-testid="message"][data-from="bot"]');

async function waitForText(locator, text) {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 390, height: 780 } });
const page = await context.newPage();
const cspViolations = [];
context.on('console', (message) => {
  if (/Content Security Policy/i.test(message.text())) {
    cspViolations.push(message.text());
  }
});
const dialogs = [];
page.on('dialog', async (dialog) => {
  dialogs.push(dialog.message());
  await dialog.dismiss();
});
const pageErrors = [];
page.on('pageerror', (error) => pageErrors.push(error.message));

try {
  step('open the deep link and see the greeting without debt details');
  await page.goto(deepLink);
  await waitForText(botMessages(page), firstName);
  const greeting = await page.locator('[data-testid="messages"]').innerText();
  if (greeting.includes(amountText)) {
    throw new Error(`the amount was disclosed before verification: ${greeting}`);
  }

  step('the live connection opens');
  await page.locator('[data-testid="connection"][data-state="connected"]').waitFor({ timeout });

  step('type the last 4 digits with the keyboard');
  const input = page.getByLabel('Escribe tu mensaje');
  await input.fill(digits);
  await input.press('Enter');
  await waitForText(botMessages(page), amountText);
  const payButton = page.locator(`button[data-option-id="${payOption}"]:not([disabled])`);
  await payButton.waitFor({ state: 'visible', timeout });

  step('choose to pay now and get a payment link');
  await payButton.click();
  await page.locator('[data-testid="message"][data-from="bot"] a[href^="http"]').first().waitFor({ timeout });
  const link = await page.locator('[data-testid="message"][data-from="bot"] a[href^="http"]').first().getAttribute('href');
  console.log(`e2e: payment link shown (${new URL(link).host})`);

  step('each bot message is shown once although it also arrives by live push');
  await page.waitForTimeout(1000);
  const texts = await botMessages(page).allInnerTexts();
  const counts = new Map();
  texts.forEach((text) => counts.set(text, (counts.get(text) || 0) + 1));
  // In this scenario the bot never says the same thing twice, so any repeat is a push shown twice.
  const repeated = [...counts.entries()].filter(([, count]) => count > 1);
  if (repeated.length > 0) {
    throw new Error(`messages shown more than once: ${JSON.stringify(repeated)}`);
  }

  const livePushes = Number(await page.locator('[data-testid="messages"]').getAttribute('data-live-count'));
  if (livePushes === 0) {
    throw new Error('no live pushes arrived: the de-duplication was not exercised');
  }
  console.log(`e2e: ${livePushes} live pushes merged with the direct answers`);

  step('a reload keeps the same conversation');
  const before = await page.locator('[data-testid="message"]').count();
  await page.reload();
  await waitForText(botMessages(page), amountText);
  await page.locator('[data-testid="message"][data-from="bot"] a[href^="http"]').first().waitFor({ timeout });
  const after = await page.locator('[data-testid="message"]').count();
  if (after !== before) {
    throw new Error(`the transcript after reload has ${after} messages, before it had ${before}`);
  }

  step('a second tab on the same session sees new messages live');
  const storage = await page.evaluate(() => JSON.stringify(Object.entries(window.sessionStorage)));
  const watcher = await context.newPage();
  await watcher.addInitScript((entries) => {
    for (const [key, value] of JSON.parse(entries)) {
      window.sessionStorage.setItem(key, value);
    }
  }, storage);
  await watcher.goto(deepLink);
  await watcher.locator('[data-testid="connection"][data-state="connected"]').waitFor({ timeout });
  const watcherBotsBefore = await botMessages(watcher).count();
  if (watcherBotsBefore !== (await botMessages(page).count())) {
    throw new Error('the second tab did not load the same transcript');
  }

  step('markup in a message is shown as text');
  const hostile = '<img src=x onerror=alert(1)>';
  const pageBotsBefore = await botMessages(page).count();
  await input.fill(hostile);
  await input.press('Enter');
  await page.locator('[data-testid="message"][data-from="debtor"]').filter({ hasText: hostile }).first().waitFor({ timeout });
  await page.waitForFunction((before) => document.querySelectorAll('[data-testid="message"][data-from="bot"]').length > before,
    pageBotsBefore, { timeout });
  await watcher.waitForFunction((before) => document.querySelectorAll('[data-testid="message"][data-from="bot"]').length > before,
    watcherBotsBefore, { timeout });
  console.log('e2e: the second tab received the answer by live push');
  if ((await page.locator('[data-testid="messages"] img').count()) !== 0) {
    throw new Error('an <img> element was injected from message text');
  }
  await page.waitForTimeout(500);
  if (dialogs.length > 0) {
    throw new Error(`a script ran from message text: ${dialogs.join(', ')}`);
  }
  step('a forged deep link gets a clear page, not an error dump');
  const forged = new URL(deepLink);
  forged.pathname = '/chat/forged-token-123';
  await page.goto(forged.toString());
  await page.getByTestId('invalid-link').waitFor({ timeout });
  if (!(await page.getByTestId('invalid-link').innerText()).includes('no es válido')) {
    throw new Error('the forged-link page is not the expected notice');
  }
  if (process.env.MEDIA_CHAT_URL) {
    step('a document and an image sent by the flow are shown safely');
    const caption = process.env.MEDIA_IMAGE_CAPTION || '';
    const media = await context.newPage();
    media.on('pageerror', (error) => pageErrors.push(error.message));
    await media.goto(process.env.MEDIA_CHAT_URL);
    const documentLink = media.locator('[data-testid="media-document"] a');
    await documentLink.waitFor({ timeout });
    if (!(await documentLink.getAttribute('download')) || !(await documentLink.getAttribute('href')).startsWith('https://')) {
      throw new Error('the document is not a download link to its https URL');
    }
    if ((await documentLink.getAttribute('rel')) !== 'noopener noreferrer') {
      throw new Error('the document link lacks rel=noopener noreferrer');
    }
    const image = media.locator('[data-testid="media-image"] img');
    await image.waitFor({ state: 'attached', timeout });
    if ((await image.getAttribute('alt')) !== caption) {
      throw new Error(`the image's alternative text is not its caption: ${await image.getAttribute('alt')}`);
    }
    const figcaption = await media.locator('[data-testid="media-image"] figcaption').innerText();
    if (figcaption !== caption || (await media.locator('[data-testid="messages"] b').count()) !== 0) {
      throw new Error(`the caption was not shown as text: ${figcaption}`);
    }
    console.log('e2e: image shown with its caption as alt text, document offered as a download');
  }
  if (pageErrors.length > 0) {
    throw new Error(`page errors: ${pageErrors.join(' | ')}`);
  }
  if (cspViolations.length > 0) {
    throw new Error(`CSP violations: ${cspViolations.join(' | ')}`);
  }
  console.log('e2e: PASSED');
} catch (error) {
  console.error(`e2e: FAILED: ${error.stack || error}`);
  try {
    console.error(`e2e: page text:\n${await page.locator('body').innerText()}`);
    if (process.env.SCREENSHOT_DIR) {
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/webchat-e2e-failure.png`, fullPage: true });
    }
  } catch (ignored) {
    // the page may be gone
  }
  process.exitCode = 1;
} finally {
  await browser.close();
}
