/** What the fan-out bench's connector enforces and reports (shared by it and the bench, which must not start it by importing it). */
export const TEAMS_SEND_WINDOWS = [
  { limit: 7, periodMs: 1_000 },
  { limit: 8, periodMs: 2_000 },
  { limit: 60, periodMs: 30_000 },
] as const;

export interface FanoutReport {
  accepted: number;
  throttled: number;
  /** Tags accepted more than once. */
  repeated: number;
  /** Epoch ms of the first and last accepted send. */
  firstAt: number;
  lastAt: number;
  tags: string[];
  /** Epoch ms each tag was accepted at, when the report was asked for with `arrivals` (fan-out traces). */
  arrivals?: Record<string, number>;
}

