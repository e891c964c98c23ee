export { LeaseOwnership, SoleOwnership, channelKey, groupOf, userOfChannelKey, type LeaseOwnershipOptions, type LostReason, type Ownership } from './ownership.js';
export { ownerOf } from './rendezvous.js';
