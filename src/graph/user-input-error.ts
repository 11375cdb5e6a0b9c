import { GraphQLError } from 'graphql';

/**
 * A GraphQL error for input the caller can fix, with code BAD_USER_INPUT and the name of
 * the argument at fault.
 */
export function userInputError(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
}
