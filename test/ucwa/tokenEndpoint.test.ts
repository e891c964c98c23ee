import assert from 'node:assert/strict';
import { ucwaSentence } from '../../src/teams/errorSentences.js';
import { msRtcOAuthHint, parseChallenges, UcwaError } from '../../src/ucwa/index.js';

describe('the MsRtcOAuth token endpoint', () => {
  it('is accepted on the server that issued the challenge', () => {
    const challenges = parseChallenges('MsRtcOAuth href="https://lyncweb.contoso.com/WebTicket/oauthtoken",grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password"');
    const hint = msRtcOAuthHint(challenges, 'https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user');
    assert.equal(hint?.href, 'https://lyncweb.contoso.com/WebTicket/oauthtoken');
    assert.ok(hint?.grantTypes.includes('password'));
  });

  it('is refused on any other server, so the password never leaves for it', () => {
    const challenges = parseChallenges('MsRtcOAuth href="https://attacker.example/WebTicket/oauthtoken",grant_type="password"');
    assert.throws(
      () => msRtcOAuthHint(challenges, 'https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user'),
      (error: unknown) =>
        error instanceof UcwaError && error.code === 'ForeignOrigin' && error.problem?.kind === 'tokenEndpointElsewhere' && !/attacker/.test(ucwaSentence(error, 'en')),
    );
  });
});
