/**
 * A circuit breaker: after `failures` failed calls in a row the service is taken for down and calls
 * are refused at once (open) instead of each waiting out its time-outs and retries; after
 * `coolDownMs` one trial call is let through (half-open): its success closes the circuit, its
 * failure opens it for another cool-down.
 */
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  failures: number;
  coolDownMs: number;
  now?: () => number;
  /** told of every change of state (for the log) */
  onChange?: (state: BreakerState) => void;
}

/** Whether a call may go: as a normal one, as the one trial, or not before `retryInMs`. */
export type Admission = { admitted: true; trial: boolean } | { admitted: false; retryInMs: number };

export class CircuitBreaker {
  private consecutive = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    if (!Number.isInteger(options.failures) || options.failures < 1) throw new RangeError('breaker failures must be ≥ 1');
    this.now = options.now ?? Date.now;
  }

  state(): BreakerState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.options.coolDownMs ? 'half_open' : 'open';
  }

  admit(): Admission {
    const state = this.state();
    if (state === 'closed') return { admitted: true, trial: false };
    if (state === 'half_open' && !this.trialInFlight) {
      this.trialInFlight = true;
      return { admitted: true, trial: true };
    }
    // while the trial runs, the others wait for its outcome: a second's retry is a fair hint
    const left = this.openedAt === undefined ? 0 : this.openedAt + this.options.coolDownMs - this.now();
    return { admitted: false, retryInMs: Math.max(left, 1000) };
  }

  /** The service answered: whatever was open closes. */
  succeed(): void {
    this.consecutive = 0;
    this.trialInFlight = false;
    if (this.openedAt !== undefined) {
      this.openedAt = undefined;
      this.options.onChange?.('closed');
    }
  }

  /** The service was down (not a refusal of one request, which says it is up). */
  fail(trial: boolean): void {
    this.consecutive += 1;
    if (trial || (this.openedAt === undefined && this.consecutive >= this.options.failures)) {
      this.trialInFlight = false;
      this.openedAt = this.now();
      this.options.onChange?.('open');
    }
  }
}
