import { logger } from '../../src/log/logger';

// Tests assert on the logger with spies; its JSON lines would only clutter the output.
logger.level = 'silent';
