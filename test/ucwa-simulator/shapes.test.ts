import assert from 'node:assert/strict';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import {
  ALICE,
  fixtureBody,
  fixtureXml,
  href,
  linkRels,
  obj,
  openSession,
  propertyNames,
  startSim,
  xmlOutline,
  type Json,
  type Session,
} from './helpers.js';

/** Our JSON and XML must have the documented shapes: same key sets and link rels as the official samples. */
const UCWA_NS = 'http://schemas.microsoft.com/rtc/2012/03/ucwa';

function assertSubset(actual: string[], allowed: string[], what: string): void {
  const extra = actual.filter((key) => !allowed.includes(key));
  assert.deepEqual(extra, [], `${what}: keys not in the documented sample: ${extra.join(', ')}`);
}

describe('UCWA simulator: representations match the documented samples', () => {
  let sim: UcwaSimulator;
  let alice: Session;
  let meetingHref: string;

  before(async () => {
    sim = await startSim();
    alice = await openSession(sim, ...ALICE);
    const list = await alice.get(href(alice.embedded('onlineMeetings'), 'myOnlineMeetings'));
    meetingHref = href((obj(list._embedded).myOnlineMeeting as Json[])[0], 'self');
  });
  after(() => sim.close());

  it('application embeds me, people, onlineMeetings and communication like the create-application sample', () => {
    const sample = fixtureBody('createapp-applications-post-response.json');
    assert.deepEqual(Object.keys(obj(alice.app._embedded)).sort(), Object.keys(obj(sample._embedded)).sort());
    assertSubset(linkRels(alice.app), linkRels(sample), 'application links');
    assert.ok(href(alice.app, 'events').endsWith('/events?ack=1'));
    assert.deepEqual(linkRels(alice.embedded('onlineMeetings')), linkRels(obj(obj(sample._embedded).onlineMeetings)));
    const communication = alice.embedded('communication');
    assert.ok(Object.values(communication).includes('please pass this in a PUT request'));
    assertSubset(linkRels(communication), linkRels(obj(obj(sample._embedded).communication)), 'communication links');
    const referenceMe = obj(obj(fixtureBody('application-get-response.json')._embedded).me);
    assertSubset(propertyNames(alice.embedded('me')), propertyNames(referenceMe), 'me properties');
  });

  it('myOnlineMeetings and myOnlineMeeting have the sample keys (JSON and XML)', async () => {
    const list = await alice.get(href(alice.embedded('onlineMeetings'), 'myOnlineMeetings'));
    const sampleList = fixtureBody('myonlinemeetings-get-response.json');
    assert.deepEqual(Object.keys(list).sort(), Object.keys(sampleList).sort());
    assert.deepEqual(Object.keys(obj(list._embedded)).sort(), Object.keys(obj(sampleList._embedded)).sort());

    const meeting = await alice.get(meetingHref);
    const sample = fixtureBody('myonlinemeeting-get-response.json');
    const missing = propertyNames(sample).filter((key) => !propertyNames(meeting).includes(key));
    assert.deepEqual(missing, []);
    assert.deepEqual(linkRels(meeting), linkRels(sample));

    const xml = await (await alice.request('GET', meetingHref, { headers: { accept: 'application/xml' } })).text();
    const ours = xmlOutline(xml);
    const documented = xmlOutline(fixtureXml('myonlinemeeting-get-response-xml.json'));
    assert.equal(ours.root, 'resource');
    assert.equal(ours.attributes.xmlns, UCWA_NS);
    assert.equal(ours.attributes.rel, 'myOnlineMeeting');
    assert.deepEqual(ours.links, documented.links);
    assert.deepEqual(documented.properties.filter((name) => !ours.properties.includes(name)), []);
  });

  it('settings resources carry exactly the documented properties', async () => {
    const dashboard = alice.embedded('onlineMeetings');
    const pairs: Array<[string, string]> = [
      ['onlineMeetingDefaultValues', 'onlinemeetingdefaultvalues-get-response.json'],
      ['onlineMeetingEligibleValues', 'onlinemeetingeligiblevalues-get-response.json'],
      ['onlineMeetingPolicies', 'onlinemeetingpolicies-get-response.json'],
      ['onlineMeetingInvitationCustomization', 'onlinemeetinginvitationcustomization-get-response.json'],
      ['phoneDialInInformation', 'phonedialininformation-get-response.json'],
    ];
    for (const [rel, file] of pairs) {
      const ours = await alice.get(href(dashboard, rel));
      const sample = fixtureBody(file);
      assert.deepEqual(propertyNames(ours), propertyNames(sample), rel);
      assert.deepEqual(linkRels(ours), linkRels(sample), `${rel} links`);
    }
    const dialIn = await alice.get(href(dashboard, 'phoneDialInInformation'));
    const region = (obj(dialIn._embedded).dialInRegion as Json[])[0];
    const sampleRegion = (obj(fixtureBody('phonedialininformation-get-response.json')._embedded).dialInRegion as Json[])[0];
    assert.deepEqual(propertyNames(obj(region)), propertyNames(obj(sampleRegion)));
  });

  it('groups and group resources match the myGroups/group2 samples', async () => {
    const groups = await alice.get(href(alice.embedded('people'), 'myGroups'));
    const sample = fixtureBody('groups-mygroups-get-response.json');
    assertSubset(linkRels(groups), linkRels(sample), 'myGroups links');
    assert.ok(Array.isArray(obj(groups._links).group), 'group links are an array even for one group');
    const group = (obj(groups._embedded).group as Json[])[0];
    const groupSample = fixtureBody('group2-get-response.json');
    assert.deepEqual(propertyNames(obj(group)), propertyNames(groupSample));
    assert.deepEqual(linkRels(obj(group)), linkRels(groupSample));
    const xml = xmlOutline(await (await alice.request('GET', href(group, 'self'), { headers: { accept: 'application/xml' } })).text());
    const documented = xmlOutline(fixtureXml('group2-get-response-xml.json'));
    assert.deepEqual([xml.links, xml.properties], [documented.links, documented.properties]);
  });

  it('errors have the documented body in JSON and XML', async () => {
    const missing = `${href(alice.embedded('onlineMeetings'), 'myOnlineMeetings')}/NOPE1234`;
    const json = obj(await (await alice.request('GET', missing)).json());
    assert.deepEqual(Object.keys(json), Object.keys(fixtureBody('error-generic-json.json')));
    assert.equal(json.code, 'NotFound');
    const response = await alice.request('GET', missing, { headers: { accept: 'application/xml' } });
    assert.equal(response.status, 404);
    const xml = xmlOutline(await response.text());
    assert.equal(xml.root, 'reason');
    assert.equal(xml.attributes.xmlns, UCWA_NS);
  });

  it('accepts XML request bodies (documented <input> form)', async () => {
    const sampleXml = fixtureXml('myonlinemeetings-post-request-xml.json').replace('2016-09-26T16:20:29.0559053-07:00', new Date(Date.now() + 3600_000).toISOString());
    const response = await alice.request('POST', href(alice.embedded('onlineMeetings'), 'myOnlineMeetings'), {
      body: sampleXml,
      headers: { 'content-type': 'application/xml', accept: 'application/xml' },
    });
    assert.equal(response.status, 201);
    const outline = xmlOutline(await response.text());
    assert.equal(outline.attributes.rel, 'myOnlineMeeting');
    assert.ok(outline.properties.includes('onlineMeetingUri'));
  });
});
