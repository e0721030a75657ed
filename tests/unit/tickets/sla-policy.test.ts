import type { AppError } from '../../../src/domain/errors';
import { DEFAULT_WEEKLY_HOURS, SlaCalendar } from '../../../src/domain/tickets/sla-calendar';
import { DEFAULT_SLA_POLICY, SlaPolicy } from '../../../src/domain/tickets/sla-policy';
import type { Ticket, TicketStatus } from '../../../src/domain/tickets/ticket';

const calendar = new SlaCalendar({
  timeZone: 'Europe/Berlin',
  weeklyHours: DEFAULT_WEEKLY_HOURS,
  holidays: ['2026-04-03', '2026-04-06'],
});
const sut = new SlaPolicy(calendar);

/** The SLA-relevant part of a ticket created at `createdAt` with the policy's due times. */
function slaTicket(
  createdAt: string,
  priority: 'urgent' | 'normal',
  status: TicketStatus = 'new',
  stops: { firstRespondedAt?: string; resolvedAt?: string } = {},
): Pick<Ticket, 'status' | 'createdAt' | 'sla'> {
  return {
    status,
    createdAt,
    sla: {
      ...sut.slaDueTimes(priority, new Date(createdAt)),
      firstRespondedAt: stops.firstRespondedAt ?? null,
      resolvedAt: stops.resolvedAt ?? null,
    },
  };
}

function stateAt(ticket: Pick<Ticket, 'status' | 'createdAt' | 'sla'>, nowIso: string, policy = sut) {
  return policy.slaState(ticket, new Date(nowIso));
}

/** Urgent ticket, Mon 9 March 2026 09:00 Berlin: first response due 10:00, resolution Tue 09:00. */
const URGENT_CREATED = '2026-03-09T08:00:00.000Z';

describe('SlaPolicy.slaDueTimes', () => {
  it('counts the targets of the priority in working hours', () => {
    expect(sut.slaDueTimes('urgent', new Date(URGENT_CREATED))).toEqual({
      firstResponseDue: '2026-03-09T09:00:00.000Z',
      resolutionDue: '2026-03-10T08:00:00.000Z',
    });
  });

  it('runs over weekends: a normal ticket from Friday noon is answered by Monday 15:00', () => {
    expect(sut.slaDueTimes('normal', new Date('2026-03-13T11:00:00.000Z'))).toEqual({
      firstResponseDue: '2026-03-16T14:00:00.000Z',
      // 40 h: Fri 1 + Mon-Thu 32 + Fri 5 + Mon 23 March 2 -> 10:00 CET
      resolutionDue: '2026-03-23T09:00:00.000Z',
    });
  });

  it('starts the clocks on Monday morning for a ticket opened at the weekend', () => {
    expect(sut.slaDueTimes('urgent', new Date('2026-03-14T15:00:00.000Z')).firstResponseDue).toBe('2026-03-16T08:00:00.000Z');
  });
});

