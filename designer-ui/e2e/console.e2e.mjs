// Browser test of the agent console (issue 5, acceptance 3) against a running runtime, in Debian's Chromium
// through playwright-core. Started by bot-runtime's AgentConsoleBrowserTest, which boots the app, creates the
// agent user, a canned reply, a debtor and a webchat deep link. Two pages: the debtor's webchat and the console.
//   BASE_URL=http://localhost:8080 DEEP_LINK=http://localhost:8080/chat/<token> AGENT_USER=lucia \
//   AGENT_PASSWORD=... node e2e/console.e2e.mjs
// Environment: BASE_URL, DEEP_LINK, AGENT_USER, AGENT_PASSWORD (required); DOCUMENT_LAST4 (1234),
// FIRST_NAME (Ana), AMOUNT_TEXT (1.250.000), CANNED_TITLE (the canned reply to insert), SUPERVISOR_USER and
// SUPERVISOR_PASSWORD (a supervisor or admin watching the supervisor view), CHROMIUM, SCREENSHOT_DIR,
// E2E_SCREENSHOTS=1 (also keep screenshots of a passing run in SCREENSHOT_DIR).
import { chromium } from 'playwright-core';

const env = process.env;
const baseUrl = env.BASE_URL;
const deepLink = env.DEEP_LINK;
const agentUser = env.AGENT_USER;
const agentPassword = env.AGENT_PASSWORD;
const digits = env.DOCUMENT_LAST4 || '1234';
const firstName = env.FIRST_NAME || 'Ana';
const amountText = env.AMOUNT_TEXT || '1.250.000';
const cannedTitle = env.CANNED_TITLE || '';
const supervisorUser = env.SUPERVISOR_USER;
const supervisorPassword = env.SUPERVISOR_PASSWORD;
const timeout = Number(env.STEP_TIMEOUT_MS || 20000);

for (const [name, value] of Object.entries({ BASE_URL: baseUrl, DEEP_LINK: deepLink, AGENT_USER: agentUser, AGENT_PASSWORD: agentPassword })) {
  if (!value) {
    console.error(`${name} is required`);
    process.exit(2);
  }
}

function step(name) {
  console.log(`e2e: ${name}`);
}

