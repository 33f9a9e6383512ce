// Composes this gateway's subgraph (its _service { sdl }) with the users subgraph into a
// supergraph, and serves it through Hive Gateway on a free loopback port.
//
// Environment: GATEWAY_URL (default http://127.0.0.1:8080/graphql), GATEWAY_API_KEY (sent to
// read the SDL; clients' own X-API-Key / Authorization headers are forwarded to the gateway),
// USERS (JSON list of {id, name, organizationId}), PORT (0 = any free port).
// Prints "SUPERGRAPH_URL <url>" once it serves.
import { createServer } from 'node:http';
import { parse } from 'graphql';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { startUsersSubgraph, usersTypeDefs } from './users-subgraph.mjs';

const gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080/graphql';
const apiKey = process.env.GATEWAY_API_KEY;
const users = JSON.parse(process.env.USERS ?? '[]');

const sdlResponse = await fetch(gatewayUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(apiKey ? { 'x-api-key': apiKey } : {}) },
  body: JSON.stringify({ query: '{ _service { sdl } }' }),
});
const sdlBody = await sdlResponse.json();
if (!sdlBody.data?._service?.sdl) {
  throw new Error(`No _service { sdl } from ${gatewayUrl}: ${JSON.stringify(sdlBody)}`);
}

const usersSubgraph = await startUsersSubgraph(users);
const composition = composeServices([
  { name: 'organizations', typeDefs: parse(sdlBody.data._service.sdl), url: gatewayUrl },
  { name: 'users', typeDefs: parse(usersTypeDefs), url: usersSubgraph.url },
]);
if (compositionHasErrors(composition)) {
  throw new Error(`Composition failed:\n${composition.errors.map((error) => error.message).join('\n')}`);
}

// The runtime loads each subgraph's transport by package name: @graphql-mesh/transport-http
// is therefore a direct dependency in package.json.
const gateway = createGatewayRuntime({
  supergraph: composition.supergraphSdl,
  logging: 'warn',
  // Subgraph errors reach the client as they are (this gateway already words them for
  // clients); Hive Gateway would otherwise mask them as "Unexpected error.".
  maskedErrors: false,
  // The gateway authenticates each caller: forward the router's caller's credential.
  propagateHeaders: {
    fromClientToSubgraphs: ({ request, subgraphName }) =>
      subgraphName === 'organizations'
        ? { 'x-api-key': request.headers.get('x-api-key'), authorization: request.headers.get('authorization') }
        : {},
  },
});
const server = createServer(gateway);
await new Promise((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
console.log(`SUPERGRAPH_URL http://127.0.0.1:${server.address().port}/graphql`);

const stop = () => {
  server.close();
  usersSubgraph.server.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
