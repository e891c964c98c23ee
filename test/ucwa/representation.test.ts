import assert from 'node:assert/strict';
import {
  lobbyView,
  meetingView,
  myGroupsView,
  parseChallenges,
  parseEventBatch,
  parseReason,
  parseUcwaDate,
  parseXml,
  phoneDialInView,
  resourceFromJson,
  resourceFromXml,
  serializeForPut,
  serializeInput,
  msRtcOAuthHint,
  applicationView,
  eligibleValuesView,
  type UcwaResource,
  type UcwaValue,
  UcwaError,
} from '../../src/ucwa/index.js';
import { ApplicationLinks } from '../../src/ucwa/applicationLinks.js';
import { xmlProperties } from '../../src/ucwa/resource.js';
import { baseUrlOf, loadSamples, sample, type Sample } from './fixtures.js';

const samples = loadSamples();
const byFile = new Map(samples.map((item) => [item.file, item]));

function jsonBody(item: Sample): unknown {
  return item.body ?? item.body_repaired;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hrefs(entry: unknown, base: string): string[] {
  const list = Array.isArray(entry) ? entry : [entry];
  return list.filter(isObject).map((item) => new URL(String(item.href), base).toString());
}

/** Representation-neutral form: XML has no types, so compare as text; dates compare as "is a date". */
function neutral(value: UcwaValue | undefined): unknown {
  if (Array.isArray(value)) return value.map(neutral);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (/^(true|false)$/i.test(value)) return value.toLowerCase();
    if (parseUcwaDate(value)) return '<date>';
    return value;
  }
  return value;
}

/**
 * The docs' XML and JSON twins were generated separately, so sample VALUES differ (a meeting is Locked in one and
 * Invited in the other); what must agree is the structure: rel, self href, property names and kinds, link rels,
 * embedded resources. Values are checked per format where the twins agree (typed views below) and above for JSON.
 */
function shape(resource: UcwaResource): unknown {
  return {
    rel: resource.rel,
    href: resource.href,
    properties: Object.fromEntries(Object.entries(resource.properties).map(([key, value]) => [key, kind(value)])),
    links: Object.keys(resource.links).sort(),
    embedded: Object.fromEntries(Object.entries(resource.embedded).map(([rel, items]) => [rel, items.map(shape)])),
  };
}

function kind(value: UcwaValue | undefined): string {
  if (Array.isArray(value)) return 'list';
  const text = neutral(value);
  return text === '<date>' || text === 'true' || text === 'false' ? String(text) === '<date>' ? 'date' : 'boolean' : 'scalar';
}

describe('ucwa representation: every documented JSON resource sample', () => {
  const resources = samples.filter((item) => item.kind === 'response' && item.format === 'json' && isObject(jsonBody(item)) && !('sender' in (jsonBody(item) as object)));
  it('finds the samples', () => assert.ok(resources.length >= 40, `only ${resources.length} JSON resource samples`));

  for (const item of resources) {
    it(`parses ${item.file}`, () => {
      const body = jsonBody(item) as Record<string, unknown>;
      const base = baseUrlOf(item);
      const resource = resourceFromJson(body, base);
      if (typeof body.rel === 'string') assert.equal(resource.rel, body.rel);
      const links = isObject(body._links) ? body._links : {};
      assert.equal(resource.href, links.self ? hrefs(links.self, base)[0] : base);
      for (const [key, value] of Object.entries(body)) {
        if (key === 'rel' || key === '_links' || key === '_embedded') continue;
        assert.deepEqual(resource.properties[key], value, `property ${key}`);
      }
      for (const [rel, entry] of Object.entries(links)) {
        if (rel === 'self') continue;
        assert.deepEqual(resource.links[rel]?.map((link) => link.href), hrefs(entry, base), `link ${rel}`);
      }
      for (const [rel, entry] of Object.entries(isObject(body._embedded) ? body._embedded : {})) {
        assert.equal(resource.embedded[rel]?.length, Array.isArray(entry) ? entry.length : 1, `embedded ${rel}`);
      }
    });
  }
});

describe('ucwa representation: every XML resource sample matches its JSON twin', () => {
  const xmlResources = samples.filter((item) => item.format === 'xml' && item.kind === 'response' && item.xml?.includes('<resource'));
  it('finds the samples', () => assert.ok(xmlResources.length >= 25, `only ${xmlResources.length} XML samples`));

  for (const item of xmlResources) {
    const twin = byFile.get(item.file.replace('-xml.json', '.json'));
    it(`parses ${item.file}${twin ? ' like its JSON twin' : ''}`, () => {
      const resource = resourceFromXml(parseXml(item.xml!), baseUrlOf(item));
      assert.equal(resource.format, 'xml');
      if (!twin || !isObject(jsonBody(twin))) {
        assert.ok(resource.rel.length > 0);
        return;
      }
      const fromJson = resourceFromJson(jsonBody(twin), baseUrlOf(twin));
      assert.deepEqual(shape(resource), shape(fromJson));
    });
  }
});

