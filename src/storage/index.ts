export { FileStorage, type FileStorageOptions } from './fileStorage.js';
export { ETagConflictError, StorageClosedError } from './errors.js';
export { DataDirLockedError, lockDataDir, type DataDirLock } from './dataDirLock.js';
export { BlobStorage, type BlobStorageOptions } from './blobStorage.js';
export type { BotStorage, StoreHealth } from './botStorage.js';
