// Issue 6, acceptance 3: the simulator shows the intent and confidence of a free-text message; two published
// versions are diffed (YAML diff and steps added/changed) and the flow is rolled back to the first one.
// Runs after designer.e2e.mjs (which published version 2). Same environment, minus DEEP_LINK.
import { node, openFlow, runScript, shot, signIn, simulateVerified, step, timeout } from './designer-common.mjs';

const baseUrl = process.env.BASE_URL;
const user = process.env.DESIGNER_USER;
const password = process.env.DESIGNER_PASSWORD;
if (!baseUrl || !user || !password) {
  console.error('BASE_URL, DESIGNER_USER and DESIGNER_PASSWORD are required');
  process.exit(2);
}

await runScript(async (page) => {
  step('sign in and open early');
  await signIn(page, baseUrl, user, password);
  await openFlow(page, 'early');

  step('the simulator shows intent and confidence for free text');
  await simulateVerified(page);
  const freeText = 'perdí el empleo y no tengo con qué pagar este mes';
  await page.locator('[data-testid="sim-input"]').fill(freeText);
  await page.locator('[data-testid="sim-input"]').press('Enter');
  // wait for the result of this message (the panel shows the previous free-text turn until then)
  await page.locator('[data-testid="nlu"]').filter({ hasText: freeText }).waitFor({ timeout });
  const intent = (await page.locator('[data-testid="nlu-intent"]').innerText()).trim();
  const confidence = Number((await page.locator('[data-testid="nlu-confidence"]').innerText()).trim());
  if (!intent || !(confidence >= 0 && confidence <= 1)) throw new Error(`bad NLU display: ${intent} ${confidence}`);
  if ((await page.locator('[data-testid="nlu"] .ranking li').count()) < 1) throw new Error('no intent ranking shown');
  console.log(`e2e: nlu intent=${intent} confidence=${confidence}`);
  await page.locator('[data-testid="nlu"]').scrollIntoViewIfNeeded();
  await shot(page, 'nlu');

  step('record the session as a conversation test and run the tests');
  await page.locator('[data-testid="record-name"]').fill('desempleo');
  await page.locator('[data-testid="record"]').click();
  await page.locator('[data-testid="record-form"] [role="status"]').filter({ hasText: 'desempleo' }).waitFor({ timeout });
  await page.locator('[data-tab="tests"]').click();
  await page.locator('[data-testid="conversation-tests"] li strong').filter({ hasText: 'desempleo' }).waitFor({ timeout });
  await page.locator('[data-testid="run-tests"]').click();
  await page.locator('[data-testid="conversation-tests"] li[data-result="passed"]').filter({ hasText: 'desempleo' }).waitFor({ timeout: timeout * 3 });
  if (await page.locator('[data-testid="conversation-tests"] li[data-result="failed"]').count()) {
    throw new Error(`a conversation test fails: ${await page.locator('[data-testid="test-failure"]').first().innerText()}`);
  }
  await shot(page, 'tests');

  step('diff version 1 and version 2');
  await page.locator('[data-tab="versions"]').click();
  await page.locator('[data-testid="versions"] tr[data-version="2"]').waitFor({ timeout });
  await page.locator('[data-testid="diff-from"]').selectOption('1');
  await page.locator('[data-testid="diff-to"]').selectOption('2');
  await page.locator('[data-testid="compare"]').click();
  await page.locator('[data-testid="steps-added"]').filter({ hasText: 'office_hours_info' }).waitFor({ timeout });
  await page.locator('[data-testid="steps-changed"]').filter({ hasText: 'main_menu' }).waitFor({ timeout });
  await page.locator('[data-testid="yaml-diff"] .cm-mergeView').waitFor({ timeout });
  if ((await page.locator('[data-testid="yaml-diff"] .cm-changedLine').count()) < 1) {
    throw new Error('the YAML diff marks no changed line');
  }
  await shot(page, 'diff');

  step('roll back to version 1');
  await page.locator('[data-testid="rollback-1"]').click();
  await page.locator('[data-testid="versions-status"]').filter({ hasText: 'publicada como v3' }).waitFor({ timeout });
  await page.locator('[data-tab="graph"]').click();
  await node(page, 'main_menu').waitFor({ timeout });
  if (await node(page, 'office_hours_info').count()) throw new Error('the rolled back draft still has the new step');
  await page.locator('[data-testid="versions-summary"]').filter({ hasText: 'v3' }).waitFor({ timeout });

  step('browse the intent examples and add one');
  await page.goto(`${baseUrl}/designer/#/intents`);
  await page.locator('[data-testid="intent-editor"] button[data-intent="financial_hardship"]').click();
  await page.locator('[data-testid="example-text"]').fill('me despidieron del trabajo y no me alcanza');
  await page.locator('[data-testid="example-text"]').press('Enter');
  await page.locator('[data-testid="examples"] li').filter({ hasText: 'me despidieron del trabajo' }).waitFor({ timeout });
  await shot(page, 'intents');

  if (process.env.AGENT_USER) {
    step('an agent sees the flow read only');
    const agentContext = await page.context().browser().newContext({ locale: 'es-CO', viewport: { width: 1280, height: 800 } });
    const agent = await agentContext.newPage();
    await signIn(agent, baseUrl, process.env.AGENT_USER, process.env.AGENT_PASSWORD);
    await agent.locator('[data-testid="read-only"]').waitFor({ timeout });
    await agent.locator('tr[data-flow-id="early"] a').click();
    await node(agent, 'main_menu').waitFor({ timeout });
    for (const hidden of ['[data-testid="publish"]', '[data-testid="save"]', '[data-testid="add-step-form"]', '[data-pane="simulator"]']) {
      if (await agent.locator(hidden).count()) throw new Error(`an agent sees ${hidden}`);
    }
    if (await agent.locator('a[href="#/intents"]').count()) throw new Error('an agent sees the intent editor link');
    await agentContext.close();
  }
});
