import { UcwaFailure } from './model.js';
import type { Router } from './http.js';
import { APPLICATIONS_PATH } from './paths.js';
import { requireApp } from './auth.js';
import type { ChannelParams } from './events.js';
import type { SimState } from './state.js';

/** GET events: the pending GET of the event channel (events_ref, Event channel details). */
function numberParam(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

export function registerEvents(router: Router, state: SimState): void {
  router.on('GET', `${APPLICATIONS_PATH}/:app/events`, async (ctx, { app }) => {
    const found = requireApp(state, ctx, app);
    state.noteEventRequest(found);
    const query = ctx.url.searchParams;
    const params: ChannelParams = {
      timeout: numberParam(query.get('timeout')),
      low: numberParam(query.get('low')),
      medium: numberParam(query.get('medium')),
      priority: numberParam(query.get('priority')),
    };
    // A missing or unreadable ack can never be the expected one, so the channel answers with `resync`.
    const ack = numberParam(query.get('ack')) ?? Number.NaN;
    const outcome = await found.channel.get(ack, params);
    if (outcome.kind === 'replaced') {
      throw new UcwaFailure(409, 'PGetReplaced', 'The pending GET was replaced by a newer one.');
    }
    if (outcome.kind === 'closed') {
      if (found.gone === 'InactiveApplicationExpired') {
        throw new UcwaFailure(410, 'InactiveApplicationExpired', 'The application expired because it was inactive.');
      }
      throw new UcwaFailure(404, 'ApplicationNotFound', 'The application resource does not exist.');
    }
    return { kind: 'events', page: outcome.page };
  });
}
