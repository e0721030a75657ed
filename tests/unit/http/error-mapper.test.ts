import { AppError, ErrorCode } from '../../../src/domain/errors';
import { mapError } from '../../../src/http/error-mapper';

describe('mapError', () => {
  it('maps application errors to their status with the code and message', () => {
    expect(mapError(new AppError(ErrorCode.ValidationFailed, 'Invalid activity: missing type.'))).toEqual({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: 'Invalid activity: missing type.' } },
    });
    expect(mapError(new AppError(ErrorCode.Forbidden, 'Tenant not allowed.')).status).toBe(403);
    expect(mapError(new AppError(ErrorCode.NotReady, 'Not ready.')).status).toBe(503);
  });

  it('hides the message of internal errors and of unknown errors', () => {
    expect(mapError(new AppError(ErrorCode.Internal, 'secret detail')).body.error.message).toBe('Internal error.');
    expect(mapError(new TypeError('x is undefined at /srv/lotse/file.ts'))).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL', message: 'Internal error.' } },
    });
  });

  it("maps restify's HTTP errors by status", () => {
    expect(mapError({ statusCode: 413, message: 'Request body size exceeds 10' })).toMatchObject({
      status: 413,
      body: { error: { code: 'PAYLOAD_TOO_LARGE' } },
    });
    expect(mapError({ statusCode: 400, message: 'Invalid JSON: Unexpected token' }).body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('ticket errors', () => {
  it('tell the client who holds a ticket and why a transition is refused (409)', () => {
    expect(mapError(new AppError(ErrorCode.TicketAlreadyClaimed, 'Ticket already claimed by another advisor.'))).toEqual({
      status: 409,
      body: { error: { code: 'TICKET_ALREADY_CLAIMED', message: 'Ticket already claimed by another advisor.' } },
    });
    expect(mapError(new AppError(ErrorCode.InvalidTransition, 'A closed ticket cannot be resolved.')).body.error.message).toBe(
      'A closed ticket cannot be resolved.',
    );
  });
});
