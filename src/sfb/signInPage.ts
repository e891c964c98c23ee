import restify, { type Next, type Request, type Response, type Server } from 'restify';
import type { Logger } from '../logging.js';
import type { Language } from '../nlu/recognition.js';
import type { SfbConnections } from './connection.js';
import type { SignInLink } from './signIn.js';

/**
 * The sign-in page the "sign in" card opens: GET shows a small form bound to a one-time state, POST runs the
 * password grant. The password only passes through memory on its way to the UCWA token endpoint: it is never
 * put in chat, storage or logs, and the page is not cached.
 */
export function signInRoutes(alerts: Pick<SfbConnections, 'signInLink' | 'completeSignIn'>, logger: Logger): (server: Server) => void {
  const log = logger.child({ component: 'signin-page' });
  return (server) => {
    server.get('/signin', async (req: Request, res: Response) => {
      const state = stateParam(new URL(req.url ?? '/', 'http://bot.invalid').searchParams.get('state'));
      const link = state ? await alerts.signInLink(state) : undefined;
      if (!state || !link) return sendPage(res, 400, expiredPage(words.en));
      return sendPage(res, 200, formPage(words[link.language], link, state));
    });

    server.post(
      '/signin',
      requireForm,
      // Form bodies are parsed only here; /api/messages keeps its JSON-only parser.
      restify.plugins.urlEncodedBodyParser({ mapParams: false, maxBodySize: 8 * 1024 } as restify.plugins.BodyParserOptions),
      async (req: Request, res: Response) => {
        const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
        const state = stateParam(body.state);
        const username = typeof body.username === 'string' ? body.username.trim() : '';
        const password = typeof body.password === 'string' ? body.password : '';
        const link = state ? await alerts.signInLink(state) : undefined;
        if (!state || !link) return sendPage(res, 400, expiredPage(words.en));
        const w = words[link.language];
        if (!username || !password || username.length > 256 || password.length > 1024) {
          return sendPage(res, 400, formPage(w, link, state, w.missing));
        }
        const result = await alerts.completeSignIn(state, username, password);
        if (result.ok) {
          log.info('sign-in page completed');
          return sendPage(res, 200, donePage(w));
        }
        if (result.kind === 'expired') return sendPage(res, 400, expiredPage(w));
        if (result.kind === 'busy') return sendPage(res, 409, page(w, w.busyTitle, `<p>${escapeHtml(w.busy)}</p>`));
        if (result.kind === 'unavailable') return sendPage(res, 503, formPage(w, link, state, w.unavailable, username));
        // The client's sentences are English; a Chinese page says the same thing in Chinese.
        const message = result.kind === 'refused' && link.language !== 'en' ? w.refused : result.message;
        if (result.spent) return sendPage(res, 400, expiredPage(w, message));
        return sendPage(res, result.kind === 'wrongAccount' ? 403 : 401, formPage(w, link, state, message, username));
      },
    );
  };
}

type PageWords = (typeof words)[Language];

const words = {
  en: {
    lang: 'en',
    title: 'Sign in to Skype for Business',
    address: 'Sign-in address',
    password: 'Password',
    submit: 'Sign in',
    note: 'Your password goes to your Skype for Business server once and is not kept.',
    missing: 'Please enter your sign-in address and your password.',
    refused: "Skype for Business didn't accept that user name and password.",
    unavailable: "Signing in didn't finish because of a problem on our side, not your password. Please try again in a moment.",
    doneTitle: 'Signed in',
    done: 'You are signed in. You can close this window and go back to Teams.',
    expiredTitle: 'Link expired',
    expired: 'This sign-in link has expired or was already used. Ask the bot to "sign in" again for a new one.',
    busyTitle: 'Link in use',
    busy: 'This sign-in link is being used right now, in another window or by someone else. Wait a moment and reload this page; if it still says this, ask the bot to "sign in" again for a new link.',
    whose: (ownerHtml: string, addressHtml: string) => `This link signs in <strong>${ownerHtml}</strong>${addressHtml ? ` (${addressHtml})` : ''} to Skype for Business.`,
  },
  zh: {
    lang: 'zh-CN',
    title: '登录 Skype for Business',
    address: '登录地址',
    password: '密码',
    submit: '登录',
    note: '您的密码只会发送给您的 Skype for Business 服务器一次，不会被保存。',
    missing: '请输入登录地址和密码。',
    refused: 'Skype for Business 未接受该用户名和密码。',
    unavailable: '由于我们这边的问题，登录未能完成（不是您的密码有误）。请稍后再试。',
    doneTitle: '已登录',
    done: '您已登录。可以关闭此窗口并返回 Teams。',
    expiredTitle: '链接已过期',
    expired: '此登录链接已过期或已被使用。请对机器人说“登录”以获取新链接。',
    busyTitle: '链接正在使用',
    busy: '此登录链接正在被使用（在另一个窗口中或由其他人使用）。请稍候并刷新此页面；如果仍然如此，请对机器人说“登录”以获取新链接。',
    whose: (ownerHtml: string, addressHtml: string) => `此链接用于为 <strong>${ownerHtml}</strong>${addressHtml ? `（${addressHtml}）` : ''}登录 Skype for Business。`,
  },
} as const;

function requireForm(req: Request, res: Response, next: Next): void {
  const type = (req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return next();
  sendPage(res, 415, page(words.en, 'Unsupported request', '<p>Please use the sign-in form.</p>'));
  return next(false);
}

/** A state is 43 base64url characters (32 random bytes); anything else is not one of ours. */
function stateParam(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}

function sendPage(res: Response, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(html);
}

function formPage(w: PageWords, link: SignInLink, state: string, error?: string, username = ''): string {
  return page(
    w,
    w.title,
    `${whose(w, link)}
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="signin" autocomplete="on">
  <input type="hidden" name="state" value="${escapeHtml(state)}">
  <label>${escapeHtml(w.address)}<br><input name="username" type="email" required value="${escapeHtml(username)}" autocomplete="username"></label>
  <label>${escapeHtml(w.password)}<br><input name="password" type="password" required autocomplete="current-password"></label>
  <button type="submit">${escapeHtml(w.submit)}</button>
</form>
<p class="note">${escapeHtml(w.note)}</p>`,
  );
}

/** Whose link this is, so a person who was handed someone else's link notices before typing a password. */
function whose(w: PageWords, link: SignInLink): string {
  const owner = link.name ?? link.upn;
  if (!owner) return '';
  return `<p class="whose">${w.whose(escapeHtml(owner), link.name && link.upn ? escapeHtml(link.upn) : '')}</p>`;
}

function donePage(w: PageWords): string {
  return page(w, w.doneTitle, `<p>${escapeHtml(w.done)}</p>`);
}

/** The link can no longer be used; `reason` says why, when it was just spent. */
function expiredPage(w: PageWords, reason?: string): string {
  return page(w, w.expiredTitle, `${reason ? `<p class="error" role="alert">${escapeHtml(reason)}</p>\n` : ''}<p>${escapeHtml(w.expired)}</p>`);
}

function page(w: PageWords, title: string, body: string): string {
  return `<!doctype html>
<html lang="${w.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:1rem 0}input{width:100%;padding:.4rem}.error{color:#a4262c}.note{color:#605e5c;font-size:.9rem}</style>
</head><body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

/** Five replacements make text safe inside HTML text and quoted attributes; not worth a dependency. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);
}
