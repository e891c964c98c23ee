import { contactView, type ContactView, type GroupView, type UcwaSession } from '../ucwa/index.js';

/** Contacts of a group: its groupContacts collection, or (distribution groups) the ones it embeds. */
export async function groupMembers(session: UcwaSession, group: GroupView): Promise<ContactView[]> {
  if (!group.groupContactsHref) return group.contacts;
  const collection = await session.groups.contacts(group);
  const embedded = new Set(collection.contacts.map((contact) => contact.href));
  const linkedOnly = collection.contactHrefs.filter((href) => !embedded.has(href));
  return [...collection.contacts, ...(await Promise.all(linkedOnly.map(async (href) => contactView(await session.get(href)))))];
}
