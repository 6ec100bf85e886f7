// Issue 6, acceptance 2: a designer opens the shipped "early" flow, adds a menu option with a new step in the
// graph (through the inspector forms, no drag gestures), sees it in the YAML view, breaks a transition and sees
// the error pinned to the step, fixes it, simulates the new branch on the draft, publishes, and a new webchat
// conversation follows the new branch. Started by bot-runtime's DesignerBrowserTest; by hand:
//   BASE_URL=http://localhost:8080 DESIGNER_USER=diana DESIGNER_PASSWORD=... DEEP_LINK=http://.../chat/<token> \
//   node e2e/designer.e2e.mjs      (DESIGNER_SCREENSHOTS=<dir> also saves the docs screenshots)
import { node, openFlow, runScript, shot, signIn, simulateVerified, step, timeout } from './designer-common.mjs';

const baseUrl = process.env.BASE_URL;
const user = process.env.DESIGNER_USER;
const password = process.env.DESIGNER_PASSWORD;
const deepLink = process.env.DEEP_LINK;
if (!baseUrl || !user || !password || !deepLink) {
  console.error('BASE_URL, DESIGNER_USER, DESIGNER_PASSWORD and DEEP_LINK are required');
  process.exit(2);
}
const BRANCH_TEXT = 'Atendemos de lunes a viernes de 8 a 18.';

await runScript(async (page, context) => {
  step('sign in as a designer and see the flows list');
  await signIn(page, baseUrl, user, password);
  await shot(page, 'flows');

  step('open the shipped early flow');
  await openFlow(page, 'early');
  await node(page, 'main_menu').waitFor({ timeout });
  await shot(page, 'graph');

  step('add a menu option with a new step through the inspector');
  await page.locator('[data-testid="step-select"]').selectOption('main_menu');
  await page.locator('[data-testid="option-id"]').fill('office_hours');
  await page.locator('[data-testid="option-title-es"]').fill('Horarios');
  await page.locator('[data-testid="option-title-en"]').fill('Office hours');
  await page.locator('[data-testid="option-new-step"]').fill('office_hours_info');
  await page.locator('[data-testid="option-new-type"]').selectOption('message');
  await page.locator('[data-testid="add-option"]').click();
  await node(page, 'office_hours_info').waitFor({ timeout });
  await page.locator('[data-testid="step-form"][data-step-id="office_hours_info"]').waitFor({ timeout });
  await page.locator('[data-testid="step-text-es"]').fill(BRANCH_TEXT);
  await page.locator('[data-testid="step-text-en"]').fill('We are open Monday to Friday, 8 am to 6 pm.');
  await node(page, 'office_hours_info').filter({ hasText: 'Atendemos' }).waitFor({ timeout });
  await page.locator('.react-flow__edge-textwrapper, .react-flow__edge-text').filter({ hasText: 'Horarios' }).first()
    .waitFor({ state: 'attached', timeout });
  await shot(page, 'inspector');

  step('see the new option and step in the YAML view');
  await page.locator('[data-tab="yaml"]').click();
  const content = page.locator('[data-testid="yaml-editor"] .cm-content');
  await content.waitFor({ timeout });
  // CodeMirror renders only the visible lines: read the whole document from its view.
  const editorText = () => page.evaluate(() => {
    const content = document.querySelector('[data-testid="yaml-editor"]').shadowRoot.querySelector('.cm-content');
    const tile = content && (content.cmTile || content.cmView);
    const view = tile && (tile.root ? tile.root.view : tile.view);
    return view ? view.state.doc.toString() : '';
  });
  const deadline = Date.now() + timeout;
  let whole = '';
  while (Date.now() < deadline) {
    whole = await editorText();
    if (whole.includes('id: office_hours') && whole.includes('office_hours_info:') && whole.includes('Atendemos de lunes')) break;
    await page.waitForTimeout(200);
  }
  if (!whole.includes('office_hours_info:')) throw new Error(`the YAML view lacks the new step: ${whole.slice(-300)}`);
  // the comments of the shipped file survive the graph edit
  if (!(await editorText()).includes('# Early stage')) throw new Error('the YAML lost its comments after a graph edit');
  // the view scrolled to the selected (new) step
  await content.filter({ hasText: 'office_hours_info:' }).waitFor({ timeout });
  await shot(page, 'yaml');
  await page.locator('[data-tab="graph"]').click();

  step('break the new step transition and see the error on the step');
  await page.locator('[data-testid="step-select"]').selectOption('office_hours_info');
  await page.locator('[data-testid="step-next"]').fill('nowhere');
  await page.locator('[data-testid="step-node"][data-step-id="office_hours_info"][data-error="true"]').waitFor({ timeout });
  const message = await node(page, 'office_hours_info').locator('[data-testid="step-error"]').innerText();
  if (!message.includes('nowhere')) throw new Error(`the error on the step does not name the target: ${message}`);
  await page.locator('[data-testid="validation"][data-valid="false"]').waitFor({ timeout });
  await shot(page, 'error');

  step('fix it');
  await page.locator('[data-testid="step-next"]').fill('main_menu');
  await page.locator('[data-testid="step-node"][data-step-id="office_hours_info"][data-error="false"]').waitFor({ timeout });
  await page.locator('[data-testid="validation"][data-valid="true"]').waitFor({ timeout });

  step('simulate the new branch on the draft');
  await simulateVerified(page);
  const option = page.locator('[data-testid="sim-transcript"] button[data-option-id="office_hours"]:not([disabled])');
  await option.waitFor({ timeout });
  await option.click();
  await page.locator('[data-testid="sim-message"][data-from="bot"]').filter({ hasText: BRANCH_TEXT }).waitFor({ timeout });
  await page.locator('[data-testid="step-node"][data-step-id="main_menu"][data-current="true"]').waitFor({ timeout });
  await shot(page, 'simulator');

  step('publish');
  await page.locator('[data-testid="publish"]').click();
  await page.locator('[data-testid="status"]').filter({ hasText: 'Versión 2 publicada' }).waitFor({ timeout });
  await page.locator('[data-testid="versions-summary"]').filter({ hasText: 'v2' }).waitFor({ timeout });

  step('a new webchat conversation follows the new branch');
  const chat = await context.newPage();
  await chat.goto(deepLink);
  const bot = chat.locator('[data-testid="message"][data-from="bot"]');
  await bot.filter({ hasText: 'Ana' }).first().waitFor({ timeout });
  const input = chat.getByLabel('Escribe tu mensaje');
  await input.fill('1234');
  await input.press('Enter');
  const chatOption = chat.locator('button[data-option-id="office_hours"]:not([disabled])');
  await chatOption.waitFor({ timeout });
  await chatOption.click();
  await bot.filter({ hasText: BRANCH_TEXT }).first().waitFor({ timeout });
});
