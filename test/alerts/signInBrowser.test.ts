import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import type { BotUnderTest } from '../helpers/botUnderTest.js';
import { passwords, signInUrlOf, startAlertsBot } from './helpers.js';

/** Debian's Chromium; `.ci/run` installs it. Elsewhere the test is skipped with a note, never silently passed. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The sign-in page as a person meets it: a real browser opens the card's link, types, and submits the form. */
describe('the sign-in page in a real browser', function () {
  this.timeout(60_000);
  let sim: UcwaSimulator;
  let bot: BotUnderTest;
  let close: () => Promise<void>;
  let browser: Browser;

  before(async function () {
    if (!existsSync(chromiumPath)) {
      if (process.env.CI) throw new Error(`Chromium is missing at ${chromiumPath}; .ci/run installs it`);
      this.skip();
    }
    ({ sim, bot, close } = await startAlertsBot());
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
    await close?.();
  });

  it('signs the person in, and the password goes nowhere but the UCWA token endpoint', async () => {
    const alice = bot.channel.personalChat('alice@contoso.com');
    await alice.send('sign in');
    const card = await alice.waitFor((event) => JSON.stringify(event.cards).includes('/signin?state='));
    const page = await browser.newPage();
    const password = passwords['alice@contoso.com']!;
    await page.goto(signInUrlOf(card).toString());
    assert.equal(await page.title(), 'Sign in to Skype for Business');
    await page.getByLabel('Sign-in address').fill('alice@contoso.com');
    await page.getByLabel('Password').fill(password);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()]);
    assert.match(await page.textContent('body') ?? '', /You are signed in/);
    await alice.waitFor((event) => /You are signed in to Skype for Business/.test(event.text ?? ''), { timeoutMs: 5_000 });
    assert.equal(sim.control.applications().length, 1);

    // Reopening the used link is refused: the state was one-time.
    await page.goBack();
    await page.reload();
    assert.match(await page.textContent('body') ?? '', /expired or was already used/);
    assert.ok(!bot.logLines.join('').includes(password), 'the password is not in the log');
    assert.ok(!alice.transcriptText().includes(password), 'the password is not in the chat');
  });
});
