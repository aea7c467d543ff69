import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('defaults to PGlite in ./data on port 4000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './data' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses PostgreSQL with timeouts when DATABASE_URL is set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/armstrail',
      DB_STATEMENT_TIMEOUT_MS: '2000',
    });
    expect(config.database).toMatchObject({
      kind: 'postgres',
      statementTimeoutMs: 2000,
      connectTimeoutMs: 5000,
    });
  });

  it('reads down one pipelined lane by default; DB_READ_LANES sets how many, 0 for none', () => {
    const url = 'postgres://u@db:5432/armstrail';
    expect(loadConfig({ DATABASE_URL: url }).database).toMatchObject({ readLanes: 1 });
    expect(loadConfig({ DATABASE_URL: url, DB_READ_LANES: '0' }).database).toMatchObject({
      readLanes: 0,
    });
    expect(() => loadConfig({ DATABASE_URL: url, DB_READ_LANES: '-1' })).toThrow(/DB_READ_LANES/);
    expect(loadConfig({ DATABASE_URL: url }).database).toMatchObject({ readLaneWaitMs: 10 });
    expect(loadConfig({ DATABASE_URL: url, DB_READ_LANE_WAIT_MS: '40' }).database).toMatchObject({
      readLaneWaitMs: 40,
    });
  });

  it('lists every bad variable in one error', () => {
    const load = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
    expect(load).toThrow(/LOG_LEVEL/);
  });

  it('takes PUBLIC_URL for citation links: http(s), without a trailing slash', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:4000');
    expect(loadConfig({ PUBLIC_URL: 'https://armstrail.example.org/' }).publicUrl).toBe(
      'https://armstrail.example.org',
    );
    for (const bad of ['armstrail.example.org', 'ftp://x.org', 'https://x.org/?a=1']) {
      expect(() => loadConfig({ PUBLIC_URL: bad })).toThrow(/PUBLIC_URL/);
    }
  });

  it('seeds the demo data by default on PGlite only; SEED_DEMO_DATA decides either way', () => {
    const postgres = { DATABASE_URL: 'postgres://u@db:5432/armstrail' };
    expect(loadConfig({}).seedDemoData).toBe(true);
    expect(loadConfig(postgres).seedDemoData).toBe(false);
    expect(loadConfig({ SEED_DEMO_DATA: 'false' }).seedDemoData).toBe(false);
    expect(loadConfig({ ...postgres, SEED_DEMO_DATA: 'true' }).seedDemoData).toBe(true);
    expect(loadConfig({ ...postgres, SEED_DEMO_DATA: '1' }).seedDemoData).toBe(true);
    expect(() => loadConfig({ SEED_DEMO_DATA: 'yes' })).toThrow(/SEED_DEMO_DATA/);
  });

  it('runs one worker by default; several only on a PostgreSQL server', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://u@db:5432/armstrail', WEB_CONCURRENCY: '2' }).workers,
    ).toBe(2);
    expect(() => loadConfig({ WEB_CONCURRENCY: '2' })).toThrow(
      /WEB_CONCURRENCY: more than one worker needs DATABASE_URL/,
    );
    expect(() => loadConfig({ WEB_CONCURRENCY: '0' })).toThrow(/WEB_CONCURRENCY/);
  });

  it('takes read replicas as a comma-separated DATABASE_READ_URL, only beside DATABASE_URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@primary:5432/armstrail',
      DATABASE_READ_URL:
        'postgres://u@replica1:5432/armstrail, postgres://u@replica2:5432/armstrail',
    });
    expect(config.database).toMatchObject({
      readUrls: ['postgres://u@replica1:5432/armstrail', 'postgres://u@replica2:5432/armstrail'],
    });
    expect(config.readAfterWriteMs).toBe(5000);
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://u@replica1/a' })).toThrow(
      /DATABASE_READ_URL: replicas need DATABASE_URL/,
    );
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://u@p/a', DATABASE_READ_URL: 'mysql://r/a' }),
    ).toThrow(/DATABASE_READ_URL/);
  });
});