describe('ucwa representation: typed views read both formats alike', () => {
  function both(file: string): UcwaResource[] {
    const json = sample(`${file}.json`);
    const xml = sample(`${file}-xml.json`);
    return [resourceFromJson(jsonBody(json), baseUrlOf(json)), resourceFromXml(parseXml(xml.xml!), baseUrlOf(xml))];
  }

  it('myOnlineMeeting', () => {
    for (const resource of both('myonlinemeeting-get-response')) {
      const meeting = meetingView(resource);
      assert.equal(meeting.subject, 'Quarterly sales numbers');
      assert.equal(meeting.accessLevel, 'SameEnterprise');
      assert.deepEqual(meeting.attendees, ['sip:johndoe@contoso.com', 'sip:janedoe@contoso.com']);
      assert.equal(meeting.onlineMeetingUri, 'sip:bmauldin@contoso.com;gruu;opaque=app:conf:focus:id:IB88RLLY');
      assert.ok(meeting.expirationTime instanceof Date);
      assert.equal(meeting.extensionsHref, 'https://fe1.contoso.com/ucwa/v1/applications/192/onlineMeetings/myOnlineMeetings/943/onlineMeetingExtensions');
      assert.equal(meeting.extensions[0]?.type, 'RoamedParticipantData');
    }
    const [json] = both('myonlinemeeting-get-response');
    assert.equal(meetingView(json!).expirationTime?.getTime(), 1474932029620);
  });

  it('lobby participants with their admit / reject links and booleans', () => {
    for (const resource of both('lobby-get-response')) {
      const lobby = lobbyView(resource);
      assert.equal(lobby.participants.length, 1);
      const [person] = lobby.participants;
      assert.equal(person!.name, 'Joe Smith');
      assert.equal(person!.inLobby, true);
      assert.equal(person!.anonymous, true);
      assert.equal(person!.role, 'Attendee');
      assert.equal(person!.admitHref, 'https://fe1.contoso.com/ucwa/v1/applications/192/communication/conversations/137/participants/196/admit');
      assert.equal(person!.rejectHref, 'https://fe1.contoso.com/ucwa/v1/applications/192/communication/conversations/137/participants/196/reject');
    }
  });

  it('phone dial-in information with embedded regions', () => {
    for (const resource of both('phonedialininformation-get-response')) {
      const info = phoneDialInView(resource);
      assert.equal(info.isAudioConferenceProviderEnabled, false);
      assert.equal(info.regions.length, 1);
      assert.deepEqual(info.regions[0]!.languages, ['en-US', 'fr-FR']);
      assert.equal(info.regions[0]!.number, 'tel:+14255550001');
    }
  });

  it('myGroups: group, pinned, default and distribution groups', () => {
    for (const resource of both('groups-mygroups-get-response')) {
      const groups = myGroupsView(resource);
      assert.equal(groups.groups[0]?.name, 'MyPersonalGroup');
      assert.equal(groups.distributionGroups[0]?.uri, 'sip:mypersonalgroup@contoso.com');
      assert.equal(groups.distributionGroups[0]?.contacts[0]?.name, 'Alex Doe');
      assert.ok(groups.links.some((link) => link.rel === 'pinnedGroup'));
    }
  });

  it('eligible values as lists, application with its me', () => {
    const [jsonValues, xmlValues] = both('onlinemeetingeligiblevalues-get-response').map(eligibleValuesView);
    assert.deepEqual(jsonValues!.accessLevels, ['Locked']);
    assert.deepEqual(xmlValues!.accessLevels, ['SameEnterprise']);
    assert.deepEqual(xmlValues!.eligibleOnlineMeetingRels, jsonValues!.eligibleOnlineMeetingRels);
    for (const resource of both('application-get-response')) {
      const app = applicationView(resource);
      assert.equal(app.me?.name, 'John Doe');
      assert.equal(app.userAgent, 'ContosoApp/1.0');
      assert.ok(app.eventsHref);
    }
  });
});

