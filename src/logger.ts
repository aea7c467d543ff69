// Structured JSON logging (pino); secrets never go into log fields.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'armstrail' },
    redact: { paths: ['req.headers.authorization', '*.password', '*.apiKey'], remove: true },
  });
}
