// Browser test of the operations console (issue 19) against a running runtime, in Debian's Chromium through
// playwright-core, driven only through the accessible names of CONTRACTS.md ("Operations console") where they
// exist. Started by bot-runtime's OperationsConsoleBrowserTest, which registers an approved template, opens
// CO's contact hours all day and points WhatsApp at the local Graph API stand-in.
//   BASE_URL=http://localhost:8080 ADMIN_USER=admin ADMIN_PASSWORD=... node e2e/operations.e2e.mjs
// Environment: BASE_URL, ADMIN_USER, ADMIN_PASSWORD (required); TEMPLATE (name|language of an approved
// template with one parameter), OPS_SCREENSHOTS (folder for the operator guide's images), CHROMIUM, SCREENSHOT_DIR.
import { readFileSync } from 'node:fs';
import { env, menu, openBrowser, required, run, shot, signInAt, step, timeout } from './ops-common.mjs';

required('BASE_URL', 'ADMIN_USER', 'ADMIN_PASSWORD');
const template = env.TEMPLATE || 'recordatorio_saldo|es';
const agent = { username: 'lucia.ops', password: 'agent-pass-123' };

function isoDate(daysAhead) {
  return new Date(Date.now() + daysAhead * 86400000).toISOString().slice(0, 10);
}

const HEADER = 'id,name,phone,email,locale,timezone,country,documentLast4,consent.whatsapp.optedIn,consent.whatsapp.at,'
  + 'consent.whatsapp.source,debt.id,debt.product,debt.balance,debt.currency,debt.dueDate';
const CSV = [HEADER,
  `D-OPS-1,Ana Ops,+573001110001,ana.ops@example.com,es-CO,America/Bogota,CO,1234,true,2026-10-01T10:00:00Z,web-signup,L-OPS-1,Tarjeta de crédito,1250000,COP,${isoDate(-10)}`,
  `D-OPS-2,Luis Ops,+573001110002,,es-CO,America/Bogota,CO,5678,false,,,L-OPS-2,Préstamo,800000,COP,${isoDate(-20)}`,
  `D-OPS-3,Bad Row,+573001110003,,es-CO,Mars/Base,CO,9012,true,2026-10-01T10:00:00Z,web-signup,L-OPS-3,Préstamo,10,COP,${isoDate(-5)}`,
].join('\n');

const { browser, problems, newPage } = await openBrowser();
const admin = await newPage();
const agentPage = await newPage();

