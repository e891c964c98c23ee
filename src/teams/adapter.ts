import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

/**
 * CloudAdapter with its activity processing opened up to the HTTP layer: `process()` prints every failure (a
 * wrong token included) to stderr and echoes error text to the caller, so the server validates and answers itself.
 */
export class MeetingBotAdapter extends CloudAdapter {
  handleActivity(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, withDates(activity), logic);
  }
}

/** The Bot Framework sends timestamps as strings; botbuilder expects Dates and the raw text alongside. */
function withDates(activity: Activity): Activity {
  const fixed = activity as Activity & Record<string, unknown>;
  for (const field of ['timestamp', 'expiration', 'localTimestamp'] as const) {
    const value = fixed[field];
    if (typeof value !== 'string') continue;
    const raw = `raw${field[0]!.toUpperCase()}${field.slice(1)}`;
    fixed[raw] = value;
    fixed[field] = new Date(value);
  }
  return fixed;
}
