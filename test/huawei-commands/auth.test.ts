import assert from 'node:assert/strict';
import { ask, listedIds, startHuaweiBot, type HuaweiBot } from './helpers.js';

const listPath = '/v1/mmc/management/conferences/online';
const signInPath = '/v2/usg/acs/auth/appauth';

describe('Huawei commands: signing in', () => {
  describe('with the right App Key', () => {
    let hw: HuaweiBot;

    before(async () => {
      hw = await startHuaweiBot();
      hw.simulator.control.bulkCreateOngoingMeetings(25, 'bob@contoso.com', 'Standup');
    });

    after(async () => {
      await hw?.close();
    });

    it('a token that expires mid-listing is renewed without the person noticing', async () => {
      const chat = hw.chat('bob');
      const first = await ask(chat, 'list ongoing meetings about Standup');
      assert.match(first.rendered, /Showing 1–10 of 25/);

      // Between pages: every token the simulator issued stops working.
      assert.ok(hw.simulator.control.expireTokens() >= 1);
      hw.simulator.control.clearRequests();
      const second = await ask(chat, 'next page');
      assert.match(second.rendered, /Showing 11–20 of 25/);
      assert.deepEqual(steps(hw), [`GET ${listPath} 401`, `POST ${signInPath} 200`, `GET ${listPath} 200`]);

      // During a request: the token dies as the list call arrives.
      hw.simulator.control.injectFault({ path: listPath, expireToken: true });
      hw.simulator.control.clearRequests();
      const third = await ask(chat, 'next page');
      assert.match(third.rendered, /Showing 21–25 of 25/);
      assert.deepEqual(steps(hw), [`GET ${listPath} 401`, `POST ${signInPath} 200`, `GET ${listPath} 200`]);
      assert.equal(new Set([...listedIds(first), ...listedIds(second), ...listedIds(third)]).size, 25);
    });

    it('reports Huawei as healthy', async () => {
      const health = await healthOf(hw);
      assert.deepEqual(health.find((dependency) => dependency.name === 'huawei'), { name: 'huawei', ok: true });
    });
  });

  describe('with a wrong App Key', () => {
    let hw: HuaweiBot;
    const wrongKey = 'f00dfeedf00dfeedf00dfeedf00dfeed';

    before(async () => {
      hw = await startHuaweiBot({ appKey: wrongKey });
    });

    after(async () => {
      await hw?.close();
    });

    it('tells the person plainly and logs an error line that holds neither key', async () => {
      const reply = await ask(hw.chat('alice'), 'list ongoing meetings');
      assert.equal(reply.text, "Huawei Cloud Meeting rejected the bot's app credentials (App ID or App Key). Ask an administrator to check the bot's Huawei settings.");
      assert.ok(hw.simulator.control.requests().every((request) => request.path === signInPath && request.status === 401), 'nothing but sign-in attempts');

      const lines = hw.bot.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const failure = lines.find((line) => line['msg'] === 'huawei command failed');
      assert.ok(failure, 'an error line for the failed command');
      assert.equal(failure['level'], 50);
      assert.equal(failure['code'], 'USG.206010025');
      for (const line of hw.bot.logLines) {
        assert.ok(!line.includes(wrongKey), 'the configured App Key is never logged');
        assert.ok(!line.includes(hw.simulator.appKey), 'nor the real one');
      }
      assert.ok(!JSON.stringify(hw.bot.channel.personalChat('alice@contoso.com').transcript()).includes(wrongKey), 'nor said in chat');
    });

    it('reports Huawei as unhealthy once its credentials were rejected', async () => {
      const health = await healthOf(hw);
      const huawei = health.find((dependency) => dependency.name === 'huawei');
      assert.equal(huawei?.ok, false);
      assert.match(huawei?.detail ?? '', /rejected the bot's App ID or App Key/);
      assert.ok(!JSON.stringify(health).includes(wrongKey));
    });
  });
});

function steps(hw: HuaweiBot): string[] {
  return hw.simulator.control.requests().map((request) => `${request.method} ${request.path} ${request.status}`);
}

async function healthOf(hw: HuaweiBot): Promise<Array<{ name: string; ok: boolean; detail?: string }>> {
  const response = await fetch(`${hw.bot.app.url}/healthz`);
  const body = (await response.json()) as { dependencies: Array<{ name: string; ok: boolean; detail?: string }> };
  return body.dependencies;
}
