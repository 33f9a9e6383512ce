// A second, independent subgraph, as another team would run it: users, each belonging to an
// organization that it only references by id. The router asks the gateway for the rest.
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

/** The subgraph's SDL, with its federation directives, as given to composition. */
export const usersTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Query {
    users: [User!]!
  }

  type User @key(fields: "id") {
    id: ID!
    name: String!
    organization: Organization
  }

  type Organization @key(fields: "id", resolvable: false) {
    id: ID!
  }
`;

// What the router sends this subgraph is plain GraphQL, so a plain schema serves it.
const executableTypeDefs = /* GraphQL */ `
  type Query { users: [User!]! }
  type User { id: ID! name: String! organization: Organization }
  type Organization { id: ID! }
`;

/** Starts the subgraph on a free loopback port; users is a list of {id, name, organizationId}. */
export async function startUsersSubgraph(users) {
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: executableTypeDefs,
      resolvers: {
        Query: { users: () => users },
        User: { organization: (user) => (user.organizationId ? { id: user.organizationId } : null) },
      },
    }),
    logging: false,
  });
  const server = createServer(yoga);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/graphql` };
}
