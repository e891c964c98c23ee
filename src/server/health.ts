import type { DependencyHealth } from '../teams/capability.js';

export interface HealthReport {
  ready: boolean;
  status: 'ok' | 'starting' | 'degraded' | 'stopping';
  dependencies: DependencyHealth[];
}

export type HealthCheck = () => Promise<DependencyHealth>;

const checkTimeoutMs = 2_000;

/** `/healthz` answers 200 only when the bot is up and every dependency it needs answers. */
export class HealthReporter {
  private state: 'starting' | 'running' | 'stopping' = 'starting';

  constructor(private readonly checks: HealthCheck[]) {}

  markRunning(): void {
    this.state = 'running';
  }

  markStopping(): void {
    this.state = 'stopping';
  }

  async report(): Promise<HealthReport> {
    const dependencies = await Promise.all(this.checks.map((check) => withTimeout(check)));
    if (this.state !== 'running') return { ready: false, status: this.state, dependencies };
    const ready = dependencies.every((dependency) => dependency.ok);
    return { ready, status: ready ? 'ok' : 'degraded', dependencies };
  }
}

async function withTimeout(check: HealthCheck): Promise<DependencyHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DependencyHealth>((resolve) => {
    timer = setTimeout(() => resolve({ name: 'unknown', ok: false, detail: 'health check timed out' }), checkTimeoutMs);
  });
  try {
    return await Promise.race([check().catch((error: unknown) => ({ name: 'unknown', ok: false, detail: error instanceof Error ? error.message : String(error) })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
