import type { DataSource } from 'typeorm';

export interface Health {
  status: 'ok' | 'unavailable';
  database: 'up' | 'down';
  /** Applied migrations, so a deploy can tell the schema is current. */
  migrations?: number;
  error?: string;
}

/** Asks PostgreSQL for a trivial answer within `timeoutMs`. */
export async function checkHealth(dataSource: DataSource, timeoutMs = 2000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const rows = await Promise.race([
      dataSource.query('/* health */ SELECT count(*)::int AS migrations FROM migrations') as Promise<{ migrations: number }[]>,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'ok', database: 'up', migrations: rows[0].migrations };
  } catch (error) {
    return { status: 'unavailable', database: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
