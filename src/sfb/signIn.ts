import { randomBytes } from 'node:crypto';
import type { Logger } from '../logging.js';
import type { Language } from '../nlu/recognition.js';
import type { CommandOptions } from '../teams/capability.js';
import { ucwaSentence } from '../teams/errorSentences.js';
import type { TeamsUser } from '../teams/identity.js';
import { UcwaError } from '../ucwa/index.js';
import type { UcwaAccounts } from './accounts.js';
import { WrongAccountError } from './identity.js';
import type { SignInRecords, SignInState } from './signInRecords.js';
import { signedInNote, wrongAccountWords } from './texts.js';

/** Who asks for a sign-in link: the Teams user, with what their link's page and notes need. */
export type SignInUser = Pick<TeamsUser, 'id' | 'upn' | 'name' | 'email' | 'aadObjectId'> & { language: Language };

/** What sign-ins need: the accounts, the one-time states, and a way to tell the person in their personal chat. */
export interface SignInDeps {
  accounts: UcwaAccounts;
  records: SignInRecords;
  logger: Logger;
  tell(userId: string, message: string): Promise<void>;
  /** The clock that sets a new link's expiry and paces the sweep of expired ones (tests move it). */
  now?: () => number;
}

export type SignInOutcome =
  | { ok: true; language: Language }
  /** Unknown, expired, already used or spent: only a new link helps. */
  | { ok: false; kind: 'expired' }
  /** Another post is signing in with this link right now. */
  | { ok: false; kind: 'busy' }
  /** Something on our side failed (the store timed out, say): the link goes back untouched, for another try. */
  | { ok: false; kind: 'unavailable' }
  /** The server refused the password (its sentence, in English) or the account is not the person's (in their language). */
  | { ok: false; kind: 'refused' | 'wrongAccount'; message: string; spent: boolean };

/** Whose link it is, for the page: the person's language, name and UPN. */
export type SignInLink = Pick<SignInState, 'language' | 'name' | 'upn'>;

/** Wrong passwords (or wrong accounts) a one-time link tolerates before it is spent. */
const maxFailures = 5;
/**
 * Bounds discovery, the password grant and the application's creation, so a slow pool cannot hold a claim past
 * its lease: a claim outlives the grant it guards, and no second post can start one meanwhile.
 */
const signInTimeoutMs = 90_000;
const claimLeaseMs = 3 * 60_000;
/**
 * How often one process sweeps expired sign-in states. The sweep lists and reads every state: run on each new link
 * it made signing in N people cost N² reads, which saturated a shared store when 300 organizers signed in at once.
 */
const sweepEveryMs = 10 * 60_000;

/**
 * Skype for Business sign-in through the bot's page: one-time states bound to the Teams user who asked, claimed
 * by one post at a time, the password grant and the identity check when the page posts, and what follows a
 * success (the note in chat, resumed alerts, the held command).
 */
export class SignIns {
  private runHeldCommand?: (options: CommandOptions) => Promise<void>;
  private lastSweep = 0;

  constructor(
    private readonly context: SignInDeps,
    /** Opens the person's channel and brings back what they watch, once they are signed in. */
    private readonly connected: (user: Pick<TeamsUser, 'id' | 'upn' | 'name'>) => Promise<void>,
    private readonly ttlMs: number,
  ) {}

  /** Issues a one-time sign-in state bound to this Teams user (and clears out expired ones). */
  async create(user: SignInUser, held?: CommandOptions): Promise<string> {
    const state = randomBytes(32).toString('base64url');
    await this.context.records.saveSignInState(state, {
      teamsUserId: user.id,
      name: user.name,
      upn: user.upn,
      email: user.email,
      aadObjectId: user.aadObjectId,
      language: user.language,
      expiresAt: this.now() + this.ttlMs,
      failures: 0,
      held,
    });
    this.sweepExpiredSoon();
    return state;
  }

  private now(): number {
    return this.context.now?.() ?? Date.now();
  }

  /** Off the request path, at most once per sweep period: expired states are litter, not a danger (they refuse use). */
  private sweepExpiredSoon(): void {
    const now = this.now();
    if (now - this.lastSweep < sweepEveryMs) return;
    this.lastSweep = now;
    void this.context.records.deleteExpiredSignInStates(now).catch((error: unknown) => this.context.logger.warn({ err: error }, 'could not delete expired sign-in states'));
  }

