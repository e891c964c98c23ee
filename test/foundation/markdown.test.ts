import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { clip, escapeMarkdown, escapeMarkdownLines, md } from '../../src/teams/markdown.js';

/**
 * A CommonMark renderer standing in for Teams: markdown-it is what the Adaptive Cards JavaScript renderer uses,
 * with raw HTML allowed (Teams messages accept some tags, `<at>` among them) and GFM strikethrough and tables on.
 */
const renderer = new MarkdownIt({ html: true, linkify: false });

/** The HTML a string renders to, and the text a reader sees (tags stripped, entities decoded). */
function rendered(markdown: string): { html: string; text: string } {
  const html = renderer.render(markdown).trim();
  const text = html
    .replace(/^<p>|<\/p>$/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return { html, text };
}

/** What a reader should see of an outside string: itself, its line breaks and control characters as spaces. */
function literally(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/^\s+/, '').replace(/\s+$/, '');
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure names a reproducible case. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hostile = [
  '[Verify your account](https://evil.example/login)',
  '![tracking](https://evil.example/pixel.png)',
  '<https://evil.example/autolink>',
  '<at>Alice Wood</at> please approve',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">click</a>',
  '**urgent** _now_ ~~never~~ `code`',
  '# Heading',
  '> quoted',
  '- item',
  '+ item',
  '1. item',
  '2) item',
  '    indented code',
  '===',
  '---',
  '| a | b |\n|---|---|\n| c | d |',
  'line one\n\n**line two**\r\n# three',
  'back\\slash \\*not emphasis\\*',
  '&lt;at&gt;entity&lt;/at&gt; &amp; &#x3C;b&#x3E;',
  '[link]: https://evil.example/reference',
  '[reference link][link]',
  'Bob (Contoso) — Zoë, 李雷 😀',
];

describe('outside strings in Teams markdown', () => {
  it('renders every hostile string as exactly its own characters: no link, emphasis, code, heading, list, quote or tag', () => {
    for (const text of hostile) {
      const { html, text: shown } = rendered(escapeMarkdown(text));
      assert.equal(shown, literally(text), `${JSON.stringify(text)} rendered as ${html}`);
      assert.doesNotMatch(html, /<(a|img|em|strong|code|s|del|h\d|ul|ol|li|blockquote|pre|table|at|hr)[\s>]/, `${JSON.stringify(text)} rendered as ${html}`);
    }
  });

  it('stays literal inside the bot\'s own markup, e.g. a bold name in the alert headline', () => {
    const name = '[Verify your account](https://evil.example/login)';
    const { html } = rendered(`**${escapeMarkdown(name)}** is waiting in the lobby of **${escapeMarkdown('*Budget* review')}**.`);
    assert.equal(html, '<p><strong>[Verify your account](https://evil.example/login)</strong> is waiting in the lobby of <strong>*Budget* review</strong>.</p>');
  });

  it('round-trips 3,000 generated strings made of markup characters', () => {
    const next = random(0x5eed);
    const alphabet = ['\\', '`', '*', '_', '~', '[', ']', '(', ')', '<', '>', '&', '#', '|', '!', '-', '+', '=', '.', ':', '/', '"', "'", '1', '9', 'a', 'Z', ' ', ' ', '\n', '\t', 'é', '李', '😀', 'at', 'http://x.example', ';', '{', '}'];
    for (let index = 0; index < 3_000; index++) {
      const length = 1 + Math.floor(next() * 24);
      const text = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
      const { html, text: shown } = rendered(escapeMarkdown(text));
      assert.equal(shown, literally(text).replace(/\s+$/, ''), `case ${index}: ${JSON.stringify(text)} rendered as ${html}`);
      assert.doesNotMatch(html, /<(?!\/?p>)/, `case ${index}: ${JSON.stringify(text)} rendered as ${html}`);
    }
  });

  it('keeps the lines of a multi-line plain text, each literal', () => {
    const { html } = rendered(escapeMarkdownLines('# Title\n- one\n[x](y)'));
    assert.equal(html, '<p># Title\n- one\n[x](y)</p>');
  });

  it('clips by code points with an ellipsis, never splitting a surrogate pair', () => {
    assert.equal(clip('short', 10), 'short');
    assert.equal(clip('exactly10!', 10), 'exactly10!');
    assert.equal(clip('abcdefghijk', 10), 'abcdefghi…');
    assert.equal([...clip('😀'.repeat(50), 10)].length, 10, 'ten code points, not ten UTF-16 units');
    assert.equal(clip('😀'.repeat(50), 10), `${'😀'.repeat(9)}…`);
    assert.equal(clip('😀😀😀', 3), '😀😀😀', 'three emoji are three code points: nothing to cut');
    for (let max = 1; max < 12; max++) {
      const clipped = clip('a😀b😀😀c李😀'.repeat(3), max);
      assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(clipped), `no lone surrogate at ${max}: ${JSON.stringify(clipped)}`);
      assert.ok([...clipped].length <= max);
    }
  });

  it('clips a 30 KB name to its limit before escaping it', () => {
    const huge = '[x](https://evil.example)'.repeat(1_300);
    assert.ok(huge.length > 30_000);
    const safe = md(huge, 'name');
    assert.ok(safe.length < 300, `${safe.length} characters`);
    assert.ok(safe.endsWith('…'));
    assert.doesNotMatch(rendered(safe).html, /<a /);
  });
});