await run(async () => {
  step('signed out, /console/users shows the sign-in form and continues there after signing in');
  await admin.goto(`${env.BASE_URL}/console/users?lang=en`);
  await admin.getByRole('button', { name: 'Sign in' }).waitFor({ timeout });
  await shot(admin, 'sign-in');
  await admin.getByLabel('Username').fill(env.ADMIN_USER);
  await admin.getByLabel('Password').fill(env.ADMIN_PASSWORD);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await admin.getByRole('button', { name: 'Create user' }).waitFor({ timeout });
  if (!admin.url().endsWith('/console/users?lang=en')) throw new Error(`not on the users page: ${admin.url()}`);

  step('create an agent');
  await admin.getByLabel('Username').fill(agent.username);
  await admin.getByLabel('Password').fill(agent.password);
  await admin.getByLabel('Role').selectOption({ label: 'Agent' });
  await admin.getByLabel('Full name').fill('Lucía Ops');
  await admin.getByRole('button', { name: 'Create user' }).click();
  await admin.locator(`[data-testid="users"] tr[data-username="${agent.username}"]`).filter({ hasText: 'Agent' }).waitFor({ timeout });
  await admin.getByText(`User ${agent.username} created.`).waitFor({ timeout });
  await shot(admin, 'users');

  step('sign in as that agent: the chats, and no operations menu');
  await signInAt(agentPage, '/console/', agent.username, agent.password);
  await agentPage.getByTestId('queue').waitFor({ state: 'attached', timeout });
  if (await agentPage.getByRole('link', { name: 'Users' }).count()) throw new Error('an agent sees the Users menu');
  await agentPage.goto(`${env.BASE_URL}/console/users?lang=en`);
  await agentPage.getByText('Your role cannot open this section.').waitFor({ timeout });

  step('import a CSV with one bad row');
  await menu(admin, 'Portfolio');
  await admin.getByLabel('Portfolio file').setInputFiles({ name: 'portfolio.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await admin.getByRole('button', { name: 'Import' }).click();
  await admin.getByTestId('imported-count').filter({ hasText: 'Imported: 2' }).waitFor({ timeout });
  await admin.getByTestId('rejected-count').filter({ hasText: 'Rejected: 1' }).waitFor({ timeout });
  await admin.locator('[data-testid="rejected-rows"] tr').filter({ hasText: 'D-OPS-3' }).filter({ hasText: 'Mars/Base' }).waitFor({ timeout });
  await shot(admin, 'portfolio-import');

  step('download the error report');
  const [download] = await Promise.all([
    admin.waitForEvent('download', { timeout }),
    admin.getByRole('button', { name: 'Download error report (CSV)' }).click(),
  ]);
  const report = readFileSync(await download.path(), 'utf8');
  const lines = report.trim().split(/\r?\n/);
  if (lines[0] !== 'row,id,errors' || lines.length !== 2 || !lines[1].startsWith('3,D-OPS-3,') || !lines[1].includes('Mars/Base')) {
    throw new Error(`unexpected error report:\n${report}`);
  }

  step('find a debtor and open the page');
  await admin.getByLabel(/Search debtors/).fill('ana.ops');
  await admin.getByRole('button', { name: 'Search', exact: true }).click();
  await admin.locator('[data-testid="debtor-results"] tr[data-debtor-id="D-OPS-1"] a').click();
  await admin.getByRole('heading', { name: /Ana Ops/ }).waitFor({ timeout });
  const canContact = admin.getByTestId('can-contact-whatsapp');
  await canContact.and(admin.locator('[data-allowed="true"]')).waitFor({ timeout });

  step('build a segment and see the audience count and block reasons');
  await menu(admin, 'Campaigns');
  await admin.getByLabel('Campaign name').fill('Early stage CO');
  await admin.getByLabel('Country (ISO, e.g. CO)').fill('CO');
  await admin.getByLabel('Days past due to').fill('30');
  await admin.locator('[data-testid="audience"][data-count="2"]').waitFor({ timeout });
  await admin.locator('[data-testid="audience"]').filter({ hasText: '1 can be contacted now' }).waitFor({ timeout });
  await admin.locator('[data-testid="audience-reasons"] tr[data-reason="no_consent"]').filter({ hasText: '1' }).waitFor({ timeout });
  await admin.getByLabel('Days past due to').fill('15');
  await admin.locator('[data-testid="audience"][data-count="1"]').waitFor({ timeout });
  await admin.getByLabel('Days past due to').fill('30');
  await admin.locator('[data-testid="audience"][data-count="2"]').waitFor({ timeout });

  step('pick the template, map its parameter and see the preview');
  await admin.getByLabel('Template', { exact: true }).selectOption(template);
  await admin.getByLabel('Parameter {{1}}').selectOption('debtor.firstName');
  await admin.getByTestId('template-preview').filter({ hasText: /Hola (Ana|Luis)/ }).waitFor({ timeout });
  await shot(admin, 'campaign-builder', { fullPage: true });
  await admin.getByRole('button', { name: 'Create campaign' }).click();

  step('start it and watch the results change live');
  const campaign = admin.getByTestId('campaign');
  await campaign.and(admin.locator('[data-status="draft"]')).waitFor({ timeout });
  await admin.evaluate(() => {
    window.e2eSamePage = true;
  });
  await admin.getByRole('button', { name: 'Start campaign' }).click();
  await campaign.and(admin.locator('[data-status="running"]')).waitFor({ timeout });
  await admin.getByTestId('campaign-audience').filter({ hasText: /^2$/ }).waitFor({ timeout });
  await admin.locator('[data-testid="reason-counts"] tr[data-reason="no_consent"]').waitFor({ timeout });
  await admin.getByTestId('count-read').filter({ hasText: /^1$/ }).waitFor({ timeout: timeout * 2 });
  if (!(await admin.evaluate(() => window.e2eSamePage === true))) throw new Error('the campaign page was reloaded');
  await shot(admin, 'campaign-results');
  await admin.getByRole('button', { name: 'Pause' }).click();
  await campaign.and(admin.locator('[data-status="paused"]')).waitFor({ timeout });

  step("change CO's hours and see can-contact follow");
  await menu(admin, 'Compliance');
  const policy = admin.locator('[data-testid="policy"][data-country="CO"]');
  await policy.waitFor({ timeout });
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
    await admin.getByLabel(`Contact allowed on ${day}`).uncheck();
  }
  await admin.getByRole('button', { name: 'Save policy' }).click();
  await admin.getByText('Policy of CO saved.').waitFor({ timeout });
  await shot(admin, 'compliance');
  await admin.goto(`${env.BASE_URL}/console/debtors/D-OPS-1?lang=en`);
  await canContact.and(admin.locator('[data-allowed="false"][data-reason="outside_contact_hours"]')).waitFor({ timeout });
  await shot(admin, 'debtor', { fullPage: true });
  await menu(admin, 'Compliance');
  await policy.waitFor({ timeout });
  await admin.getByLabel('Contact allowed on Monday').check();
  await admin.getByLabel('Monday from').fill('00:00');
  await admin.getByLabel('Monday to').fill('23:59');
  for (const day of ['Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
    await admin.getByLabel(`Contact allowed on ${day}`).check();
    await admin.getByLabel(`${day} from`).fill('00:00');
    await admin.getByLabel(`${day} to`).fill('23:59');
  }
  await admin.getByRole('button', { name: 'Save policy' }).click();
  await admin.getByText('Policy of CO saved.').waitFor({ timeout });
  await admin.goto(`${env.BASE_URL}/console/debtors/D-OPS-1?lang=en`);
  await canContact.and(admin.locator('[data-allowed="true"]')).waitFor({ timeout });

  step('the other screens open: templates, settings, the audit');
  await menu(admin, 'Templates');
  await admin.locator(`[data-testid="templates"] tr[data-template="${template.split('|')[0]}"]`).waitFor({ timeout });
  await shot(admin, 'templates');
  await menu(admin, 'Settings');
  await admin.getByLabel('Webhook URL (https://…)').fill('https://creditor.example/cobra-events');
  await admin.getByLabel('Signing secret (at least 16 characters)').fill('a-long-signing-secret-123');
  await admin.getByRole('button', { name: 'Save webhook' }).click();
  await admin.getByText('Webhook saved.').waitFor({ timeout });
  await shot(admin, 'settings');

  step('Spanish by default: the same page speaks Spanish');
  await admin.getByLabel('Language').selectOption('es');
  await admin.getByRole('heading', { name: 'Ajustes', exact: true }).waitFor({ timeout });
}, () => ({ admin, agent: agentPage }), problems, browser);
