import type { TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { meetingListReply } from '../../src/cards/huawei/meetingCards.js';
import { MAX_PAGE_SIZE, MAX_SEARCH_KEY_LENGTH, type ConferenceInfo, type Page } from '../../src/huawei/index.js';
import type { CommandOptions } from '../../src/teams/capability.js';
import { reply } from '../../src/teams/reply.js';
import { singleTurnCommand } from '../command.js';
import { attempt, identify, type HuaweiCommandDeps, type HuaweiListState } from './context.js';
import { say } from './text.js';

/** Meetings per chat page: ten keeps a card short to read and far below Teams' 28 KB limit. */
export const CHAT_PAGE_SIZE = 10;
/** Fetch a few pages' worth at once, so meetings already shown can be skipped without another round trip. */
const FETCH_SIZE = Math.min(MAX_PAGE_SIZE, CHAT_PAGE_SIZE * 3);
const RECENT_IDS_KEPT = CHAT_PAGE_SIZE * 3;
const MAX_FETCHES_PER_PAGE = 4;

/** "list ongoing meetings [about x] [all]" and "list scheduled meetings …". */
export function listDialog(intent: 'huawei.ongoing' | 'huawei.scheduled', deps: HuaweiCommandDeps): Dialog {
  return singleTurnCommand(intent, async (step, options) => {
    const keyword = options.recognition.entities.keyword?.trim() || undefined;
    if (keyword !== undefined && !(await searchTextAccepted(step.context, keyword, options))) return;
    const identity = await identify(step, deps, options);
    if (!identity) return;
    const wantsAll = options.recognition.entities.all === true;
    const state: HuaweiListState = {
      kind: intent === 'huawei.ongoing' ? 'ongoing' : 'scheduled',
      ownerUserId: identity.userId,
      queryAll: wantsAll && identity.isAdmin,
      searchKey: keyword,
      nextOffset: 0,
      shown: 0,
      recentIds: [],
    };
    const notice = wantsAll && !identity.isAdmin ? say.notAdminForAll[options.language] : undefined;
    await showNextPage(step.context, deps, options, state, notice);
  });
}

/** "next page": continues the last list of this conversation. */
export function nextPageDialog(deps: HuaweiCommandDeps): Dialog {
  return singleTurnCommand('page.next', async (step, options) => {
    const page = options.recognition.entities.page;
    if (page !== undefined && page !== 'next') {
      await reply(step.context, { text: say.onlyNextPage[options.language] });
      return;
    }
    const state = await deps.lists.get(step.context);
    if (!state) {
      await reply(step.context, { text: say.noListToContinue[options.language] });
      return;
    }
    const identity = await identify(step, deps, options);
    if (!identity) return;
    if (identity.userId !== state.ownerUserId) {
      await reply(step.context, { text: say.listOwnedBySomeoneElse[options.language] });
      return;
    }
    await showNextPage(step.context, deps, options, { ...state, queryAll: state.queryAll && identity.isAdmin }, undefined);
  });
}

/** Refused before any request: Huawei accepts 1–128 characters (counted as characters, not UTF-16 units). */
export async function searchTextAccepted(context: TurnContext, text: string, options: CommandOptions): Promise<boolean> {
  const length = [...text].length;
  if (length <= MAX_SEARCH_KEY_LENGTH) return true;
  await reply(context, { text: say.searchTooLong(length, MAX_SEARCH_KEY_LENGTH)[options.language] });
  return false;
}

async function showNextPage(context: TurnContext, deps: HuaweiCommandDeps, options: CommandOptions, state: HuaweiListState, notice: string | undefined): Promise<void> {
  const result = await attempt(context, deps, options, `list ${state.kind}`, () => collectPage(deps, state));
  if (!result) return;
  const { meetings, next, total } = result.value;
  if (meetings.length === 0) {
    await deps.lists.delete(context);
    const empty = state.shown > 0 ? say.listEnded : state.kind === 'ongoing' ? say.noOngoing(state.searchKey) : say.noScheduled(state.searchKey);
    await reply(context, { text: [notice, empty[options.language]].filter(Boolean).join('\n\n') });
    return;
  }
  const hasMore = next.nextOffset < total;
  await reply(
    context,
    meetingListReply({
      kind: state.kind,
      meetings,
      firstPosition: state.shown + 1,
      total,
      keyword: state.searchKey,
      scope: state.queryAll ? 'all' : 'own',
      notice,
      hasMore,
      language: options.language,
      timeZone: options.timeZone,
    }),
  );
  // Kept even at the end, so a further "next page" says the list is over rather than that there is none.
  await deps.lists.set(context, next);
}

/**
 * The next chat page of a list. Offsets move when meetings start or end between pages, so each fetch starts a
 * page early and skips meetings shown recently: nothing repeats, and a shift of up to a page loses nothing.
 */
async function collectPage(deps: HuaweiCommandDeps, state: HuaweiListState): Promise<{ meetings: ConferenceInfo[]; next: HuaweiListState; total: number }> {
  const recent = new Set(state.recentIds);
  const meetings: ConferenceInfo[] = [];
  let cursor = state.nextOffset;
  let total = 0;
  for (let fetches = 0; fetches < MAX_FETCHES_PER_PAGE && meetings.length < CHAT_PAGE_SIZE; fetches++) {
    const start = fetches === 0 && cursor > 0 ? Math.max(0, cursor - CHAT_PAGE_SIZE) : cursor;
    const page = await fetchPage(deps, state, start);
    // Huawei's "not ended" list also holds meetings already in progress; a scheduled list shows what is still to
    // come, so those are left out (and out of the count: they sort first, by start time, so they are in this page).
    const inProgress = state.kind === 'scheduled' ? page.data.filter(isInProgress).length : 0;
    total = page.count - inProgress;
    let index = 0;
    for (; index < page.data.length && meetings.length < CHAT_PAGE_SIZE; index++) {
      const meeting = page.data[index]!;
      if (state.kind === 'scheduled' && isInProgress(meeting)) continue;
      if (recent.has(meeting.conferenceID)) continue;
      recent.add(meeting.conferenceID);
      meetings.push(meeting);
    }
    cursor = Math.max(cursor, start + index);
    if (page.data.length < FETCH_SIZE || cursor >= page.count) break;
  }
  const recentIds = [...state.recentIds, ...meetings.map((meeting) => meeting.conferenceID)].slice(-RECENT_IDS_KEPT);
  return { meetings, total, next: { ...state, nextOffset: cursor, shown: state.shown + meetings.length, recentIds } };
}

function isInProgress(meeting: ConferenceInfo): boolean {
  return meeting.conferenceState === 'Created' || meeting.conferenceState === 'Creating';
}

function fetchPage(deps: HuaweiCommandDeps, state: HuaweiListState, offset: number): Promise<Page<ConferenceInfo>> {
  const query = { offset, limit: FETCH_SIZE, queryAll: state.queryAll, searchKey: state.searchKey };
  return state.kind === 'ongoing'
    ? deps.client.listOngoingMeetings(state.ownerUserId, query)
    : deps.client.listMeetings(state.ownerUserId, { ...query, sortType: 'ASC_StartTIME' });
}
