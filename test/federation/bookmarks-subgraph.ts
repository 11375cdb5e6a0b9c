import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

/**
 * Another team's subgraph, for the composition test: bookmarks of practices (it extends
 * Practice by id with a count) and followers of objectives (it extends Objective by number).
 */
export async function startBookmarksSubgraph(data: { bookmarks: Record<string, number>; followers: Record<number, number>; pinned: string[] }) {
  const typeDefs = parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Practice @key(fields: "id") { id: ID! bookmarkCount: Int! }
    type Objective @key(fields: "number") { number: Int! followers: Int! }
    type Bookmark { id: ID! practice: Practice! note: String }
    type Query { bookmarks: [Bookmark!]! }
  `);
  const resolvers = {
    Query: { bookmarks: () => data.pinned.map((id, i) => ({ id: `b${i}`, practice: { id }, note: `note ${i}` })) },
    Practice: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      bookmarkCount: (p: { id: string }) => data.bookmarks[p.id] ?? 0,
    },
    Objective: {
      __resolveReference: (ref: { number: number }) => ({ number: ref.number }),
      followers: (o: { number: number }) => data.followers[o.number] ?? 0,
    },
  };
  const server = new ApolloServer({ schema: buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]) });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

export type { http };
