import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../../src/config.js';

const entryPoint = fileURLToPath(new URL('../../src/index.js', import.meta.url));

describe('configuration', () => {
  it('starts from embedded defaults with nothing set', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3978);
    assert.equal(config.dataDir, './data');
    assert.equal(config.publicUrl, 'http://localhost:3978');
    assert.equal(config.ucwa.discoveryUrl, undefined);
    assert.equal(config.huawei.endpoint, undefined);
    assert.equal(config.bot.appType, 'MultiTenant');
    assert.equal(config.host, '127.0.0.1', 'an unauthenticated bot listens on loopback only');
    assert.equal(loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p' }).host, '0.0.0.0');
  });

  it('names the variable and what it expects', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), (error: unknown) => error instanceof ConfigError && /^PORT: expected a whole number/.test(error.message));
    assert.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), /LOG_LEVEL: expected one of fatal, error, warn/);
    assert.throws(() => loadConfig({ UCWA_DISCOVERY_URL: 'lyncdiscover' }), /UCWA_DISCOVERY_URL: UCWA_DISCOVERY_URL must be an absolute http\(s\) URL/);
    assert.throws(() => loadConfig({ MicrosoftAppType: 'Everyone' }), /MicrosoftAppType: expected one of MultiTenant, SingleTenant, UserAssignedMSI/);
  });

  it('never echoes a secret it rejects', () => {
    assert.throws(
      () => loadConfig({ HUAWEI_MEETING_ENDPOINT: 'https://api.meeting.huaweicloud.com', HUAWEI_APP_ID: 'id', HUAWEI_APP_KEY: '' }),
      (error: unknown) => error instanceof ConfigError && !error.message.includes('got'),
    );
  });

  it('keeps the file store by default and takes STORAGE=blob only with its account and a valid container', () => {
    assert.deepEqual(loadConfig({}).storage, { kind: 'file' });
    const connectionString = 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net';
    const key = Buffer.alloc(32, 7).toString('base64');
    assert.deepEqual(loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: connectionString, AZURE_STORAGE_CONTAINER: 'bot-state', STORAGE_ENCRYPTION_KEY: key }).storage, {
      kind: 'blob',
      connectionString,
      container: 'bot-state',
    });
    assert.throws(() => loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONTAINER: 'bot-state' }), /^ConfigError: AZURE_STORAGE_CONNECTION_STRING: required when STORAGE is blob$/);
    assert.throws(() => loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: connectionString }), /AZURE_STORAGE_CONTAINER: required when STORAGE is blob/);
    assert.throws(() => loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: connectionString, AZURE_STORAGE_CONTAINER: 'Bot_State' }), /AZURE_STORAGE_CONTAINER: expected 3 to 63 lower-case/);
    assert.throws(() => loadConfig({ STORAGE: 's3' }), /STORAGE: expected one of file, blob/);
    assert.throws(
      () => loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: connectionString, AZURE_STORAGE_CONTAINER: 'bot-state' }),
      /STORAGE_ENCRYPTION_KEY: required when STORAGE is blob/,
      'instances sharing a container must share the key',
    );
  });

  it('takes storage encryption keys as base64 of 32 bytes, never echoing a rejected one', () => {
    const current = Buffer.alloc(32, 1);
    const previous = Buffer.alloc(32, 2);
    const config = loadConfig({ STORAGE_ENCRYPTION_KEY: current.toString('base64'), STORAGE_ENCRYPTION_KEY_PREVIOUS: ` ${previous.toString('base64')} ,` });
    assert.deepEqual(config.storageEncryption, { current, previous: [previous] });
    assert.deepEqual(loadConfig({}).storageEncryption, { current: undefined, previous: [] });
    assert.throws(
      () => loadConfig({ STORAGE_ENCRYPTION_KEY: 'c2hvcnQta2V5' }),
      (error: unknown) => error instanceof ConfigError && /^STORAGE_ENCRYPTION_KEY: expected 32 random bytes/.test(error.message) && !error.message.includes('c2hvcnQta2V5'),
    );
    assert.throws(() => loadConfig({ STORAGE_ENCRYPTION_KEY_PREVIOUS: 'nope' }), /STORAGE_ENCRYPTION_KEY_PREVIOUS: expected comma-separated keys/);
  });

  it('refuses to run unauthenticated on a public address unless told to', () => {
    assert.throws(() => loadConfig({ PUBLIC_URL: 'https://bot.contoso.com' }), /MicrosoftAppId: required when PUBLIC_URL is not a loopback address/);
    assert.equal(loadConfig({ PUBLIC_URL: 'https://bot.contoso.com', ALLOW_UNAUTHENTICATED: 'true' }).allowUnauthenticated, true);
    assert.equal(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3978' }).publicUrl, 'http://127.0.0.1:3978');
  });

  it('takes token signing keys from an https or loopback metadata URL only', () => {
    assert.equal(loadConfig({}).bot.openIdMetadataUrl, undefined);
    const local = 'http://127.0.0.1:4000/v1/.well-known/openidconfiguration';
    assert.equal(loadConfig({ BOT_OPENID_METADATA_URL: local }).bot.openIdMetadataUrl, local);
    assert.equal(loadConfig({ BOT_OPENID_METADATA_URL: 'https://login.example.com/openid' }).bot.openIdMetadataUrl, 'https://login.example.com/openid');
    assert.throws(() => loadConfig({ BOT_OPENID_METADATA_URL: 'http://login.example.com/openid' }), /BOT_OPENID_METADATA_URL: .*must use https unless it is on this machine/);
    assert.throws(() => loadConfig({ BOT_OPENID_METADATA_URL: 'openid' }), /BOT_OPENID_METADATA_URL: .*absolute http\(s\) URL/);
  });

  it('requires the tenant for a single-tenant bot', () => {
    assert.throws(() => loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }), /MicrosoftAppTenantId: required/);
  });

  it('stops the process with one readable line and no stack trace', () => {
    const run = spawnSync(process.execPath, [entryPoint], { env: { PATH: process.env.PATH, PORT: '99999' }, encoding: 'utf8', timeout: 15_000 });
    assert.notEqual(run.status, 0);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, /^Configuration error: PORT: expected a port number from 0 to 65535 \(got "99999"\)$/);
    assert.doesNotMatch(run.stderr + run.stdout, /\bat .*\.js:\d+/);
  });
});