function isoDate(daysAhead) {
  const d = new Date(Date.now() + daysAhead * 86400000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Fails the test on script errors and on CSP violations (the pages run under script-src/style-src 'self'). */
function watch(page, name, problems) {
  page.on('pageerror', (error) => problems.push(`${name}: page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (apply|execute|load)/i.test(text)) problems.push(`${name}: CSP: ${text}`);
  });
}

const browser = await chromium.launch({
  executablePath: env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const problems = [];
const debtorContext = await browser.newContext({ locale: 'es-CO', viewport: { width: 390, height: 780 } });
const agentContext = await browser.newContext({ locale: 'es-CO', viewport: { width: 1400, height: 900 } });
const debtor = await debtorContext.newPage();
const consolePage = await agentContext.newPage();
const supervisorContext = await browser.newContext({ locale: 'es-CO', viewport: { width: 1400, height: 900 } });
const supervisorPage = await supervisorContext.newPage();
watch(supervisorPage, 'supervisor', problems);

async function signIn(page, username, password) {
  await page.getByLabel('Usuario').fill(username);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.locator('[data-testid="live"][data-state="connected"]').waitFor({ timeout });
}

async function keep(page, name) {
  if (env.E2E_SCREENSHOTS === '1' && env.SCREENSHOT_DIR) {
    await page.screenshot({ path: `${env.SCREENSHOT_DIR}/console-e2e-${name}.png`, fullPage: true });
  }
}
watch(debtor, 'debtor', problems);
watch(consolePage, 'console', problems);
let current = debtor;

try {
  step('the debtor opens the deep link and verifies with the 4 digits');
  await debtor.goto(deepLink);
  await debtor.locator('[data-testid="message"][data-from="bot"]').filter({ hasText: firstName }).first().waitFor({ timeout });
  await debtor.locator('[data-testid="connection"][data-state="connected"]').waitFor({ timeout });
  const input = debtor.getByLabel('Escribe tu mensaje');
  await input.fill(digits);
  await input.press('Enter');
  await debtor.locator('[data-testid="message"][data-from="bot"]').filter({ hasText: amountText }).first().waitFor({ timeout });

  step('the agent signs in to the console');
  current = consolePage;
  await consolePage.goto(`${baseUrl}/console/`);
  await signIn(consolePage, agentUser, agentPassword);
  await consolePage.getByTestId('queue').waitFor({ state: 'attached', timeout });
  if ((await consolePage.getByTestId('queue-item').count()) !== 0) {
    throw new Error('the queue is not empty before the handoff');
  }
  // Marks this page load: if the queue item only showed after a reload, the mark would be gone.
  await consolePage.evaluate(() => {
    window.e2eSamePage = true;
  });

  step('the debtor asks for a person while the console is open');
  current = debtor;
  const botsBefore = await debtor.locator('[data-testid="message"][data-from="bot"]').count();
  await input.fill('quiero hablar con un asesor');
  await input.press('Enter');
  await debtor.waitForFunction((before) => document.querySelectorAll('[data-testid="message"][data-from="bot"]').length > before,
    botsBefore, { timeout });

  step('the waiting chat appears in the queue live, without a reload');
  current = consolePage;
  const item = consolePage.getByTestId('queue-item').first();
  await item.waitFor({ timeout });
  const conversationId = await item.getAttribute('data-conversation-id');
  console.log(`e2e: conversation=${conversationId}`);
  if (!(await consolePage.evaluate(() => window.e2eSamePage === true))) {
    throw new Error('the page was reloaded');
  }
  await keep(consolePage, 'queue');

  if (supervisorUser) {
    step('a supervisor sees the chat waiting in the general queue and the agent on the floor');
    current = supervisorPage;
    await supervisorPage.goto(`${baseUrl}/console/supervisor`);
    await signIn(supervisorPage, supervisorUser, supervisorPassword);
    await supervisorPage.locator(`[data-testid="waiting-chats"] tr[data-conversation-id="${conversationId}"]`).waitFor({ timeout });
    await supervisorPage.locator('[data-testid="queue-stats"] tr[data-queue="general"] [data-testid="queue-waiting"]')
      .filter({ hasText: /^1$/ }).waitFor({ timeout });
    await supervisorPage.locator(`[data-testid="agents"] tr[data-agent="${agentUser}"]`).waitFor({ timeout });
    current = consolePage;
  }

  step('the agent takes it and sees the context: balance and what the NLU saw');
  await item.getByTestId('take').click();
  const chat = consolePage.locator(`[data-testid="chat-view"][data-conversation-id="${conversationId}"][data-status="AGENT"]`);
  await chat.waitFor({ timeout });
  await consolePage.locator(`[data-testid="my-chat"][data-conversation-id="${conversationId}"]`).waitFor({ timeout });
  await consolePage.getByTestId('balance').filter({ hasText: amountText }).waitFor({ timeout });
  await consolePage.getByTestId('nlu').filter({ hasText: 'talk_to_agent' }).waitFor({ timeout });
  await consolePage.locator('[data-testid="transcript-message"][data-from="debtor"]').filter({ hasText: 'quiero hablar con un asesor' })
    .waitFor({ timeout });

  await keep(consolePage, 'chat');
  if (supervisorUser) {
    step("the supervisor's view moves the chat to the agent's hands live");
    await supervisorPage.locator(`[data-testid="owned-chats"] tr[data-conversation-id="${conversationId}"]`)
      .filter({ hasText: agentUser }).waitFor({ timeout });
    await supervisorPage.locator(`[data-testid="agents"] tr[data-agent="${agentUser}"]`).filter({ hasText: '1/' }).waitFor({ timeout });
    await keep(supervisorPage, 'supervisor');
  }

  step('keyboard: leave the chat, then Alt+1 opens it again');
  await consolePage.getByTestId('nav-chats').click();
  await chat.waitFor({ state: 'detached', timeout });
  await consolePage.keyboard.press('Alt+1');
  await chat.waitFor({ timeout });

  step('the agent inserts a canned reply with variables and sends it with Ctrl+Enter');
  const composer = consolePage.getByTestId('composer');
  let reply;
  if (cannedTitle) {
    const option = consolePage.locator('[data-testid="canned-select"] option', { hasText: cannedTitle }).first();
    await consolePage.getByTestId('canned-select').selectOption(await option.getAttribute('value'));
    reply = await composer.inputValue();
    if (!reply.includes(firstName) || reply.includes('{')) {
      throw new Error(`the canned reply was not filled: ${reply}`);
    }
  } else {
    reply = `Hola ${firstName}, te atiende una persona.`;
    await composer.fill(reply);
  }
  await composer.press('Control+Enter');
  await consolePage.locator('[data-testid="transcript-message"][data-from="agent"]').filter({ hasText: reply }).waitFor({ timeout });
  if ((await composer.inputValue()) !== '') throw new Error('the message box was not cleared after sending');

  step("the debtor's page shows the agent's reply live");
  await debtor.locator('[data-testid="message"][data-from="agent"]').filter({ hasText: reply }).waitFor({ timeout });

  step('the agent records PROMISE_TO_PAY with a date and an amount and closes');
  current = consolePage;
  await consolePage.getByTestId('disposition').selectOption('PROMISE_TO_PAY');
  await consolePage.getByTestId('release-submit').click();
  await consolePage.getByText('Indica la fecha de pago.').waitFor({ timeout });
  const promiseDate = isoDate(5);
  await consolePage.getByTestId('promise-date').fill(promiseDate);
  await consolePage.getByTestId('promise-amount').fill('300.000');
  await consolePage.getByTestId('release-submit').click();
  await consolePage.getByTestId('notice').filter({ hasText: 'Promesa de pago' }).waitFor({ timeout });
  await consolePage.locator(`[data-testid="my-chat"][data-conversation-id="${conversationId}"]`).waitFor({ state: 'detached', timeout });
  console.log(`e2e: promise=${promiseDate}`);

  step('the closed chat shows the recorded promise');
  await consolePage.goto(`${baseUrl}/console/chats/${conversationId}`);
  await consolePage.locator(`[data-testid="chat-view"][data-status="CLOSED"]`).waitFor({ timeout });
  await consolePage.getByTestId('promises').filter({ hasText: '300.000' }).waitFor({ timeout });

  step('the debtor writes again: a fresh bot run, verification, and a second request for a person');
  current = debtor;
  const say = async (text) => {
    const before = await debtor.locator('[data-testid="message"][data-from="bot"]').count();
    await input.fill(text);
    await input.press('Enter');
    await debtor.waitForFunction((n) => document.querySelectorAll('[data-testid="message"][data-from="bot"]').length > n,
      before, { timeout });
  };
  await say('hola de nuevo');
  await say(digits);
  await say('quiero hablar con un asesor');

  step('the agent takes it again and hands it back to the bot at the main menu');
  current = consolePage;
  await consolePage.getByTestId('nav-chats').click();
  const again = consolePage.locator(`[data-testid="queue-item"][data-conversation-id="${conversationId}"]`);
  await again.waitFor({ timeout });
  await again.getByTestId('take').click();
  await chat.waitFor({ timeout });
  await consolePage.getByTestId('mode-bot').check();
  await consolePage.getByTestId('resume-step').selectOption('main_menu');
  const activeMenu = debtor.locator('[data-testid="message"][data-from="bot"] button[data-option-id="pay_now"]:not([disabled])');
  if ((await activeMenu.count()) !== 0) throw new Error('a menu is active while the chat is with the agent');
  await consolePage.getByTestId('release-submit').click();
  await consolePage.getByTestId('notice').filter({ hasText: 'volvió al bot' }).waitFor({ timeout });

  step("the debtor's page shows the bot's main menu again");
  current = debtor;
  await activeMenu.first().waitFor({ timeout });
  current = consolePage;
  await consolePage.goto(`${baseUrl}/console/chats/${conversationId}`);
  await consolePage.locator('[data-testid="chat-view"][data-status="BOT"]').waitFor({ timeout });

  step('the UI switches to English');
  await consolePage.getByLabel('Idioma').selectOption('en');
  await consolePage.getByTestId('chat-status').filter({ hasText: 'With the bot' }).waitFor({ timeout });

  if (problems.length > 0) {
    throw new Error(problems.join(' | '));
  }
  console.log('e2e: PASSED');
} catch (error) {
  console.error(`e2e: FAILED: ${error.stack || error}`);
  if (problems.length) console.error(`e2e: problems: ${problems.join(' | ')}`);
  try {
    console.error(`e2e: page text:\n${await current.locator('body').innerText()}`);
    if (env.SCREENSHOT_DIR) {
      await consolePage.screenshot({ path: `${env.SCREENSHOT_DIR}/console-e2e-failure.png`, fullPage: true });
      await debtor.screenshot({ path: `${env.SCREENSHOT_DIR}/console-e2e-debtor-failure.png`, fullPage: true });
    }
  } catch (ignored) {
    // the page may be gone
  }
  process.exitCode = 1;
} finally {
  await browser.close();
}