  /** Where commands held for sign-in go once the person has signed in. */
  onHeldCommandReady(run: (options: CommandOptions) => Promise<void>): void {
    this.runHeldCommand = run;
  }

  /** The link's owner and language while it can still be used; undefined when unknown, used or expired. */
  async link(state: string): Promise<SignInLink | undefined> {
    const record = await this.context.records.liveSignInState(state);
    return record && { language: record.language, name: record.name, upn: record.upn };
  }

  /** The sign-in page's POST: claim the link, password grant and identity check, then alerts resume and the chat hears. */
  async complete(state: string, username: string, password: string): Promise<SignInOutcome> {
    const { records, logger } = this.context;
    const claim = await records.claimSignInState(state, claimLeaseMs);
    if (claim.kind === 'busy') {
      logger.info('a sign-in link was posted while another post was using it');
      return { ok: false, kind: 'busy' };
    }
    if (claim.kind !== 'claimed') return { ok: false, kind: 'expired' };
    const { record, claimId } = claim;
    const address = username.trim();
    const user = { id: record.teamsUserId, name: record.name, upn: record.upn, email: record.email, aadObjectId: record.aadObjectId };
    try {
      await this.context.accounts.signIn(user, { kind: 'password', username: address, password }, AbortSignal.timeout(signInTimeoutMs));
    } catch (error) {
      return this.failed(state, claimId, record, error);
    }
    if (!(await records.settleSignInClaim(state, claimId, { ended: 'used' }))) {
      // Only a claim that outlived its lease gets here; the sign-in itself stands.
      logger.warn({ teamsUserId: record.teamsUserId }, 'a sign-in finished after its claim on the link had lapsed');
    }
    await this.context.tell(user.id, signedInNote[record.language](address));
    void this.connected(user).catch((error: unknown) => logger.error({ err: error }, 'could not resume lobby watches after sign-in'));
    if (record.held && this.runHeldCommand) {
      void this.runHeldCommand(record.held).catch((error: unknown) => logger.warn({ err: error }, 'could not run the command held for sign-in'));
    }
    return { ok: true, language: record.language };
  }

  /**
   * A refused grant or a wrong account costs one try; the link goes back for another until the tries run out. A
   * failure of ours (neither the server's answer nor the identity check) costs nothing: the person did nothing wrong.
   */
  private async failed(state: string, claimId: string, record: SignInState, error: unknown): Promise<SignInOutcome> {
    const { records, logger } = this.context;
    if (!(error instanceof UcwaError) && !(error instanceof WrongAccountError)) {
      logger.warn({ err: error, teamsUserId: record.teamsUserId }, 'a sign-in could not be completed on our side; the link stays usable');
      await records.settleSignInClaim(state, claimId, { failures: record.failures }).catch(() => undefined);
      return { ok: false, kind: 'unavailable' };
    }
    const failures = record.failures + 1;
    const spent = failures >= maxFailures;
    await records.settleSignInClaim(state, claimId, spent ? { ended: 'spent' } : { failures });
    logger.info({ teamsUserId: record.teamsUserId, failures, code: error instanceof UcwaError ? error.code : error instanceof WrongAccountError ? error.verdict.reason : undefined }, 'Skype for Business sign-in failed');
    if (!(error instanceof WrongAccountError)) {
      return { ok: false, kind: 'refused', spent, message: ucwaSentence(error, record.language) };
    }
    const words = wrongAccountWords[record.language];
    const verdict = error.verdict;
    if (verdict.reason === 'mismatch') {
      // The person hears it in chat too: if it was not them, someone holds their link.
      await this.context.tell(record.teamsUserId, words.chatNote(verdict.signedInAs));
      return { ok: false, kind: 'wrongAccount', spent, message: words.notYours(verdict.signedInAs, ownerOf(record)) };
    }
    return { ok: false, kind: 'wrongAccount', spent, message: verdict.reason === 'unknownTeamsUser' ? words.unknownTeamsUser : words.unknownUcwaUser };
  }
}

/** "Bob Kelly (bob@contoso.com)", or whichever of the two Teams gave. */
export function ownerOf(link: Pick<SignInState, 'name' | 'upn' | 'language'>): string {
  if (link.name && link.upn) return link.language === 'zh' ? `${link.name}（${link.upn}）` : `${link.name} (${link.upn})`;
  return link.name ?? link.upn ?? '';
}
