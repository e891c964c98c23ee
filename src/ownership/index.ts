export { LeaseOwnership, SoleOwnership, channelKey, userOfChannelKey, type LeaseOwnershipOptions, type LostReason, type Ownership } from './ownership.js';
export { ownerOf } from './rendezvous.js';