describe('SlaPolicy.slaState', () => {
  it('is ok while more than 20 % of the span is left, then due soon, then breached', () => {
    const ticket = slaTicket(URGENT_CREATED, 'urgent');
    expect(stateAt(ticket, '2026-03-09T08:30:00.000Z').firstResponse).toEqual({
      state: 'ok',
      due: '2026-03-09T09:00:00.000Z',
      stoppedAt: null,
      remainingWorkingMinutes: 30,
    });
    expect(stateAt(ticket, '2026-03-09T08:50:00.000Z').firstResponse).toMatchObject({ state: 'due_soon', remainingWorkingMinutes: 10 });
    expect(stateAt(ticket, '2026-03-09T09:00:00.000Z').firstResponse.state).toBe('due_soon');
    expect(stateAt(ticket, '2026-03-09T09:01:00.000Z').firstResponse).toMatchObject({ state: 'breached', remainingWorkingMinutes: -1 });
    expect(stateAt(ticket, '2026-03-09T09:01:00.000Z').resolution.state).toBe('ok');
  });

  it('does not count the weekend as time used up', () => {
    const ticket = slaTicket('2026-03-13T11:00:00.000Z', 'normal');
    expect(stateAt(ticket, '2026-03-15T20:00:00.000Z').firstResponse).toMatchObject({ state: 'ok', remainingWorkingMinutes: 420 });
    // Mon 13:40 local: 80 of 480 minutes left (< 96)
    expect(stateAt(ticket, '2026-03-16T12:40:00.000Z').firstResponse).toMatchObject({ state: 'due_soon', remainingWorkingMinutes: 80 });
  });

  it('freezes a clock once it stopped: met in time stays ok, late stays breached', () => {
    const inTime = slaTicket(URGENT_CREATED, 'urgent', 'assigned', { firstRespondedAt: '2026-03-09T08:55:00.000Z' });
    expect(stateAt(inTime, '2026-03-12T09:00:00.000Z').firstResponse).toEqual({
      state: 'ok',
      due: '2026-03-09T09:00:00.000Z',
      stoppedAt: '2026-03-09T08:55:00.000Z',
      remainingWorkingMinutes: 5,
    });
    const late = slaTicket(URGENT_CREATED, 'urgent', 'assigned', { firstRespondedAt: '2026-03-09T09:10:00.000Z' });
    expect(stateAt(late, '2026-03-09T09:11:00.000Z').firstResponse).toMatchObject({ state: 'breached', remainingWorkingMinutes: -10 });
  });

  it('stops both clocks when a ticket is resolved or closed, even without a public reply', () => {
    const resolved = slaTicket(URGENT_CREATED, 'urgent', 'resolved', { resolvedAt: '2026-03-09T08:40:00.000Z' });
    const state = stateAt(resolved, '2026-03-20T09:00:00.000Z');
    expect(state.firstResponse).toMatchObject({ state: 'ok', stoppedAt: '2026-03-09T08:40:00.000Z' });
    expect(state.resolution).toMatchObject({ state: 'ok', stoppedAt: '2026-03-09T08:40:00.000Z' });
    const closedLate = slaTicket(URGENT_CREATED, 'urgent', 'closed', {
      firstRespondedAt: '2026-03-09T08:40:00.000Z',
      resolvedAt: '2026-03-11T08:00:00.000Z',
    });
    expect(stateAt(closedLate, '2026-03-20T09:00:00.000Z').resolution).toMatchObject({
      state: 'breached',
      remainingWorkingMinutes: -480,
    });
  });

  it('lets the resolution clock run again after a reopen', () => {
    const reopened = slaTicket(URGENT_CREATED, 'urgent', 'assigned', { firstRespondedAt: '2026-03-09T08:40:00.000Z' });
    expect(stateAt(reopened, '2026-03-10T07:00:00.000Z').resolution).toMatchObject({
      state: 'due_soon',
      stoppedAt: null,
      remainingWorkingMinutes: 60,
    });
  });

  it('takes the due-soon fraction from the configuration', () => {
    const strict = new SlaPolicy(calendar, { ...DEFAULT_SLA_POLICY, dueSoonFraction: 0.5 });
    const ticket = slaTicket(URGENT_CREATED, 'urgent');
    expect(stateAt(ticket, '2026-03-09T08:31:00.000Z', strict).firstResponse.state).toBe('due_soon');
    expect(stateAt(ticket, '2026-03-09T08:31:00.000Z').firstResponse.state).toBe('ok');
  });
});

describe('SlaPolicy configuration', () => {
  it('lists every problem', () => {
    const targets = {
      ...DEFAULT_SLA_POLICY.targets,
      urgent: { firstResponseHours: 0, resolutionHours: 8 },
      low: { firstResponseHours: 9, resolutionHours: 8 },
    };
    let error: AppError | undefined;
    try {
      new SlaPolicy(calendar, { targets, dueSoonFraction: 1.5 });
    } catch (caught) {
      error = caught as AppError;
    }
    expect(error?.code).toBe('CONFIG_INVALID');
    expect(error?.details['problems']).toEqual([
      'targets.low: first response must not be due after resolution',
      'targets.urgent.firstResponseHours: must be > 0',
      'dueSoonFraction: must be within 0-1',
    ]);
  });
});
