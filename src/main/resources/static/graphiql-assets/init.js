/*
 * Renders GraphiQL 2 (UMD globals React, ReactDOM and GraphiQL from the WebJars) into
 * #graphiql. An external file rather than an inline script, so the page works under
 * "script-src 'self'".
 */
(function () {
  'use strict';

  // Spring's /graphiql redirect adds ?path=<endpoint>. Only same-origin paths are taken, so a
  // crafted link cannot point the editor (and any credential typed into it) elsewhere.
  function endpoint() {
    var path = new URLSearchParams(window.location.search).get('path');
    return path && path.charAt(0) === '/' && path.charAt(1) !== '/' && path.charAt(1) !== '\\'
      ? path
      : '/graphql';
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
    ''
  ].join('\n');

  // Sent with every request from the Headers tab below the editor. When the gateway asks
  // for a credential, put it there as JSON, for example
  //   { "Authorization": "Bearer <token>" }
  // shouldPersistHeaders is off, so a credential typed there stays in memory and is
  // never written to the browser's localStorage.
  var defaultHeaders = '{}';

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: endpoint() }),
      defaultQuery: defaultQuery,
      defaultHeaders: defaultHeaders,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false
    })
  );
})();
