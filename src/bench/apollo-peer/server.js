// The benchmark's Node peer: the same two queries over the same Organizations API, written the
// way Apollo's documentation writes a REST-backed graph. Apollo Server 5's standalone server, one
// RESTDataSource per request (its documented lifetime), sharing the server's cache. Upstream
// reads are cached for as long as the gateway caches them by default (60 s for an organization,
// 5 s for a list), through RESTDataSource's own `cacheOptionsFor`, so both sides do the same
// upstream work. One worker per core (node:cluster), as a Node service on its own machine runs.
//
// Environment: PORT (4000), ORGANIZATIONS_API_URL (http://127.0.0.1:8080/), WORKOS_API_KEY
// (sk_test_anything; any sk_ key for the local API), WORKERS (one per core),
// ORGANIZATION_TTL and LIST_TTL (60, 5 seconds; 0 caches nothing).
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { RESTDataSource } from '@apollo/datasource-rest';
import { GraphQLError } from 'graphql';

const port = Number(process.env.PORT ?? 4000);
const upstream = process.env.ORGANIZATIONS_API_URL ?? 'http://127.0.0.1:8080/';
const apiKey = process.env.WORKOS_API_KEY ?? 'sk_test_anything';
const workers = Number(process.env.WORKERS ?? availableParallelism());
const organizationTtl = Number(process.env.ORGANIZATION_TTL ?? 60);
const listTtl = Number(process.env.LIST_TTL ?? 5);

class OrganizationsAPI extends RESTDataSource {
  baseURL = upstream;

  willSendRequest(_path, request) {
    request.headers.authorization = `Bearer ${apiKey}`;
  }

  cacheOptionsFor(url) {
    const ttl = new URL(url).pathname === '/organizations' ? listTtl : organizationTtl;
    return ttl > 0 ? { ttl } : undefined;
  }

  getOrganization(id) {
    return this.get(`organizations/${encodeURIComponent(id)}`);
  }

  listOrganizations({ limit, after }) {
    const params = { limit: String(limit), order: 'desc' };
    if (after) {
      params.after = after;
    }
    return this.get('organizations', { params });
  }
}

const DOMAIN_STATES = new Set(['PENDING', 'VERIFIED', 'FAILED', 'LEGACY_VERIFIED', 'UNVERIFIED']);

// The gateway's cursors: base64url of "v1:" and the organization id.
const encodeCursor = (id) => Buffer.from(`v1:${id}`).toString('base64url');
const decodeCursor = (cursor) => {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  if (!decoded.startsWith('v1:')) {
    throw new GraphQLError('The cursor is not one this API returned', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return decoded.slice(3);
};

const resolvers = {
  Query: {
    organization: async (_, { id }, { dataSources }) => {
      try {
        return await dataSources.organizations.getOrganization(id);
      } catch (error) {
        if (error.extensions?.response?.status === 404) {
          throw new GraphQLError('No organization has this id', { extensions: { code: 'NOT_FOUND' } });
        }
        throw error;
      }
    },
    organizations: async (_, { first, after }, { dataSources }) => {
      const limit = first ?? 10;
      if (limit < 1 || limit > 100) {
        throw new GraphQLError('first must be between 1 and 100', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      const page = await dataSources.organizations.listOrganizations({
        limit,
        after: after ? decodeCursor(after) : undefined,
      });
      const edges = page.data.map((organization) => ({ cursor: encodeCursor(organization.id), node: organization }));
      return {
        edges,
        pageInfo: {
          hasNextPage: page.list_metadata.after != null,
          hasPreviousPage: page.list_metadata.before != null,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
  },
  Organization: {
    externalId: (organization) => organization.external_id ?? null,
  },
  OrganizationDomain: {
    state: (domain) => {
      const state = domain.state?.toUpperCase();
      return DOMAIN_STATES.has(state) ? state : 'UNKNOWN';
    },
  },
};

async function start() {
  const typeDefs = readFileSync(new URL('../schema.graphqls', import.meta.url), 'utf8');
  const server = new ApolloServer({ typeDefs, resolvers });
  const { url } = await startStandaloneServer(server, {
    listen: { port, host: '127.0.0.1' },
    context: async () => ({
      dataSources: { organizations: new OrganizationsAPI({ cache: server.cache }) },
    }),
  });
  console.log(`Apollo peer (pid ${process.pid}) at ${url} over ${upstream}`);
}

if (cluster.isPrimary && workers > 1) {
  let stopping = false;
  for (let i = 0; i < workers; i++) {
    cluster.fork();
  }
  cluster.on('exit', (worker, code) => {
    if (!stopping) {
      console.error(`Worker ${worker.process.pid} exited with ${code}`);
      process.exit(1);
    }
  });
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers)) {
        worker.process.kill(signal);
      }
      process.exit(0);
    });
  }
} else {
  await start();
}
