import restify, { type Next, type Request, type Response, type Server } from 'restify';
import type { Logger } from '../logging.js';
import type { LobbyAlerts } from './service.js';

/**
 * The sign-in page the "sign in" card opens: GET shows a small form bound to a one-time state, POST runs the
 * password grant. The password only passes through memory on its way to the UCWA token endpoint: it is never
 * put in chat, storage or logs, and the page is not cached.
 */
export function signInRoutes(alerts: LobbyAlerts, logger: Logger): (server: Server) => void {
  const log = logger.child({ component: 'signin-page' });
  return (server) => {
    server.get('/signin', async (req: Request, res: Response) => {
      const state = stateParam(new URL(req.url ?? '/', 'http://bot.invalid').searchParams.get('state'));
      if (!state || !(await alerts.signInStateValid(state))) return sendPage(res, 400, expiredPage());
      return sendPage(res, 200, formPage(state));
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
        if (!state) return sendPage(res, 400, expiredPage());
        if (!username || !password || username.length > 256 || password.length > 1024) {
          return sendPage(res, 400, formPage(state, 'Please enter your sign-in address and your password.'));
        }
        const result = await alerts.completeSignIn(state, username, password);
        if (result.ok) {
          log.info('sign-in page completed');
          return sendPage(res, 200, donePage());
        }
        return sendPage(res, result.expired ? 400 : 401, result.expired ? expiredPage(result.message) : formPage(state, result.message, username));
      },
    );
  };
}

function requireForm(req: Request, res: Response, next: Next): void {
  const type = (req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return next();
  sendPage(res, 415, page('Unsupported request', '<p>Please use the sign-in form.</p>'));
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

function formPage(state: string, error?: string, username = ''): string {
  return page(
    'Sign in to Skype for Business',
    `${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="signin" autocomplete="on">
  <input type="hidden" name="state" value="${escapeHtml(state)}">
  <label>Sign-in address<br><input name="username" type="email" required value="${escapeHtml(username)}" autocomplete="username"></label>
  <label>Password<br><input name="password" type="password" required autocomplete="current-password"></label>
  <button type="submit">Sign in</button>
</form>
<p class="note">Your password goes to your Skype for Business server once and is not kept.</p>`,
  );
}

function donePage(): string {
  return page('Signed in', '<p>You are signed in. You can close this window and go back to Teams.</p>');
}

function expiredPage(message = 'This sign-in link has expired or was already used. Ask the bot to "sign in" again for a new one.'): string {
  return page('Link expired', `<p>${escapeHtml(message)}</p>`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
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
