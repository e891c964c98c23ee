import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger, scrubAll, scrubSecrets } from '../../src/logging.js';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('logging', () => {
  it('redacts secrets in structured fields and inside text', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'info', destination: stream });
    logger.info({ headers: { authorization: 'Bearer cwt=AAEBHAEFAAAAAAA', 'x-access-token': 'stbHuaweiToken123' }, password: 'Alice-Pass-1', appKey: 'k3y' }, 'request');
    logger.info({ url: 'https://pool.contoso.com/ucwa/oauth/v1/applications?cwt=SECRETTICKET' }, 'GET https://x/?access_token=abc123 with Bearer eyJhbGciOi.payload.sig');
    logger.error({ err: new Error('token cwt=LEAKED refused for password=hunter2') }, 'failed');
    const output = lines.join('');
    for (const secret of ['AAEBHAEFAAAAAAA', 'stbHuaweiToken123', 'Alice-Pass-1', 'k3y', 'SECRETTICKET', 'abc123', 'eyJhbGciOi', 'LEAKED', 'hunter2']) {
      assert.ok(!output.includes(secret), `${secret} leaked: ${output}`);
    }
    assert.match(output, /\[Redacted\]/);
  });

  it('scrubs tokens out of free text', () => {
    assert.equal(scrubSecrets('Authorization: Bearer abc.def'), 'Authorization: Bearer [Redacted]');
    assert.equal(scrubSecrets('x?cwt=abc&y=1'), 'x?cwt=[Redacted]&y=1');
  });
});

describe('scrubSecrets', () => {
  /**
   * Strings without "=", a double quote or a scheme word are returned untouched (src/logging.ts); this holds the
   * shortcut to the four replaces on texts built from everything the patterns react to.
   */
  const fragments = [
    'cwt=', 'CWT=', 'Bearer', 'bearer', 'Basic', 'HMAC-SHA256', ' ', '\t', '\n', '=', '"', ':', '&', "'", 'password', 'PassWord', 'access_token',
    'accessToken', 'appKey', 'client_secret', 'signature', 'token', 'secret', 'clientSecret', 'abc.DEF', '+/=', 'x', 'command recognised',
    'https://pool.contoso.com/ucwa?x=1', '{', '}', '会议', '😀', '',
  ];

  it('gives what the full scrub gives, with and without secrets', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    let scrubbedSome = 0;
    for (let index = 0; index < 50_000; index += 1) {
      let text = '';
      for (let part = next() % 10; part > 0; part -= 1) text += fragments[next() % fragments.length];
      const full = scrubAll(text);
      if (full !== text) scrubbedSome += 1;
      assert.equal(scrubSecrets(text), full, JSON.stringify(text));
    }
    assert.ok(scrubbedSome > 5_000, 'the generator must produce secrets to scrub');
  });

  it('leaves plain log text as it is and still scrubs secrets', () => {
    assert.equal(scrubSecrets('command recognised'), 'command recognised');
    assert.equal(scrubSecrets('token refused: Basic dXNlcjpwYXNz'), 'token refused: Basic [Redacted]');
    assert.equal(scrubSecrets('{"clientSecret": "s3cret"}'), '{"clientSecret": "[Redacted]"}');
  });
});

describe('logging errors', () => {
  it('keeps an error\'s message, stack, code and cause, redacted', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'info', destination: stream });
    const cause = Object.assign(new Error('socket closed with password=hunter2'), { code: 'ECONNRESET' });
    const error = Object.assign(new Error('send failed for Bearer eyJhbGciOi.payload.sig', { cause }), { code: 'E_SEND', statusCode: 502 });
    logger.error({ err: error }, 'under err');
    logger.child({ component: 'x' }).error({ error }, 'under another key');
    for (const line of lines) {
      const logged = JSON.parse(line) as Record<string, { message?: string; stack?: string; code?: string; statusCode?: number; cause?: { message?: string; code?: string } }>;
      const serialized = logged.err ?? logged.error!;
      assert.match(serialized.message ?? '', /^send failed for Bearer \[Redacted\]$/);
      assert.match(serialized.stack ?? '', /logging\.test/);
      assert.equal(serialized.code, 'E_SEND');
      assert.equal(serialized.statusCode, 502);
      assert.equal(serialized.cause?.code, 'ECONNRESET');
      assert.match(serialized.cause?.message ?? '', /password=\[Redacted\]/);
    }
    assert.ok(!lines.join('').includes('hunter2'));
    assert.ok(!lines.join('').includes('eyJhbGciOi'));
  });

  it('clips a huge string so one error cannot flood the log', () => {
    const { lines, stream } = capture();
    createLogger({ level: 'info', destination: stream }).error({ err: new Error('x'.repeat(100_000)) }, 'big');
    assert.ok(lines.join('').length < 20_000);
  });
});
