import http from 'node:http';
import { Pool } from 'pg';
import { floorQuery } from './floor-sql';

/**
 * The floor comparator: a bare node:http handler and pg, one statement per page, the JSON
 * built by PostgreSQL. POST /graphql with `{ operationName, variables }` of HomePage,
 * ObjectivePage or PracticePage. Run as its own process: `node dist/bench/floor-server.js <databaseUrl> <port>`.
 */
async function main(url: string, port: number): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 10 });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      try {
        const { operationName, variables = {} } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        const floor = floorQuery(operationName, variables);
        if (!floor) {
          res.writeHead(404).end();
          return;
        }
        const { rows } = await pool.query(floor.text, floor.values);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(rows[0].body);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      }
    });
  });
  server.listen(port, '127.0.0.1', () => console.log(`floor ready on ${port}`));
  process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
}

void main(process.argv[2], Number(process.argv[3]));