describe('ucwa representation: events', () => {
  const eventSamples = samples.filter((item) => item.kind === 'event' && item.format === 'json' && isObject(jsonBody(item)));
  it('finds the samples', () => assert.ok(eventSamples.length >= 45, `only ${eventSamples.length}`));

  for (const item of eventSamples) {
    it(`parses ${item.file}`, () => {
      const body = jsonBody(item) as { _links: Record<string, { href: string }>; sender: Array<{ rel: string; href: string; events: Array<Record<string, unknown>> }> };
      const base = baseUrlOf(item);
      const batch = parseEventBatch(JSON.stringify(body), 'application/json', base);
      const expected = body.sender.flatMap((sender) => sender.events.map((event) => ({ sender, event })));
      assert.equal(batch.events.length, expected.length);
      expected.forEach(({ sender, event }, index) => {
        const parsed = batch.events[index]!;
        assert.equal(parsed.type, event.type);
        assert.equal(parsed.sender.rel, sender.rel);
        assert.equal(parsed.link.rel, (event.link as { rel: string }).rel);
        assert.equal(parsed.link.href, new URL((event.link as { href: string }).href, base).toString());
        assert.equal(parsed.in?.rel, (event.in as { rel?: string } | undefined)?.rel);
        assert.equal(parsed.embedded !== undefined, isObject(event._embedded));
      });
      const next = body._links.next ?? body._links.resume;
      if (next) assert.equal(batch.next ?? batch.resume, new URL(next.href, base).toString());
    });
  }

  it('reads the lobby arrival exactly as documented', () => {
    const item = sample('events-lobby-participant-added.json');
    const [event] = parseEventBatch(JSON.stringify(jsonBody(item)), 'application/json', baseUrlOf(item)).events;
    assert.deepEqual([event!.sender.rel, event!.link.rel, event!.in?.rel, event!.type], ['conversation', 'participant', 'lobby', 'added']);
  });

  it('reads the embedded operation resource and its operationId', () => {
    const item = sample('events-operationresource-onlinemeetinginvitation-started.json');
    const [event] = parseEventBatch(JSON.stringify(jsonBody(item)), 'application/json', baseUrlOf(item)).events;
    assert.equal(event!.type, 'started');
    assert.equal(event!.embedded?.properties.operationId, '123');
  });

  it('reads XML events in document order, with the embedded resource, like the JSON twin', () => {
    const xml = sample('events-channeldetails-sample-xml.json');
    const json = sample('events-channeldetails-sample.json');
    const fromXml = parseEventBatch(xml.xml!, 'application/vnd.microsoft.com.ucwa+xml', baseUrlOf(xml));
    const fromJson = parseEventBatch(JSON.stringify(jsonBody(json)), 'application/json', baseUrlOf(json));
    const summary = (batch: typeof fromXml) => batch.events.map((event) => `${event.sender.rel}:${event.type}:${event.link.rel}:${event.link.href}:${event.embedded ? 'embedded' : ''}`);
    assert.deepEqual(summary(fromXml), summary(fromJson));
    assert.deepEqual(fromXml.events.map((event) => event.type), ['updated', 'updated', 'added', 'added', 'added']);
    assert.equal(fromXml.next, 'https://fe1.contoso.com/ucwa/oauth/v1/applications/102/events?ack=2');
    assert.equal(fromXml.events[0]!.embedded?.properties.etag, '2943169141');
  });

  it('reads an XML `in` element and resync/resume links', () => {
    const xml = `<?xml version="1.0"?><events href="/e?ack=3" xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">
      <link rel="resume" href="/e?ack=4"/>
      <sender rel="conversation" href="/c/1"><added rel="participant" href="/c/1/p/2" title="Bob"><in rel="lobby" href="/c/1/lobby"/></added></sender></events>`;
    const batch = parseEventBatch(xml, 'application/xml', 'https://pool.example/e?ack=3');
    assert.equal(batch.resume, 'https://pool.example/e?ack=4');
    assert.deepEqual(batch.events[0]!.in, { rel: 'lobby', href: 'https://pool.example/c/1/lobby' });
    assert.equal(batch.events[0]!.link.title, 'Bob');
  });
});

describe('ucwa representation: errors and challenges', () => {
  it('reads the documented JSON and XML error bodies alike', () => {
    const json = sample('error-generic-json.json');
    const xml = sample('error-generic-xml.json');
    const fromJson = parseReason(json.raw!, 'application/json');
    const fromXml = parseReason(xml.xml!, 'application/xml');
    assert.deepEqual(fromJson, { code: 'Conflict', subcode: 'AlreadyExists', message: 'The requested resource already exists. Please wait and try again.', parameters: undefined, debugInfo: undefined });
    assert.deepEqual(fromXml, fromJson);
  });

  it('ignores bodies that are not UCWA errors', () => {
    assert.equal(parseReason('<html><body>401</body></html>', 'text/html'), undefined);
    assert.equal(parseReason('{"error":"invalid_grant"}', 'application/json'), undefined);
  });

  for (const file of ['auth-msrtcoauth-challenge-header.json', 'createapp-oauth-user-get-401-response.json']) {
    it(`parses the MsRtcOAuth hint of ${file}`, () => {
      const item = sample(file);
      const values = (item.response_headers ?? []).filter(([name]) => name.toLowerCase() === 'www-authenticate').map(([, value]) => value);
      // fetch joins repeated headers with ", "; the parser must split them back.
      const hint = msRtcOAuthHint(parseChallenges(values.join(', ')), 'https://lyncdiscover.contoso.com/');
      assert.ok(hint);
      assert.match(hint.href, /^https:\/\/(lyncweb\.)?contoso\.com\/WebTicket\/oauthtoken$/);
      assert.deepEqual(hint.grantTypes, ['urn:microsoft.rtc:windows', 'urn:microsoft.rtc:anonmeeting', 'password']);
    });
  }

  it('keeps the Bearer challenge parameters apart', () => {
    const challenges = parseChallenges('Bearer trusted_issuers="a@*", client_id="00000004", authorization_uri="https://login.windows.net/common/oauth2/authorize", MsRtcOAuth href="https://webdir0b.online.lync.com/WebTicket/oauthtoken", grant_type="urn:microsoft.rtc:passive"');
    assert.deepEqual(challenges.map((challenge) => challenge.scheme), ['Bearer', 'MsRtcOAuth']);
    assert.equal(challenges[0]!.params.authorization_uri, 'https://login.windows.net/common/oauth2/authorize');
  });
});

