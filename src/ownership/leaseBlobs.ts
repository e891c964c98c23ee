import { BlobServiceClient, RestError, type ContainerClient } from '@azure/storage-blob';
import { blobNameForKey } from '../storage/blobStorage.js';
import { retryStorage } from '../storage/retry.js';

/**
 * The blobs ownership is decided on, in the bot's own container. Their names hold a '/', which the store's own
 * blob names never do (blobNameForKey escapes it), so they can never be mistaken for records, nor listed as keys.
 */
const KEY_PREFIX = 'ownership/key/';
const MEMBER_PREFIX = 'ownership/member/';
const EPOCH_METADATA = 'epoch';
/** A membership blob unleased for this long belongs to an instance that is gone. */
const DEAD_MEMBER_MS = 10 * 60_000;

export interface LeaseBlobsOptions {
  connectionString: string;
  container: string;
  /** Longest wait for one call, retries included: a lease decision that comes too late is worse than none. */
  timeoutMs: number;
}

/**
 * Azure Blob leases as the ownership module uses them: one leased blob per owned key and one per live instance (its
 * membership: live exactly while its lease runs, so no clocks are compared), plus a per-key epoch that only the
 * lease holder can raise (the fencing token).
 */
export class LeaseBlobs {
  private constructor(
    private readonly container: ContainerClient,
    private readonly timeoutMs: number,
  ) {}

  static async open(options: LeaseBlobsOptions): Promise<LeaseBlobs> {
    const service = BlobServiceClient.fromConnectionString(options.connectionString, {
      // Bounded by each call's own signal, not per try: a renewal may wait as long as the lease it renews is still
      // trusted (see renew); 30 s is the longest server timeout Blob Storage takes. The second try is for a dropped
      // keep-alive connection (ECONNRESET), common under load.
      retryOptions: { maxTries: 2, tryTimeoutInMs: 30_000, retryDelayInMs: 100, maxRetryDelayInMs: 500 },
      userAgentOptions: { userAgentPrefix: 'MeetingOpsBot' },
    });
    const container = service.getContainerClient(options.container);
    // Retried: an instance (re)starting while the store is busy must wait for it, not exit.
    await retryStorage(() => container.createIfNotExists({ abortSignal: AbortSignal.timeout(options.timeoutMs) }));
    return new LeaseBlobs(container, options.timeoutMs);
  }

  static keyBlob(key: string): string {
    return `${KEY_PREFIX}${blobNameForKey(key)}`;
  }

  static memberBlob(instanceId: string): string {
    return `${MEMBER_PREFIX}${blobNameForKey(instanceId)}`;
  }

  /** Takes the blob's lease (creating the blob first when missing); false when someone else holds it. */
  async acquire(blobName: string, leaseId: string, seconds: number): Promise<boolean> {
    const blob = this.container.getBlockBlobClient(blobName);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await blob.getBlobLeaseClient(leaseId).acquireLease(seconds, { abortSignal: this.signal() });
        return true;
      } catch (error) {
        if (isStatus(error, 409)) return false;
        if (!isStatus(error, 404)) throw error;
      }
      await blob.upload('', 0, { conditions: { ifNoneMatch: '*' }, abortSignal: this.signal() }).catch((error: unknown) => {
        if (!isStatus(error, 409) && !isStatus(error, 412)) throw error;
      });
    }
    return false;
  }

  /**
   * Renews a lease we hold; false when it is no longer ours (it ran out and someone took it, or the blob went).
   * `waitMs` may be long: the caller trusts a renewal from when it was sent, so a late answer is still a safe one,
   * whereas giving up after a few seconds on a busy machine let leases lapse that the service had renewed.
   */
  async renew(blobName: string, leaseId: string, waitMs = this.timeoutMs): Promise<boolean> {
    try {
      await this.container.getBlobClient(blobName).getBlobLeaseClient(leaseId).renewLease({ abortSignal: AbortSignal.timeout(waitMs) });
      return true;
    } catch (error) {
      if (isStatus(error, 409) || isStatus(error, 412) || isStatus(error, 404)) return false;
      throw error;
    }
  }

  /** Gives the lease back at once, so the next owner need not wait for it to run out; best effort. */
  async release(blobName: string, leaseId: string): Promise<void> {
    await this.container
      .getBlobClient(blobName)
      .getBlobLeaseClient(leaseId)
      .releaseLease({ abortSignal: this.signal() })
      .catch((error: unknown) => {
        if (!isStatus(error, 409) && !isStatus(error, 412) && !isStatus(error, 404)) throw error;
      });
  }

  /**
   * Raises the key's epoch by one and returns it. Only the lease holder can write the blob's metadata, and the write
   * is conditional on the version read, so each new owner of a key gets a strictly higher number than every earlier one.
   */
  async nextEpoch(blobName: string, leaseId: string): Promise<number> {
    const blob = this.container.getBlobClient(blobName);
    const properties = await blob.getProperties({ conditions: { leaseId }, abortSignal: this.signal() });
    const epoch = Number(properties.metadata?.[EPOCH_METADATA] ?? '0');
    const next = (Number.isSafeInteger(epoch) && epoch > 0 ? epoch : 0) + 1;
    await blob.setMetadata({ [EPOCH_METADATA]: String(next) }, { conditions: { leaseId, ifMatch: properties.etag }, abortSignal: this.signal() });
    return next;
  }

  /**
   * Instances whose membership lease is running, by id. The blobs of instances that died long ago are deleted on
   * the way (a leased blob cannot be deleted without its lease, so a live one is never removed).
   */
  async liveMembers(now = Date.now()): Promise<string[]> {
    const members: string[] = [];
    const dead: string[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix: MEMBER_PREFIX, includeMetadata: true, abortSignal: this.signal() })) {
      const id = blob.metadata?.instance;
      if (id && blob.properties.leaseState === 'leased') members.push(id);
      else if (now - blob.properties.lastModified.getTime() > DEAD_MEMBER_MS) dead.push(blob.name);
    }
    for (const name of dead) await this.container.getBlobClient(name).deleteIfExists({ abortSignal: this.signal() }).catch(() => undefined);
    return members.sort();
  }

  /** Writes the instance's membership blob (so the listing can name it) before its lease is taken. */
  async register(instanceId: string): Promise<void> {
    const blob = this.container.getBlockBlobClient(LeaseBlobs.memberBlob(instanceId));
    await blob.upload('', 0, { metadata: { instance: instanceId }, abortSignal: this.signal() });
  }

  /** Removes the membership blob at a graceful stop (releasing the lease first, so the delete is allowed). */
  async unregister(instanceId: string, leaseId: string): Promise<void> {
    const name = LeaseBlobs.memberBlob(instanceId);
    await this.release(name, leaseId);
    await this.container.getBlobClient(name).deleteIfExists({ abortSignal: this.signal() });
  }

  private signal(): AbortSignal {
    return AbortSignal.timeout(this.timeoutMs);
  }
}

function isStatus(error: unknown, status: number): boolean {
  return error instanceof RestError && error.statusCode === status;
}
