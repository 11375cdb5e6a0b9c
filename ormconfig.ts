import { createDataSource } from './src/db/data-source';

/**
 * DataSource for the TypeORM CLI (`npm run migration:run|revert|generate`), which runs it
 * from the compiled build. It needs DATABASE_URL; the server itself does not.
 */
const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('DATABASE_URL must be set for the TypeORM CLI, e.g. postgres://postgres:postgres@localhost:5432/hubgraph');
}

export default createDataSource({ url });
