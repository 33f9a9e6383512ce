/*
 * Renders GraphiQL 2 (UMD globals React, ReactDOM and GraphiQL from the WebJars) into
 * #graphiql. An external file rather than an inline script, so the page works under
 * "script-src 'self'".
 */
(function () {
  'use strict';

  // Spring's /graphiql redirect adds ?path=<endpoint>&wsPath=<WebSocket endpoint>. Only
  // same-origin paths are taken, so a crafted link cannot point the editor (and any
  // credential typed into it) elsewhere.
  function sameOriginPath(name) {
    var path = new URLSearchParams(window.location.search).get(name);
    return path && path.charAt(0) === '/' && path.charAt(1) !== '/' && path.charAt(1) !== '\\'
      ? path
      : '/graphql';
  }

  function endpoint() {
    return sameOriginPath('path');
  }

  var defaultQuery = [
    '# Organizations Gateway: GraphQL over the WorkOS',
    '# Organizations API. Run an operation with Ctrl-Enter',
    '# or the run button; the Docs button on the left',
    '# browses the schema. Without WORKOS_API_KEY the',
    '# gateway serves seeded example organizations.',
    '',
    '# A page of organizations, oldest first. For the next',
    '# page pass pageInfo.endCursor as `after: "..."`;',
    '# `last` with `before` pages backward.',
    'query OrganizationPage {',
    '  organizations(first: 3, order: ASC) {',
    '    edges {',
    '      node {',
    '        id',
    '        name',
    '        externalId',
    '        domains {',
    '          domain',
    '          state',
    '        }',
    '      }',
    '    }',
    '    pageInfo {',
    '      hasNextPage',
    '      endCursor',
    '    }',
    '  }',
    '}',
    '',
    '# One organization by the id it has in your own',
    '# system (give either id or externalId).',
    'query OrganizationByExternalId {',
    '  organization(externalId: "acme-0001") {',
    '    id',
    '    name',
    '    metadata {',
    '      key',
    '      value',
    '    }',
    '  }',
    '}',
    '',
    '# Live changes, over a WebSocket to the same endpoint:',
    '# run it, then change an organization (here in another',
    '# tab, or anywhere); the result pane shows each change.',
    'subscription OrganizationChanges {',
    '  organizationChanged {',
    '    kind',
    '    organizationId',
    '    organization {',
    '      name',
    '    }',
    '  }',
    '}',
    ''
  ].join('\n');

  // Sent with every request from the Headers tab below the editor. When the gateway asks
  // for a credential, put it there as JSON, for example
  //   { "Authorization": "Bearer <token>" }
  // shouldPersistHeaders is off, so a credential typed there stays in memory and is
  // never written to the browser's localStorage.
  // Subscriptions send the same headers in the WebSocket's connection_init message, which
  // is where the gateway reads a browser's credential (a handshake cannot carry headers).
  var defaultHeaders = '{}';

  // Same host as the page: the WebSocket counts as 'self' under the CSP's connect-src.
  function subscriptionUrl() {
    return (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host +
      sameOriginPath('wsPath');
  }

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: endpoint(), subscriptionUrl: subscriptionUrl() }),
      defaultQuery: defaultQuery,
      defaultHeaders: defaultHeaders,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false
    })
  );
})();
