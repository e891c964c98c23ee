import type { AlertRecord } from '../src/alerts/records.js';

/** One lobby alert as the alert core records it: a federated guest waiting in a Skype for Business meeting. */
export function sampleAlert(id = 'bench'): AlertRecord {
  const now = new Date().toISOString();
  return {
    id,
    watcherId: 'u1',
    platform: 'sfb',
    meeting: { key: 'sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:BR7Q4K2M', subject: 'Budget review' },
    connectionKey: '/c',
    visitKey: '/p',
    person: { key: 'sip:dave@fabrikam.com', name: 'Dave Fisher', uri: 'sip:dave@fabrikam.com', source: 'Federated' },
    waitingSince: now,
    language: 'en',
    timeZone: 'Europe/Paris',
    cardVersion: 1,
    deliveredVersion: 0,
    attempts: 0,
    createdAt: now,
  };
}
