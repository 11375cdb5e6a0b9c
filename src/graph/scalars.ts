import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, LocalDateResolver, URLResolver } from 'graphql-scalars';

/** An instant, ISO 8601 with offset (graphql-scalars DateTime). */
export const DateTimeScalar = DateTimeResolver;

/** A calendar date, `YYYY-MM-DD` (graphql-scalars LocalDate, named Date as the contract says). */
export const DateScalar = new GraphQLScalarType({ ...LocalDateResolver.toConfig(), name: 'Date' });

/** An absolute URL (graphql-scalars URL). */
export const URLScalar = URLResolver;