describe('ucwa representation: request bodies', () => {
  const xmlRequests = samples.filter((item) => item.kind === 'request' && item.format === 'xml' && item.xml);
  for (const item of xmlRequests) {
    const twin = byFile.get(item.file.replace('-xml.json', '.json'));
    it(`${item.file}: our XML input for the JSON twin carries the same fields`, () => {
      const documented = xmlProperties(parseXml(item.xml!));
      assert.ok(Object.keys(documented).length > 0);
      if (!twin || !isObject(jsonBody(twin))) return;
      const ours = xmlProperties(parseXml(serializeInput(jsonBody(twin) as Record<string, UcwaValue>, 'xml')));
      assert.deepEqual(Object.keys(ours).sort(), Object.keys(jsonBody(twin) as object).sort());
    });
  }

  it('a PUT sends the whole resource back, unknown properties and the sentinel included', () => {
    const item = sample('updateanonlinemeeting-put-response.json');
    const resource = resourceFromJson(jsonBody(item), baseUrlOf(item));
    const sent = JSON.parse(serializeForPut(resource, { subject: 'Renamed' })) as Record<string, unknown>;
    assert.equal(sent.subject, 'Renamed');
    assert.equal(sent['56de7bbf-1081-43e6-bbf2-1cabf3224c83'], 'please pass this in a PUT request');
    assert.equal(sent.joinUrl, resource.properties.joinUrl);
    const xml = resourceFromXml(parseXml(sample('myonlinemeeting-get-response-xml.json').xml!), 'https://fe1.contoso.com/');
    const back = xmlProperties(parseXml(serializeForPut(xml, { subject: 'X', expirationTime: new Date(0) })));
    assert.equal(back.subject, 'X');
    assert.equal(back.expirationTime, '1970-01-01T00:00:00.000Z');
    assert.deepEqual(back.attendees, xml.properties.attendees);
  });
});

describe('ucwa representation: what a session keeps of its application', () => {
  for (const file of ['application-get-response.json', 'application-get-response-xml.json']) {
    it(`follows every link the parsed application offers, and says what its view says (${file})`, () => {
      const item = sample(file);
      const resource = item.xml ? resourceFromXml(parseXml(item.xml), baseUrlOf(item)) : resourceFromJson(jsonBody(item), baseUrlOf(item));
      const kept = new ApplicationLinks(resource);
      assert.equal(kept.href, resource.href);
      let followed = 0;
      for (const [rel, links] of Object.entries(resource.links)) {
        assert.equal(kept.link('application', rel), links[0]!.href, `application.${rel}`);
        followed += 1;
      }
      for (const [part, [embedded]] of Object.entries(resource.embedded)) {
        assert.equal(kept.partHref(part), embedded!.href, part);
        for (const [rel, links] of Object.entries(embedded!.links)) {
          assert.equal(kept.link(part, rel), links[0]!.href, `${part}.${rel}`);
          followed += 1;
        }
      }
      assert.ok(followed > 20, `the sample has links in every part (${followed})`);
      const { resource: _resource, me, eventsHref, ...view } = applicationView(resource);
      assert.deepEqual({ ...kept.summary, me: undefined }, { ...view, me: undefined });
      // The events link is kept once, among the links, not in the summary as well.
      assert.equal(kept.link('application', 'events'), eventsHref);
      assert.deepEqual(kept.summary.me?.emailAddresses, me?.emailAddresses);
      assert.equal(kept.summary.me?.uri, me?.uri);
      assert.throws(() => kept.link('communication', 'noSuchLink'), (error: UcwaError) => error.code === 'MissingLink');
      assert.throws(() => kept.partHref('noSuchPart'), (error: UcwaError) => error.code === 'MissingLink');
    });
  }
});
