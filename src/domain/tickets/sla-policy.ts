import { AppError, ErrorCode } from '../errors';
import type { SlaCalendar } from './sla-calendar';
import { TICKET_PRIORITIES } from './ticket';
import type { Ticket, TicketPriority, TicketSla } from './ticket';

/** Targets of one priority, in working hours of the {@link SlaCalendar}. */
export interface SlaTargets {
  readonly firstResponseHours: number;
  readonly resolutionHours: number;
}

/** The SLA policy (configuration). */
export interface SlaPolicyConfig {
  readonly targets: Readonly<Record<TicketPriority, SlaTargets>>;
  /** A running clock is `due_soon` when less than this fraction (0-1) of its span is left. */
  readonly dueSoonFraction: number;
}

/** Targets a cooperation can start with: urgent within the hour, low within two weeks. */
export const DEFAULT_SLA_POLICY: SlaPolicyConfig = {
  targets: {
    urgent: { firstResponseHours: 1, resolutionHours: 8 },
    high: { firstResponseHours: 4, resolutionHours: 16 },
    normal: { firstResponseHours: 8, resolutionHours: 40 },
    low: { firstResponseHours: 16, resolutionHours: 80 },
  },
  dueSoonFraction: 0.2,
};

/** State of one SLA clock as tickets show it. */
export type SlaState = 'ok' | 'due_soon' | 'breached';

/** One SLA clock (first response or resolution) of a ticket at a moment. */
export interface SlaClock {
  readonly state: SlaState;
  /** ISO timestamp the clock is due. */
  readonly due: string;
  /** When the clock stopped (responded / resolved), or null while it runs. */
  readonly stoppedAt: string | null;
  /**
   * Working minutes from now (or from the stop) to the due time; negative once overdue. Rounded
   * down to whole minutes.
   */
  readonly remainingWorkingMinutes: number;
}

/** Both SLA clocks of a ticket. */
export interface TicketSlaState {
  readonly firstResponse: SlaClock;
  readonly resolution: SlaClock;
}

/** The due times of a new ticket, as stored in {@link TicketSla}. */
export type SlaDueTimes = Pick<TicketSla, 'firstResponseDue' | 'resolutionDue'>;

/**
 * First-response and resolution targets per priority, counted in working time.
 *
 * Decisions: time waiting for the requester is not paused (the clocks measure the requester's
 * wait, and pausing would let a ticket sit unseen); a ticket resolved or closed without a public
 * reply stops its first-response clock at that moment; `due_soon` compares the working time left
 * with the ticket's own span (creation to due), so changed targets do not distort old tickets.
 */
export class SlaPolicy {
  /** Throws `CONFIG_INVALID` listing every problem of the configuration. */
  constructor(
    private readonly calendar: SlaCalendar,
    private readonly config: SlaPolicyConfig = DEFAULT_SLA_POLICY,
  ) {
    const problems = policyProblems(config);
    if (problems.length > 0) {
      throw new AppError(ErrorCode.ConfigInvalid, `Invalid SLA policy: ${problems.join('; ')}`, { problems });
    }
  }

  /** The year of `at` in the service's time zone: ticket numbers follow the local calendar. */
  localYear(at: Date): number {
    return this.calendar.localYear(at);
  }

  /** The due times of a ticket of `priority` created at `createdAt` (also after a priority change). */
  slaDueTimes(priority: TicketPriority, createdAt: Date): SlaDueTimes {
    const targets = this.config.targets[priority];
    return {
      firstResponseDue: this.calendar.addWorkingMinutes(createdAt, targets.firstResponseHours * 60).toISOString(),
      resolutionDue: this.calendar.addWorkingMinutes(createdAt, targets.resolutionHours * 60).toISOString(),
    };
  }

  /** The state of both clocks of `ticket` at `now`. */
  slaState(ticket: Pick<Ticket, 'status' | 'createdAt' | 'sla'>, now: Date): TicketSlaState {
    const finished = ticket.status === 'resolved' || ticket.status === 'closed';
    const resolutionStop = finished ? ticket.sla.resolvedAt : null;
    const createdAt = new Date(ticket.createdAt);
    return {
      firstResponse: this.clock(createdAt, ticket.sla.firstResponseDue, ticket.sla.firstRespondedAt ?? resolutionStop, now),
      resolution: this.clock(createdAt, ticket.sla.resolutionDue, resolutionStop, now),
    };
  }

  private clock(createdAt: Date, dueIso: string, stoppedAt: string | null, now: Date): SlaClock {
    const due = new Date(dueIso);
    const until = stoppedAt === null ? now : new Date(stoppedAt);
    const remaining = this.calendar.workingMinutesBetween(until, due);
    const remainingWorkingMinutes = Math.floor(remaining);
    if (until.getTime() > due.getTime()) return { state: 'breached', due: dueIso, stoppedAt, remainingWorkingMinutes };
    if (stoppedAt !== null) return { state: 'ok', due: dueIso, stoppedAt, remainingWorkingMinutes };
    const span = this.calendar.workingMinutesBetween(createdAt, due);
    const state = remaining < span * this.config.dueSoonFraction ? 'due_soon' : 'ok';
    return { state, due: dueIso, stoppedAt, remainingWorkingMinutes };
  }
}

function policyProblems(config: SlaPolicyConfig): string[] {
  const problems: string[] = [];
  for (const priority of TICKET_PRIORITIES) {
    const targets = config.targets[priority];
    if (targets === undefined) {
      problems.push(`targets.${priority}: missing`);
      continue;
    }
    for (const key of ['firstResponseHours', 'resolutionHours'] as const) {
      if (!Number.isFinite(targets[key]) || targets[key] <= 0) problems.push(`targets.${priority}.${key}: must be > 0`);
    }
    if (targets.firstResponseHours > targets.resolutionHours) {
      problems.push(`targets.${priority}: first response must not be due after resolution`);
    }
  }
  if (!(config.dueSoonFraction >= 0 && config.dueSoonFraction <= 1)) problems.push('dueSoonFraction: must be within 0-1');
  return problems;
}
