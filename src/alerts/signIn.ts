import { randomBytes } from 'node:crypto';
import type { Language } from '../nlu/recognition.js';
import type { CommandOptions } from '../teams/capability.js';
import { UcwaError } from '../ucwa/index.js';
import { tellOrganizer, type AlertsContext, type Organizer, type OrganizerContext } from './context.js';
import { sessionNotes } from './texts.js';

export type SignInOutcome = { ok: true; language: Language } | { ok: false; message: string; expired: boolean };

/** Wrong passwords a one-time link tolerates before it is spent. */
const maxFailures = 5;

/**
 * Skype for Business sign-in through the bot's page: one-time states bound to the Teams user who asked, the
 * password grant when the page posts, and what follows a success (the note in chat, resumed alerts, the held
 * command).
 */
export class SignIns {
  private runHeldCommand?: (options: CommandOptions) => Promise<void>;

  constructor(
    private readonly context: AlertsContext,
    /** Brings the person's alerts back once they are signed in. */
    private readonly resume: (userId: string, hint: Organizer) => Promise<void>,
    private readonly ttlMs: number,
  ) {}

  /** Issues a one-time sign-in state bound to this Teams user. */
  async create(user: OrganizerContext, held?: CommandOptions): Promise<string> {
    const state = randomBytes(32).toString('base64url');
    await this.context.records.saveSignInState(state, {
      teamsUserId: user.id,
      name: user.name,
      upn: user.upn,
      language: user.language,
      expiresAt: Date.now() + this.ttlMs,
      failures: 0,
      held,
    });
    return state;
  }

  /** Where commands held for sign-in go once the person has signed in. */
  onHeldCommandReady(run: (options: CommandOptions) => Promise<void>): void {
    this.runHeldCommand = run;
  }

  async language(state: string): Promise<Language | undefined> {
    const record = await this.context.records.signInState(state);
    return record !== undefined && record.expiresAt > Date.now() ? record.language : undefined;
  }

  /** The sign-in page's POST: password grant, then alerts resume and the person hears about it in their chat. */
  async complete(state: string, username: string, password: string): Promise<SignInOutcome> {
    const { records, logger } = this.context;
    const record = await records.signInState(state);
    if (!record || record.expiresAt <= Date.now()) {
      if (record) await records.deleteSignInState(state);
      return { ok: false, expired: true, message: 'This sign-in link has expired. Ask the bot to "sign in" again for a new one.' };
    }
    const address = username.trim();
    try {
      await this.context.accounts.signIn({ id: record.teamsUserId, name: record.name }, { kind: 'password', username: address, password });
    } catch (error) {
      record.failures += 1;
      const spent = record.failures >= maxFailures;
      if (spent) await records.deleteSignInState(state);
      else await records.saveSignInState(state, record);
      logger.info({ teamsUserId: record.teamsUserId, failures: record.failures, code: error instanceof UcwaError ? error.code : undefined }, 'Skype for Business sign-in failed');
      return { ok: false, expired: spent, message: error instanceof UcwaError ? error.userMessage : 'Signing in failed. Please try again.' };
    }
    await records.deleteSignInState(state);
    const user = { id: record.teamsUserId, upn: record.upn, name: record.name };
    await tellOrganizer(this.context, user.id, sessionNotes[record.language].signedIn(address));
    void this.resume(user.id, user).catch((error: unknown) => logger.error({ err: error }, 'could not resume lobby watches after sign-in'));
    if (record.held && this.runHeldCommand) {
      void this.runHeldCommand(record.held).catch((error: unknown) => logger.warn({ err: error }, 'could not run the command held for sign-in'));
    }
    return { ok: true, language: record.language };
  }
}
