// The people app in a real browser (Debian's chromium through playwright-core) against the local
// stack of deploy/local/run.sh: each flow of the issue, an accessibility check of every view with
// axe-core, and a screenshot of every view into docs/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const APP = process.env.APP_URL ?? 'http://127.0.0.1:8080';
const SHOTS = process.env.SCREENSHOT_DIR ?? new URL('../../../../docs/screenshots/', import.meta.url).pathname;
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
});

after(async () => browser?.close());

/** A fresh browser (cookies of its own) signed in as {@code user} on the Keycloak page. */
async function signIn(user, viewport = DESKTOP) {
  // bypassCSP lets axe-core be injected; the app's own pages run under their CSP otherwise
  const context = await browser.newContext({ viewport, bypassCSP: true, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${APP}/`);
  await page.waitForSelector('#username', { timeout: 30_000 });
  assert.match(page.url(), /\/realms\/wellbeing\/protocol\/openid-connect\/auth/);
  assert.match(page.url(), /code_challenge_method=S256/);
  await page.fill('#username', user);
  await page.fill('#password', user);
  await Promise.all([page.waitForURL(`${APP}/**`), page.click('#kc-login')]);
  return page;
}

/** No serious or critical accessibility violation on the page as it stands. */
async function accessible(page, view) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    [],
    `accessibility of ${view}`,
  );
}

async function shot(page, name) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('a manager sees an alert, opens its evidence, acknowledges it and sees it acknowledged', async () => {
  const page = await signIn('maria');
  assert.equal(new URL(page.url()).pathname, '/inbox');
  // the demo's events take a while to become alerts after the stack starts
  const deadline = Date.now() + 240_000;
  while ((await page.locator('ul.alerts a[href^="/alerts/"]').count()) === 0) {
    assert.ok(Date.now() < deadline, 'no alert reached the inbox within 240 s');
    await page.waitForTimeout(5_000);
    await page.reload();
  }
  await shot(page, 'inbox');
  await accessible(page, 'the inbox');

  const alice = page.locator('ul.alerts a[href^="/alerts/"]', { hasText: 'alice' }).first();
  await Promise.all([page.waitForURL(/\/alerts\//), alice.click()]);
  await page.waitForSelector('.chart svg');
  assert.equal(await page.textContent('#status'), 'OPEN');
  await shot(page, 'alert');
  await accessible(page, 'an alert');

  await page.fill('#reason', 'Spoke with Alice; the release ends Friday and she takes Monday off.');
  await Promise.all([page.waitForURL(/\?done/), page.click('form.ack button')]);
  assert.equal(await page.textContent('.notice'), 'Acknowledged.');
  assert.equal(await page.textContent('#status'), 'ACKNOWLEDGED');

  await page.goto(`${APP}/teams/platform`);
  await page.waitForSelector('h1');
  await shot(page, 'team');
  await accessible(page, 'team health');
  await page.context().close();
});

test('an employee sees their page, moves a what-if factor and the projection changes; someone else\'s page is 403', async () => {
  const page = await signIn('alice');
  assert.equal(new URL(page.url()).pathname, '/me');
  assert.equal(await page.textContent('h1'), 'My page');
  await page.waitForSelector('.chart svg');
  await shot(page, 'me');
  await accessible(page, 'my page');

  const before = await page.textContent('#at-pace');
  const bottleneck = (await page.textContent('#bottleneck')).trim();
  await Promise.all([page.waitForURL(new RegExp(`[?&]${bottleneck}=`)), page.locator(`#${bottleneck}`).fill('1')]);
  const afterWhatIf = await page.textContent('#at-pace');
  assert.notEqual(afterWhatIf, before, `lifting ${bottleneck} to 1 changes the projection`);
  assert.ok(Number(afterWhatIf) > Number(before));

  const response = await page.goto(`${APP}/people/bruno`);
  assert.equal(response.status(), 403);
  assert.equal(await page.textContent('h1'), 'Not yours to see');
  await shot(page, 'forbidden');

  // signing out ends the Keycloak session too: the next visit asks for the password again
  await Promise.all([page.waitForURL(`${APP}/signed-out**`), page.click('.signout a')]);
  await page.goto(`${APP}/me`);
  await page.waitForSelector('#username');
  await page.context().close();

  const phone = await signIn('alice', PHONE);
  await phone.waitForSelector('.chart svg');
  await shot(phone, 'me-phone');
  await accessible(phone, 'my page on a phone');
  await phone.context().close();
});

test('an administrator imports a directory with one bad row and sees that row named', async () => {
  const page = await signIn('admin');
  assert.equal(new URL(page.url()).pathname, '/admin');
  await accessible(page, 'administration');
  const csv = [
    'kind,id,name,teamId,managerId,parentTeamId,timeZone',
    'team,design,Design,,maria,engineering,',
    'person,zoe,Zoe Quinn,design,,,Europe/Berlin',
    'person,yann,Yann Tiersen,design,,,Mars/Olympus_Mons',
  ].join('\n');
  await page.setInputFiles('#file', { name: 'directory.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await Promise.all([page.waitForURL(`${APP}/admin/directory`), page.click('form[enctype] button')]);
  const errors = await page.locator('#import-errors li').allTextContents();
  assert.equal(errors.length, 1, errors.join(' | '));
  assert.match(errors[0], /\[4\]\.people\.timeZone/);
  // the demo's e-mail channel is listed among the webhooks
  assert.match(await page.textContent('section[aria-labelledby="webhooks-h"]'), /demo-mail/);
  await shot(page, 'admin');
  await accessible(page, 'administration with import errors');
  // all or nothing: the good rows of the refused file were not imported either
  const response = await page.goto(`${APP}/teams/design`);
  assert.equal(response.status(), 404);
  await page.context().close();
});
