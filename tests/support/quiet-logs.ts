import { configureLogger } from '../../src/logging/logger';

// Tests log nothing unless a test captures logs on purpose (see start-test-lotse.ts captureLogs).
configureLogger('silent');
