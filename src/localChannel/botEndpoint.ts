import type { Activity } from 'botbuilder';

/** Posting Teams-shaped activities to the bot's messaging endpoint, with errors that say what to do. */

export interface PostResult {
  /** The activity as posted to the bot. */
  activity: Partial<Activity>;
  /** The bot's HTTP status. */
  status: number;
  /** The bot's parsed response body, if any. */
  body?: unknown;
}

export class BotUnreachableError extends Error {
  constructor(botUrl: string, cause: unknown) {
    super(`Cannot reach the bot at ${botUrl}. Is it running (npm start)? Set BOT_URL if it listens elsewhere.`, {
      cause,
    });
    this.name = 'BotUnreachableError';
  }
}

export class BotHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    botUrl: string,
  ) {
    super(
      isAuthRefusal(status)
        ? `The bot at ${botUrl} refused an unauthenticated request (HTTP ${status}). The local channel needs a bot started without MicrosoftAppId.`
        : `The bot at ${botUrl} answered HTTP ${status}${body ? `: ${body.slice(0, 300)}` : ''}`,
    );
    this.name = 'BotHttpError';
  }
}

export function validateBotUrl(botUrl: string): void {
  let url: URL;
  try {
    url = new URL(botUrl);
  } catch {
    throw new Error(`Bot URL "${botUrl}" is not a valid URL (expected e.g. http://localhost:3978/api/messages)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Bot URL "${botUrl}" must be http(s)`);
  }
}

/**
 * Posts one activity; throws BotUnreachableError / BotHttpError. An invoke's error status is its answer
 * (the invoke response), so only an authentication refusal throws for invokes.
 */
export async function postToBot(botUrl: string, activity: Partial<Activity>, timeoutMs: number): Promise<PostResult> {
  let response: Response;
  try {
    response = await fetch(botUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      throw new Error(`The bot at ${botUrl} did not answer within ${timeoutMs} ms`, { cause: error });
    }
    throw new BotUnreachableError(botUrl, error);
  }
  const text = await response.text();
  const invokeAnswer = activity.type === 'invoke' && !isAuthRefusal(response.status);
  if (!response.ok && !invokeAnswer) {
    throw new BotHttpError(response.status, text, botUrl);
  }
  return { activity, status: response.status, body: parseJsonOrText(text) };
}

function isAuthRefusal(status: number): boolean {
  return status === 401 || status === 403;
}

function parseJsonOrText(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
