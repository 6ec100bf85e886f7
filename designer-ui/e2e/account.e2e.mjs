// Browser test of the debtor page's account actions (issue 19): record a payment and see the outstanding amount
// fall; lift a hold with a note. Started by bot-runtime's DebtorAccountBrowserTest, which loads a debtor owing
// 1,250,000 COP whose conversation placed a dispute hold.
//   BASE_URL=http://localhost:8080 STAFF_USER=admin STAFF_PASSWORD=... DEBTOR_ID=D-ACC-1 node e2e/account.e2e.mjs
import { env, openBrowser, required, run, shot, signInAt, step, timeout } from './ops-common.mjs';

required('BASE_URL', 'STAFF_USER', 'STAFF_PASSWORD', 'DEBTOR_ID');
const { browser, problems, newPage } = await openBrowser();
const page = await newPage();

await run(async () => {
  step('open the debtor page (signed out: sign in there)');
  await signInAt(page, `/console/debtors/${encodeURIComponent(env.DEBTOR_ID)}`, env.STAFF_USER, env.STAFF_PASSWORD);
  const outstanding = page.getByTestId('outstanding');
  await outstanding.filter({ hasText: '1.250.000' }).waitFor({ timeout });
  await page.locator('[data-testid="holds"] li[data-hold="dispute"]').waitFor({ timeout });

  step('record a payment: the outstanding amount falls');
  await page.getByLabel(/^Amount/).fill('300000');
  await page.getByLabel('Payment reference').fill('BANK-E2E-1');
  await page.getByRole('button', { name: 'Record payment' }).click();
  await page.getByText('Payment BANK-E2E-1 recorded.').waitFor({ timeout });
  await outstanding.filter({ hasText: '950.000' }).waitFor({ timeout });
  await page.getByTestId('account').filter({ hasText: 'BANK-E2E-1' }).waitFor({ timeout });

  step('lift the dispute hold with a note');
  await shot(page, 'debtor-account', { fullPage: true });
  await page.getByLabel('Note for lifting "dispute"').fill('Debtor sent the signed contract; dispute resolved.');
  await page.getByRole('button', { name: 'Lift hold dispute' }).click();
  await page.getByText('Hold dispute lifted.').waitFor({ timeout });
  await page.getByTestId('no-holds').waitFor({ timeout });
}, () => ({ page }), problems, browser);
