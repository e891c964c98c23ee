import { TurnContext, type Activity, type Mention } from 'botbuilder';

/** In channels and group chats the bot acts only when @mentioned; in a personal chat every message is for it. */
export function isAddressedToBot(activity: Partial<Activity>): boolean {
  const conversationType = activity.conversation?.conversationType;
  if (conversationType !== 'channel' && conversationType !== 'groupChat') return true;
  return mentionsOfBot(activity).length > 0;
}

/** The message text with the bot's @mention (and any stray `<at>` markup) removed. */
export function textWithoutMentions(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  for (const mention of mentionsOfBot(activity)) {
    if (mention.text) text = text.split(mention.text).join(' ');
  }
  return text.replace(/<at>[^<]*<\/at>/g, ' ').replace(/\s+/g, ' ').trim();
}

function mentionsOfBot(activity: Partial<Activity>): Mention[] {
  const botId = activity.recipient?.id;
  return TurnContext.getMentions(activity).filter((mention) => mention.mentioned?.id === botId);
}
