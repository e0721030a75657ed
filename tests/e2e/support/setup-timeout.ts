// A browser start and a full sign-in take seconds, not milliseconds.
jest.setTimeout(60_000);
